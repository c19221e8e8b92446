// The Prisma Express example API (prisma-examples orm/express), shared by both
// builds: each build hands in its own Express, Prisma Client and pg.Pool, so
// this file has no package imports of its own.
//
// Routes: POST /signup, POST /post, PUT /post/:id/views, PUT /publish/:id,
// DELETE /post/:id, GET /users, GET /user/:id/drafts, GET /post/:id, GET /feed,
// plus GET /api/health, GET /api/health/db and GET /metrics. There is no web UI
// and no way to delete a user, like many real APIs.
import { HttpError, parseCount, parseId, requireString, toHttp } from './errors.js'

/** How long GET /api/health/db waits for `SELECT 1` before answering 503. */
export const DB_CHECK_TIMEOUT_MS = 2000

export function createApp({ express, prisma, metrics, info, log }) {
  const app = express()
  app.disable('x-powered-by')
  app.set('etag', false)
  app.use(metrics.timeRequests)
  app.use(express.json({ limit: '100kb' }))

  app.get('/api/health', (req, res) => {
    res.json({ status: 'ok', version: info.version, prisma: info.prisma })
  })

  app.get('/api/health/db', async (req, res) => {
    const started = process.hrtime.bigint()
    const latencyMs = () => Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100
    try {
      await withTimeout(prisma.$queryRaw`SELECT 1`, DB_CHECK_TIMEOUT_MS)
      res.json({ status: 'ok', latencyMs: latencyMs() })
    } catch (error) {
      const reason = error instanceof TimeoutError ? error.message : 'database unreachable'
      log.warn(`health/db: ${reason}: ${oneLine(error)}`)
      res.status(503).json({ status: 'error', error: reason, latencyMs: latencyMs() })
    }
  })

  app.get('/metrics', async (req, res) => {
    res.set('Content-Type', metrics.registry.contentType)
    res.send(await metrics.registry.metrics())
  })

  app.post('/signup', async (req, res) => {
    const body = objectBody(req)
    const email = requireString(body.email, 'email')
    const name = requireString(body.name, 'name', { optional: true })
    if (body.posts !== undefined && !Array.isArray(body.posts)) throw new HttpError(400, 'posts must be an array')
    const posts = (body.posts ?? []).map((post, i) => {
      if (post === null || typeof post !== 'object') throw new HttpError(400, `posts[${i}] must be an object`)
      return {
        title: requireString(post.title, `posts[${i}].title`),
        content: requireString(post.content, `posts[${i}].content`, { optional: true }),
      }
    })
    const user = await prisma.user.create({
      data: { name, email, posts: { create: posts } },
    })
    res.json(user)
  })

  app.post('/post', async (req, res) => {
    const body = objectBody(req)
    const title = requireString(body.title, 'title')
    const content = requireString(body.content, 'content', { optional: true })
    const authorEmail = requireString(body.authorEmail, 'authorEmail', { optional: true })
    if (authorEmail !== undefined) {
      const author = await prisma.user.findUnique({ where: { email: authorEmail }, select: { id: true } })
      if (!author) throw new HttpError(400, `Author with email ${authorEmail} does not exist`)
    }
    const post = await prisma.post.create({
      data: {
        title,
        content,
        ...(authorEmail !== undefined ? { author: { connect: { email: authorEmail } } } : {}),
      },
    })
    res.json(post)
  })

  app.put('/post/:id/views', async (req, res) => {
    const id = parseId(req.params.id)
    const post = await orNotFound(
      prisma.post.update({ where: { id }, data: { viewCount: { increment: 1 } } }),
      `Post with ID ${id} does not exist in the database`,
    )
    res.json(post)
  })

  app.put('/publish/:id', async (req, res) => {
    const id = parseId(req.params.id)
    const current = await prisma.post.findUnique({ where: { id }, select: { published: true } })
    if (!current) throw new HttpError(404, `Post with ID ${id} does not exist in the database`)
    const post = await orNotFound(
      prisma.post.update({ where: { id }, data: { published: !current.published } }),
      `Post with ID ${id} does not exist in the database`,
    )
    res.json(post)
  })

  app.delete('/post/:id', async (req, res) => {
    const id = parseId(req.params.id)
    const post = await orNotFound(
      prisma.post.delete({ where: { id } }),
      `Post with ID ${id} does not exist in the database`,
    )
    res.json(post)
  })

  app.get('/users', async (req, res) => {
    res.json(await prisma.user.findMany({ orderBy: { id: 'asc' } }))
  })

  app.get('/user/:id/drafts', async (req, res) => {
    const authorId = parseId(req.params.id, 'user id')
    const drafts = await prisma.post.findMany({
      where: { authorId, published: false },
      orderBy: { id: 'asc' },
    })
    res.json(drafts)
  })

  app.get('/post/:id', async (req, res) => {
    const id = parseId(req.params.id)
    const post = await prisma.post.findUnique({ where: { id } })
    if (!post) throw new HttpError(404, `Post with ID ${id} does not exist in the database`)
    res.json(post)
  })

  app.get('/feed', async (req, res) => {
    const { searchString, orderBy = 'desc' } = req.query
    if (searchString !== undefined && typeof searchString !== 'string') {
      throw new HttpError(400, 'searchString must be a single string')
    }
    if (orderBy !== 'asc' && orderBy !== 'desc') {
      throw new HttpError(400, `orderBy must be asc or desc, got ${JSON.stringify(orderBy)}`)
    }
    const skip = parseCount(req.query.skip, 'skip')
    const take = parseCount(req.query.take, 'take')
    const search = searchString
      ? { OR: [{ title: { contains: searchString } }, { content: { contains: searchString } }] }
      : {}
    const posts = await prisma.post.findMany({
      where: { published: true, ...search },
      include: { author: true },
      skip,
      take,
      orderBy: [{ updatedAt: orderBy }, { id: orderBy }],
    })
    res.json(posts)
  })

  app.use((req, res) => {
    res.status(404).json({ error: `No route for ${req.method} ${req.path}` })
  })

  // Express 5 sends rejected async handlers here too.
  app.use((error, req, res, next) => {
    const { status, body } = toHttp(error)
    if (status >= 500) log.error(`${req.method} ${req.originalUrl} -> ${status}: ${oneLine(error)}`)
    if (res.headersSent) return next(error)
    res.status(status).json(body)
  })

  return app
}

function objectBody(req) {
  if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
    throw new HttpError(400, 'Request body must be a JSON object (Content-Type: application/json)')
  }
  return req.body
}

// Prisma answers P2025 when update/delete finds no row; keep the route's message.
async function orNotFound(promise, message) {
  try {
    return await promise
  } catch (error) {
    if (error?.code === 'P2025') throw new HttpError(404, message)
    throw error
  }
}

class TimeoutError extends Error {}

function withTimeout(promise, ms) {
  let timer
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`no answer from the database within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

function oneLine(error) {
  const text = error?.message ?? String(error)
  return text.replace(/\s+/g, ' ').trim().slice(0, 500)
}
