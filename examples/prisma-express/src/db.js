// The database side that both builds share: one pg.Pool, handed to
// @prisma/adapter-pg, and a Prisma Client on top of it. The pool is the app's
// own, so GET /metrics can report its clients and shutdown can end it.

/**
 * Pool size. pg's other defaults stay as they are: no acquire timeout
 * (connectionTimeoutMillis 0, a query waits for a free client as long as it
 * takes) and idle clients closed after 10 s.
 */
export const POOL_MAX = 10

export function connect({ deps, connectionString, log }) {
  const pool = new deps.pg.Pool({ connectionString, max: POOL_MAX })
  // An idle client whose server went away emits 'error' on the pool; without a
  // listener Node would crash the whole process.
  pool.on('error', (error) => log.warn(`pg pool: idle client error: ${error.message}`))
  const prisma = new deps.PrismaClient({ adapter: new deps.PrismaPg(pool) })
  return { pool, prisma }
}
