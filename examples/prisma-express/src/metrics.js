// Prometheus metrics for GET /metrics (prom-client, handed in by the build so
// each build uses its own pinned copy).
//
//   default process/Node.js metrics    process_resident_memory_bytes, process_cpu_seconds_total,
//                                      nodejs_heap_size_used_bytes, nodejs_eventloop_lag_seconds, ...
//   http_request_duration_seconds      histogram {method, route, status}; route is the Express
//                                      route pattern (/post/:id), "unmatched" for 404s of unknown paths
//   pg_pool_total_clients              gauge: clients the pg.Pool holds (busy + idle)
//   pg_pool_idle_clients               gauge: clients connected but not checked out
//   pg_pool_waiting_requests           gauge: queries queued for a client because all are busy
//   pg_pool_max_clients                gauge: the pool's size limit (`max`)
//   app_build_info                     gauge, always 1 {version, prisma, adapter_pg, node}
//
// The pool gauges are read from the pg.Pool handed to @prisma/adapter-pg at
// scrape time, so they show exhaustion (waiting > 0 while total == max).

export function createMetrics({ promClient, pool, info }) {
  const registry = new promClient.Registry()
  promClient.collectDefaultMetrics({ register: registry })

  const httpDuration = new promClient.Histogram({
    name: 'http_request_duration_seconds',
    help: 'Duration of HTTP requests in seconds, by method, Express route and status code',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })

  const poolGauge = (name, help, read) =>
    new promClient.Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read())
      },
    })
  poolGauge('pg_pool_total_clients', 'Clients held by the pg pool behind @prisma/adapter-pg (busy + idle)', () => pool.totalCount)
  poolGauge('pg_pool_idle_clients', 'Connected pg pool clients that are not checked out', () => pool.idleCount)
  poolGauge('pg_pool_waiting_requests', 'Queries waiting for a pg pool client because all are busy', () => pool.waitingCount)
  poolGauge('pg_pool_max_clients', 'Size limit (max) of the pg pool', () => pool.options.max)

  const buildInfo = new promClient.Gauge({
    name: 'app_build_info',
    help: 'Build of the running application (always 1)',
    labelNames: ['version', 'prisma', 'adapter_pg', 'node'],
    registers: [registry],
  })
  buildInfo.set({ version: info.version, prisma: info.prisma, adapter_pg: info.adapterPg, node: process.version }, 1)

  /** Express middleware that times every request into the histogram. */
  function timeRequests(req, res, next) {
    const end = httpDuration.startTimer()
    res.on('finish', () => {
      end({ method: req.method, route: routeOf(req), status: String(res.statusCode) })
    })
    next()
  }

  return { registry, timeRequests }
}

// The route pattern keeps the label set small: /post/:id, not /post/17.
function routeOf(req) {
  if (req.route?.path) return `${req.baseUrl ?? ''}${req.route.path}`
  return 'unmatched'
}
