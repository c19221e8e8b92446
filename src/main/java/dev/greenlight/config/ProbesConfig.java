package dev.greenlight.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The upgrade-risk probes (the {@code probes} suite): what Prisma 7 is known to change, probed from outside. Requests
 * are data, so nothing here knows the application: in a request's path, headers and body {@code {tag}} is the run's
 * data tag, {@code {instant}} the instant the time-zone probe writes, {@code {id}} the id its write answered, and
 * {@code {adminToken}} the token the {@code local} target generated for its application (only there).
 *
 * @param pool     an open-model burst above the pool's size
 * @param idle     a burst after the pool has been idle past its idle timeout
 * @param dbOutage the database unreachable for a few seconds, only where the target file says how to cause it
 * @param timeZone a known instant written through the API and read back through SQL and the API
 */
public record ProbesConfig(Pool pool, Idle idle, DbOutage dbOutage, TimeZone timeZone) {

    public ProbesConfig {
        pool = pool == null ? new Pool(null, null, null, null) : pool;
        idle = idle == null ? new Idle(null, null, null) : idle;
        dbOutage = dbOutage == null ? new DbOutage(null, null, null, null, null) : dbOutage;
        timeZone = timeZone == null ? new TimeZone(null, null, null, null, null, null, null, null) : timeZone;
    }

    /** Every probe at its defaults. */
    public static ProbesConfig defaults() {
        return new ProbesConfig(null, null, null, null);
    }

    /**
     * @param path     the API request of the burst (GET, under {@code app.apiPrefix}), a read that uses the database
     * @param requests how many requests arrive (above the pool's 10 connections)
     * @param within   over how long they arrive, evenly spread (an open model: they do not wait for each other)
     * @param budget   the longest a request may take; a request waiting past it (or failing) is the finding
     */
    public record Pool(String path, Integer requests, Duration within, Duration budget) {
        public Pool {
            path = path == null ? "/feed?take=5" : path;
            requests = requests == null ? 60 : requests;
            within = within == null ? Duration.ofSeconds(1) : within;
            budget = budget == null ? Duration.ofSeconds(2) : budget;
            if (requests < 1) {
                throw new ConfigException("probes.pool.requests must be at least 1, got " + requests);
            }
        }
    }

    /**
     * @param idleFor  how long the pool is left idle first: past its idle timeout (node-postgres closes idle clients after 10 s)
     * @param requests the burst after it (the first of them open new connections)
     * @param budget   the longest one of them may take
     */
    public record Idle(Duration idleFor, Integer requests, Duration budget) {
        public Idle {
            idleFor = idleFor == null ? Duration.ofSeconds(11) : idleFor;
            requests = requests == null ? 20 : requests;
            budget = budget == null ? Duration.ofSeconds(1) : budget;
        }
    }

    /**
     * @param start    what makes the database unreachable: a command or a request (unset: the probe is out of scope)
     * @param end      what makes it reachable again
     * @param duration how long it stays unreachable
     * @param bound    the longest a request may take meanwhile: it must end (an error is fine), not hang
     * @param requests requests sent, spread over the outage
     */
    public record DbOutage(Action start, Action end, Duration duration, Duration bound, Integer requests) {
        public DbOutage {
            duration = duration == null ? Duration.ofSeconds(5) : duration;
            bound = bound == null ? Duration.ofSeconds(3) : bound;
            requests = requests == null ? 10 : requests;
        }

        /** Whether the target file says how to cause an outage. */
        public boolean configured() {
            return start != null && end != null;
        }
    }

    /**
     * One way to act on the target: a command (argv, no shell) or an HTTP request; exactly one of them.
     *
     * @param command the command
     * @param request the request
     * @param timeout how long it may take
     */
    public record Action(List<String> command, Request request, Duration timeout) {
        public Action {
            command = command == null ? List.of() : List.copyOf(command);
            timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
            if (command.isEmpty() == (request == null)) {
                throw new ConfigException("a probe action needs exactly one of command: [...] or request: {method, path}");
            }
        }
    }

    /**
     * An HTTP request of a probe.
     *
     * @param method  GET by default
     * @param path    relative to {@code app.baseUrl}; {@code api: true} (the default) puts {@code app.apiPrefix} before it
     * @param api     whether the path is a REST API path
     * @param headers request headers
     * @param body    the body (JSON unless a Content-Type header says otherwise)
     */
    public record Request(String method, String path, Boolean api, Map<String, String> headers, String body) {
        public Request {
            method = method == null ? "GET" : method.toUpperCase(java.util.Locale.ROOT);
            if (path == null || !path.startsWith("/")) {
                throw new ConfigException("a probe request needs a path starting with '/', got " + (path == null ? "none" : "'" + path + "'"));
            }
            api = api == null || api;
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    /**
     * @param write     the request that writes the instant ({@code {instant}} in its body; without it, the instant is the
     *                  time of the request, e.g. a {@code createdAt} that defaults to now)
     * @param field     where its answer carries the instant (GPath), e.g. {@code createdAt}
     * @param id        where its answer carries the row's id (GPath), e.g. {@code id}
     * @param table     the table holding the row, e.g. {@code Post}
     * @param column    the column holding the instant, e.g. {@code createdAt}
     * @param key       the table's key column, {@code id} by default
     * @param read      the request that reads it back ({@code {id}} in its path), answering the instant at {@code field}
     * @param cleanup   the request that removes the row again
     */
    public record TimeZone(Request write, String field, String id, String table, String column, String key, Request read, Request cleanup) {
        public TimeZone {
            field = field == null ? "createdAt" : field;
            id = id == null ? "id" : id;
            key = key == null ? "id" : key;
        }

        /** Whether the target file says how to write an instant. */
        public boolean configured() {
            return write != null && table != null && column != null;
        }
    }
}
