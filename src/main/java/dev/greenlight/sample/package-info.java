/**
 * The bundled sample staging app: a stand-in for a Node.js + PostgreSQL service built on Prisma's
 * {@code orm/express} example, upgraded from Prisma 6.19.0 (the <em>baseline</em>) to 7.0.1 (the
 * <em>candidate</em>). The harness starts it as a child JVM and talks to it only over HTTP, JDBC and
 * its log file; no harness code imports this package. Faults make it misbehave on purpose, so every
 * suite can be shown to fail.
 *
 * <h2>Starting it</h2>
 * <pre>
 * java -cp &lt;classpath&gt; dev.greenlight.sample.SampleStagingApp      # configured by the environment below
 * </pre>
 * In-process (tests): {@code SampleStagingApp.start(AppConfig.fromEnvironment(env, systemProperties))}
 * returns once the server listens; {@code close()} stops it. {@code PORT=0} picks a free port, read it
 * back with {@code port()} or from the log line {@code Server listening on http://HOST:PORT}.
 * Start-up takes about a second on an idle 2-core machine (JVM included), longer when the machine
 * is loaded.
 *
 * <h2>Environment</h2>
 * <table>
 * <caption>Configuration (environment variables only, except the fault list)</caption>
 * <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code PORT}</td><td>required</td><td>HTTP port; 0 = any free port</td></tr>
 * <tr><td>{@code HOST}</td><td>{@code 127.0.0.1}</td><td>bind address</td></tr>
 * <tr><td>{@code DATABASE_URL}</td><td>required</td><td>Prisma form
 *     {@code postgresql://user:password@host:port/db?schema=public}; {@code schema} becomes JDBC
 *     {@code currentSchema}, {@code sslmode} and {@code connect_timeout} pass through,
 *     {@code pool_timeout} (seconds) is honoured by 6.19.0 only, as Prisma 7's pg adapter ignores it.
 *     The password is never logged.</td></tr>
 * <tr><td>{@code PRISMA_VERSION}</td><td>{@code 7.0.1}</td><td>personality: {@code 7.0.1} or {@code 6.19.0}</td></tr>
 * <tr><td>{@code APP_VERSION}</td><td>{@code 2.4.0}</td><td>reported in {@code /api/health} and the log</td></tr>
 * <tr><td>{@code MIGRATIONS_DIR}</td><td>{@code src/main/resources/dev/greenlight/sample/prisma/migrations}
 *     (relative to the working directory)</td><td>the {@code prisma/migrations} folder; missing = exit 2</td></tr>
 * <tr><td>{@code LOG_FILE}</td><td>none</td><td>file the log is appended to (parent folders created); the log always
 *     goes to stdout too</td></tr>
 * <tr><td>{@code ADMIN_TOKEN}</td><td>none</td><td>enables {@code /__admin/faults}; unset = that path answers 404</td></tr>
 * <tr><td>{@code POOL_SIZE}</td><td>10</td><td>connection pool size</td></tr>
 * <tr><td>{@code WORK_MS}</td><td>10</td><td>simulated business work (a sleep outside any DB connection) on every API and UI
 *     request</td></tr>
 * <tr><td>{@code HEAP_SAMPLE_INTERVAL}</td><td>{@code 2s}</td><td>how often the live heap is sampled: a full collection
 *     ({@code System.gc()}) on a daemon thread, then the heap used right after it ({@code 500ms}, {@code 2s}, {@code 1m});
 *     {@code 0} turns the sampler off</td></tr>
 * <tr><td>{@code SEED}</td><td>true</td><td>insert deterministic demo data (10 users incl. Alice, Nilu, Mahmoud; 40 posts,
 *     29 published, fixed timestamps) when {@code "User"} is empty after migrating</td></tr>
 * <tr><td>{@code EXIT_WITH_PARENT}</td><td>0</td><td>1 = exit (status 0) when stdin reaches EOF, so the app dies with the
 *     harness</td></tr>
 * <tr><td>{@code GREENLIGHT_SAMPLE_FAULTS}</td><td>none</td><td>start-up faults (below); the system property
 *     {@code greenlight.sample.faults} wins over it</td></tr>
 * </table>
 *
 * <h2>Exit status</h2>
 * 2 = bad configuration, including a bad fault spec (one message on stderr naming it); 1 = could not
 * start ({@code baseline=broken} on 6.19.0, port in use); 0 = stdin closed with {@code EXIT_WITH_PARENT=1};
 * SIGTERM stops the server (in-flight requests get up to a second), closes the pool, logs
 * {@code Stopped}, and the JVM exits with 143.
 *
 * <h2>Log</h2>
 * One line per event, {@code 2024-11-27T09:00:00.123Z LEVEL message}, on stdout and in {@code LOG_FILE}.
 * Start-up, in order: {@code Starting sample-staging-app <APP_VERSION>}; then
 * {@code Prisma Client 7.0.1 (engine: client, driver adapter: @prisma/adapter-pg)} or
 * {@code Prisma Client 6.19.0 (engine: library)}; {@code Active faults: <spec>|none};
 * {@code N migrations found in prisma/migrations}; per migration {@code Migration <name> applied (N ms)},
 * {@code Migration <name> skipped (already applied)}, {@code ERROR Migration <name> failed: Error: P3018 ...}
 * or {@code ERROR Migration <name> not applied: Error: P3009 ...}; warnings
 * {@code Migration <name> is recorded in _prisma_migrations but has no migration folder known to Prisma <v>; ignoring it}
 * and {@code The migration `<name>` was modified after it was applied (...)};
 * {@code Connection pool: ...}; {@code Server listening on http://HOST:PORT}; {@code Ready in N ms (process up N ms)}.
 * Each 5xx is logged once as {@code ERROR <METHOD> <path> -> <status>: <cause>}; fault changes are logged;
 * requests are otherwise not logged. Passwords and the admin token never appear.
 *
 * <h2>HTTP API (Prisma's Express example)</h2>
 * JSON in and out; fields as Prisma returns them (User {@code id,email,name}; Post
 * {@code id,createdAt,updatedAt,title,content,published,viewCount,authorId}, with {@code author} where
 * included), timestamps ISO-8601 UTC with milliseconds and {@code Z}.
 * <ul>
 * <li>{@code POST /signup} {@code {name?, email, posts?: [{title, content?}]}} → 200 the user</li>
 * <li>{@code POST /post} {@code {title, content?, authorEmail}} → 200 the draft</li>
 * <li>{@code PUT /post/:id/views} → 200 the post, viewCount + 1 in SQL</li>
 * <li>{@code PUT /publish/:id} → 200 the post, {@code published} toggled (as in the example)</li>
 * <li>{@code DELETE /post/:id} → 200 the deleted post</li>
 * <li>{@code GET /users}, {@code GET /user/:id/drafts}, {@code GET /post/:id} (with author)</li>
 * <li>{@code GET /feed?searchString=&skip=&take=&orderBy=asc|desc} → published posts with author; search is a
 *     case-sensitive {@code contains} on title or content with LIKE wildcards escaped; orderBy sorts by
 *     updatedAt then id; default order id ascending; {@code take=0} means no limit, as
 *     {@code Number(take) || undefined} does in the example</li>
 * <li>{@code DELETE /user/:id} → 200 the deleted user, their posts deleted too (test-data cleanup; not in the example)</li>
 * </ul>
 * Like Prisma's {@code @updatedAt}, every update (views, publish) bumps {@code updatedAt}.
 * Errors are {@code {"error":"<message>"}}: malformed JSON, a missing or mistyped field, a non-numeric or
 * out-of-range id, bad skip/take/orderBy → 400; unknown id → 404 ({@code Post 123 not found},
 * {@code User 123 not found}); unknown authorEmail → 404 naming it; duplicate email → 409 naming it;
 * wrong method → 405 with {@code Allow}; unknown path → 404. A lost database → 503 with Prisma's P1001
 * message; any other server error → 500 {@code {"error":"Internal Server Error"}} and one log line.
 *
 * <h2>Health and metrics</h2>
 * {@code GET /api/health} → 200 {@code {"status":"ok","version":..,"prisma":..,"uptimeSeconds":N}}.
 * {@code GET /api/health/db} → 200 {@code {"status":"ok","database":"postgresql","latencyMs":1.23}}
 * ({@code SELECT 1} through the pool, pool wait included) or 503
 * {@code {"status":"error","error":"Can't reach database server at host:port"}}.
 * {@code GET /metrics} (Prometheus text 0.0.4):
 * {@code process_resident_memory_bytes}, {@code process_cpu_seconds_total}, {@code process_start_time_seconds},
 * {@code nodejs_heap_size_used_bytes} (the live heap, as Node's {@code heapUsed} effectively is: the heap used right
 * after the heap sampler's last full collection, so promoted garbage does not read as growth; flat on a healthy app,
 * rising by 16 KB a request with {@code leak=16KB}, level once {@code cache=8MB} is full; with the sampler off, per
 * heap pool the usage after its most recent collection), {@code heap_sampler_last_pause_seconds} and
 * {@code heap_sampler_pause_seconds_total} (what the sampler's collections cost), {@code nodejs_heap_size_total_bytes}, {@code http_request_duration_seconds} (histogram; labels
 * {@code method}, {@code route} = the pattern such as {@code /post/:id} or {@code unmatched},
 * {@code status_code}; buckets 5 ms … 30 s; {@code /metrics} itself is not counted),
 * {@code db_query_duration_seconds} (histogram; labels {@code model}, {@code operation}, e.g.
 * {@code Post}/{@code findMany}; time inside the database per statement), {@code pg_pool_max_connections},
 * {@code pg_pool_total_connections}, {@code pg_pool_idle_connections}, {@code pg_pool_waiting_clients},
 * {@code db_connection_errors_total}, {@code app_info{version,prisma}}.
 *
 * <h2>Connection pool</h2>
 * {@code POOL_SIZE} connections opened lazily, handed out first come first served. 6.19.0 waits at
 * most 10 s ({@code pool_timeout} in the URL changes it) and then fails with P2024
 * ({@code Timed out fetching a new connection from the connection pool}) → HTTP 500. 7.0.1 waits
 * forever: exhaustion shows as latency and {@code pg_pool_waiting_clients}, not errors. API and UI
 * requests run on 128 worker threads; {@code /api/health} and {@code /metrics} do not, so they answer
 * even while every worker waits for the database.
 *
 * <h2>Web UI</h2>
 * Server-rendered HTML, no JavaScript; every page has a {@code <title>}, an {@code <h1>} and nav links
 * {@code #nav-feed}, {@code #nav-signup}, {@code #nav-create}, {@code #nav-drafts}.
 * {@code GET /} feed (published, newest updatedAt first; {@code <article class="post" data-post-id="ID">}
 * with {@code h2.post-title}, {@code .author-name}, {@code .post-content}; {@code #empty-feed} when empty),
 * search form {@code #search-form} / {@code #search-input} ({@code name="searchString"}) / {@code #search-submit}.
 * {@code GET /signup}: {@code #signup-form} ({@code name}, {@code email}, {@code #signup-submit}) → POST
 * {@code /ui/signup} → 303 {@code /drafts?author=<email>} with a flash ({@code #flash}, class {@code flash}).
 * {@code GET /create}: {@code #draft-form} ({@code title}, {@code content}, {@code authorEmail},
 * {@code #draft-submit}) → POST {@code /ui/create} → 303 {@code /p/<id>}. {@code GET /drafts[?author=email]}
 * lists drafts (same article markup). {@code GET /p/<id>}: {@code #post-status}, {@code #publish-button}
 * (drafts only; POST {@code /ui/publish/<id>} sets published → 303 {@code /}) and {@code #delete-button}
 * (POST {@code /ui/delete/<id>} → 303). Form errors re-render the form with {@code p.error#form-error}
 * and a 4xx status (400 missing field, 404 unknown author, 409 taken email).
 *
 * <h2>Migrations</h2>
 * {@code prisma/migrations/<timestamp>_<name>/migration.sql} plus {@code migration_lock.toml}:
 * {@code 20240915093000_init}, {@code 20241008120000_add_feed_index}, and (candidate only)
 * {@code 20241127090000_prisma7_user_created_at_author_index}. At start-up, under Prisma's advisory
 * lock (72707369), pending migrations go into {@code _prisma_migrations} (Prisma's DDL): a row with a
 * random UUID and the lowercase SHA-256 of the file is inserted, the script runs in a transaction,
 * then {@code finished_at} and {@code applied_steps_count = 1} are set. A failure leaves
 * {@code finished_at} NULL, 0 steps and the error in {@code logs}; while it is unresolved nothing later
 * is applied (P3009). Rows this personality does not know are logged as warnings and ignored. A failing
 * migration or an unreachable database is logged loudly and the server starts anyway.
 *
 * <h2>Faults</h2>
 * A spec is comma-separated {@code name=value} items, e.g. {@code latency=300ms,errors=3%,down=/publish};
 * {@code down} and {@code migration} may repeat. Durations take {@code ms}, {@code s} or {@code m} (at
 * most 10 minutes); percentages need {@code %}; sizes take {@code B}, {@code KB}, {@code MB}, {@code GB}
 * (1 KB = 1024 B). Anything unknown or malformed is refused with a message naming it: exit 2 at start,
 * 400 at run time. {@code none} or blank means no faults.
 * <p>Run time: {@code GET /__admin/faults} shows {@code {"faults","runtime","startup"}};
 * {@code PUT /__admin/faults} {@code {"faults":"<spec>"}} replaces the run-time faults;
 * {@code DELETE /__admin/faults} clears them. All need {@code Authorization: Bearer <ADMIN_TOKEN>}
 * (401 without, 403 wrong). No fault ever applies to {@code /__admin}; {@code /metrics} and
 * {@code /api/health*} only feel faults that target them ({@code down=} with their prefix,
 * {@code health=down}, {@code db=down}, {@code slow-queries}).
 * <table>
 * <caption>Run-time faults (also accepted at start)</caption>
 * <tr><th>fault</th><th>effect</th></tr>
 * <tr><td>{@code latency=300ms}</td><td>that delay added to every API and UI response</td></tr>
 * <tr><td>{@code slowdown=30%}</td><td>that fraction of the request's own handling time (WORK_MS included) added as delay</td></tr>
 * <tr><td>{@code errors=3%}</td><td>exactly that fraction of API requests, evenly spread (3 of every 100), answers 500
 *     without doing the work</td></tr>
 * <tr><td>{@code down=/publish}</td><td>paths starting with the prefix (API, UI, health or metrics) answer 500</td></tr>
 * <tr><td>{@code search=broken}</td><td>{@code GET /feed} and the web feed with a non-empty searchString answer 500</td></tr>
 * <tr><td>{@code health=down}</td><td>{@code /api/health} answers 503 {@code {"status":"error"}}</td></tr>
 * <tr><td>{@code db=down}</td><td>every database access fails with P1001 (counted in {@code db_connection_errors_total});
 *     API 503, {@code /api/health/db} 503, {@code /api/health} still 200</td></tr>
 * <tr><td>{@code leak=16KB}</td><td>that many bytes retained per API request, forever (stops at half the max heap so the app
 *     survives)</td></tr>
 * <tr><td>{@code cache=8MB}</td><td>16 KB retained per API request until the cap, then flat</td></tr>
 * <tr><td>{@code pool-leak=9}</td><td>that many pool connections checked out and held (at most POOL_SIZE); returned when
 *     the fault is cleared</td></tr>
 * <tr><td>{@code slow-queries=80ms}</td><td>each statement takes that much longer inside the database, in the statement
 *     itself: a read runs as {@code SELECT q.* FROM (<query>) q WHERE (SELECT true FROM pg_sleep(?))}, a write as
 *     {@code WITH q AS (<dml>) SELECT q.* FROM q WHERE (...)} (the update count as {@code count(*)}); the sleep is a
 *     one-time filter, so it runs even when nothing matches and rows keep their order. {@code pg_stat_statements}
 *     sees each statement's own mean rise by the delay, and {@code db_query_duration_seconds} times the same
 *     statement</td></tr>
 * <tr><td>{@code ui-feed=stale}</td><td>the web feed renders from a snapshot taken when the fault was set; the API is
 *     unaffected</td></tr>
 * </table>
 * <table>
 * <caption>Start-only faults (refused at run time with 400)</caption>
 * <tr><th>fault</th><th>effect</th></tr>
 * <tr><td>{@code version=7.0.0}</td><td>that Prisma version in {@code /api/health}, {@code app_info} and the start-up line</td></tr>
 * <tr><td>{@code migration=fail}</td><td>candidate: also applies {@code 20241127120000_add_user_handle}
 *     ({@code ADD COLUMN "handle" TEXT NOT NULL}), which fails on the seeded User rows: recorded as failed (P3018),
 *     later starts report P3009; the app serves</td></tr>
 * <tr><td>{@code migration=edited}</td><td>after migrating, the last applied migration's recorded checksum becomes the
 *     SHA-256 of its file plus {@code "\n-- edited after it was applied\n"}</td></tr>
 * <tr><td>{@code migration=unknown-row}</td><td>a finished row for {@code 20241120000000_manual_hotfix}, which has no folder</td></tr>
 * <tr><td>{@code index=dropped}</td><td>after migrating, {@code "Post_authorId_idx"} is dropped</td></tr>
 * <tr><td>{@code corrupt=5}</td><td>candidate: right after migrating, that many posts damaged (content cut in half or the
 *     title's last word dropped, updatedAt untouched) and one more deleted, chosen by {@code md5(id)}, in one
 *     transaction; logged only as {@code Post-deploy maintenance finished (N rows)}</td></tr>
 * <tr><td>{@code baseline=broken}</td><td>6.19.0 logs a {@code PrismaClientInitializationError} and exits 1 before touching
 *     the database; the candidate ignores it</td></tr>
 * </table>
 */
package dev.greenlight.sample;
