package dev.greenlight.soak.monitor;

/**
 * One look at PostgreSQL's own view of the application's database.
 *
 * @param nanos               {@code System.nanoTime()} of the check
 * @param ok                  whether the check connected and read
 * @param failure             why not, when not
 * @param connections         sessions on the application's database, Greenlight's own left out
 * @param active              of which running a statement
 * @param maxConnections      the server's {@code max_connections}
 * @param statementsAvailable whether {@code pg_stat_statements} can be read
 * @param calls               statements executed so far on the database, by other roles than Greenlight's
 *                            (transaction control and session commands left out)
 * @param totalExecMillis     their total execution time so far
 */
public record DbReading(
        long nanos,
        boolean ok,
        String failure,
        long connections,
        long active,
        long maxConnections,
        boolean statementsAvailable,
        double calls,
        double totalExecMillis) {

    public static DbReading failed(long nanos, String failure) {
        return new DbReading(nanos, false, failure, -1, -1, -1, false, Double.NaN, Double.NaN);
    }
}
