// Starts one build of the API. Each build's server.js imports its own pinned
// packages (deps.js) and calls start(); everything else is shared.
//
// Config comes only from the environment: PORT (default 3000), HOST (default
// 127.0.0.1), DATABASE_URL (required), LOG_FILE (optional, log lines are
// appended there as well as written to stdout).
import { createApp } from './app.js'
import { connect } from './db.js'
import { createLog } from './log.js'
import { createMetrics } from './metrics.js'
import { buildInfo } from './versions.js'

const SHUTDOWN_DEADLINE_MS = 10_000

export function start(deps) {
  const log = createLog(process.env.LOG_FILE)
  const connectionString = process.env.DATABASE_URL
  if (!connectionString) {
    log.error('DATABASE_URL is not set: give the PostgreSQL connection URL in the environment')
    process.exit(2)
  }
  const host = process.env.HOST || '127.0.0.1'
  const port = Number(process.env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    log.error(`PORT must be a TCP port number, got ${JSON.stringify(process.env.PORT)}`)
    process.exit(2)
  }

  const info = buildInfo(deps.buildDir)
  const { pool, prisma } = connect({ deps, connectionString, log })
  const metrics = createMetrics({ promClient: deps.promClient, pool, info })
  const app = createApp({ express: deps.express, prisma, metrics, info, log })

  process.on('unhandledRejection', (reason) => log.error(`unhandled rejection: ${reason?.stack ?? reason}`))
  process.on('uncaughtException', (error) => {
    log.error(`uncaught exception, exiting: ${error?.stack ?? error}`)
    process.exit(1)
  })

  const server = app.listen(port, host)
  server.on('error', (error) => {
    log.error(`cannot listen on ${host}:${port}: ${error.message}`)
    process.exit(1)
  })
  server.on('listening', () => {
    const address = server.address()
    log.info(
      `${info.name} ${info.version} listening on http://${address.address}:${address.port} ` +
        `(Prisma Client ${info.prisma}, @prisma/adapter-pg ${info.adapterPg}, Node.js ${process.version}, pid ${process.pid})`,
    )
  })

  let stopping = false
  const shutdown = async (signal) => {
    if (stopping) return
    stopping = true
    log.info(`${signal} received: closing the HTTP server, then Prisma and the pg pool`)
    setTimeout(() => {
      log.error(`shutdown took longer than ${SHUTDOWN_DEADLINE_MS} ms, exiting`)
      process.exit(1)
    }, SHUTDOWN_DEADLINE_MS).unref()
    await new Promise((resolve) => {
      server.close(resolve) // waits for requests in flight
      server.closeIdleConnections()
    })
    try {
      await prisma.$disconnect()
      await pool.end()
    } catch (error) {
      log.warn(`while disconnecting: ${error.message}`)
    }
    log.info('shutdown complete')
    process.exit(0)
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
  return server
}
