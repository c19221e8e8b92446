// Turns what the API can go wrong with into HTTP answers. Bad input is the
// client's fault and answers 4xx; only a real server fault answers 5xx.
//
// Prisma errors are recognised by their documented `code` (P2002 ...) and
// `name`, not by `instanceof`, because the two builds' clients are different
// classes from different packages.

/** An error that already knows its HTTP status and client-facing message. */
export class HttpError extends Error {
  constructor(status, message) {
    super(message)
    this.status = status
  }
}

const PG_INT4_MAX = 2147483647

/** Parses a route id: a positive int4, as Prisma's `Int @id` column holds. */
export function parseId(raw, what = 'id') {
  if (!/^\d{1,10}$/.test(raw ?? '') || Number(raw) < 1 || Number(raw) > PG_INT4_MAX) {
    throw new HttpError(400, `${what} must be a positive integer, got ${JSON.stringify(raw)}`)
  }
  return Number(raw)
}

/** Parses an optional non-negative integer query parameter (skip, take). */
export function parseCount(raw, name) {
  if (raw === undefined || raw === '') return undefined
  if (typeof raw !== 'string' || !/^\d{1,6}$/.test(raw)) {
    throw new HttpError(400, `${name} must be a non-negative integer, got ${JSON.stringify(raw)}`)
  }
  return Number(raw)
}

export function requireString(value, name, { optional = false } = {}) {
  if (value === undefined || value === null) {
    if (optional) return undefined
    throw new HttpError(400, `${name} is required`)
  }
  if (typeof value !== 'string' || (!optional && value.trim() === '')) {
    throw new HttpError(400, `${name} must be a non-empty string`)
  }
  return value
}

// Codes that mean the database could not be used at all (connection refused,
// dropped, timed out): the service is unavailable, not broken.
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024'])
const UNAVAILABLE_DRIVER = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03'])

/** True when an error says the database is unreachable rather than the request is wrong. */
export function isDatabaseUnavailable(error) {
  if (!error) return false
  if (UNAVAILABLE_CODES.has(error.code)) return true
  if (UNAVAILABLE_DRIVER.has(error.code) || UNAVAILABLE_DRIVER.has(error.cause?.code)) return true
  if (error.name === 'PrismaClientInitializationError') return true
  const text = `${error.message ?? ''}`
  return /ECONNREFUSED|Connection terminated|connect ETIMEDOUT|terminating connection|DatabaseNotReachable|Can't reach database/i.test(text)
}

/**
 * Maps an error to `{ status, body }`. `notFound` is the message for a record
 * that an update/delete did not find (Prisma P2025).
 */
export function toHttp(error, { notFound = 'Record not found' } = {}) {
  if (error instanceof HttpError) return { status: error.status, body: { error: error.message } }
  // express.json(): malformed JSON, wrong content, too large
  if (error?.type === 'entity.parse.failed') return { status: 400, body: { error: 'Malformed JSON body' } }
  if (error?.type === 'entity.too.large') return { status: 413, body: { error: 'Request body too large' } }
  if (typeof error?.status === 'number' && error.status >= 400 && error.status < 500 && error.expose) {
    return { status: error.status, body: { error: error.message } }
  }
  switch (error?.code) {
    case 'P2002':
      return { status: 409, body: { error: `A record with this ${uniqueTarget(error)} already exists` } }
    case 'P2025':
      return { status: 404, body: { error: notFound } }
    case 'P2003':
      return { status: 400, body: { error: 'A referenced record does not exist' } }
    case 'P2000':
      return { status: 400, body: { error: 'A value is too long for its column' } }
    default:
      break
  }
  if (error?.name === 'PrismaClientValidationError') {
    return { status: 400, body: { error: 'Invalid request data' } }
  }
  if (isDatabaseUnavailable(error)) return { status: 503, body: { error: 'Database unavailable' } }
  return { status: 500, body: { error: 'Internal server error' } }
}

function uniqueTarget(error) {
  const target = error.meta?.target ?? error.meta?.driverAdapterError?.cause?.constraint?.fields
  if (Array.isArray(target) && target.length > 0) return target.join(', ')
  if (typeof target === 'string') return target.replace(/^User_|_key$/g, '')
  return 'value'
}
