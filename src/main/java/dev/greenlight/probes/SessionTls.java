package dev.greenlight.probes;

import dev.greenlight.db.ReadOnlyDatabase;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the application's own database sessions use TLS, as {@code pg_stat_ssl} reports them (Greenlight's sessions left
 * out). Prisma 7's {@code @prisma/adapter-pg} negotiates TLS as node-postgres does, not as Prisma 6's engine did, so what
 * a URL's {@code sslmode} meant may have changed; the target file says what it must be ({@code database.expectSsl}).
 */
public final class SessionTls {

    private static final String SESSIONS = """
            SELECT a.pid, coalesce(host(a.client_addr), 'local'), a.usename, s.ssl, coalesce(s.version, '-')
              FROM pg_stat_activity a JOIN pg_stat_ssl s ON s.pid = a.pid
             WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.backend_type = 'client backend'
               AND a.usename <> current_user
             ORDER BY a.pid""";

    /**
     * One application session.
     *
     * @param pid     its backend
     * @param client  where it comes from
     * @param user    its role
     * @param ssl     whether it uses TLS
     * @param version the TLS version, or {@code -}
     */
    public record Session(int pid, String client, String user, boolean ssl, String version) {
        @Override
        public String toString() {
            return "pid " + pid + " from " + client + " as " + user + ": " + (ssl ? "TLS " + version : "no TLS");
        }
    }

    private SessionTls() {
    }

    /** The application's sessions on the database now. */
    public static List<Session> read(ReadOnlyDatabase database) {
        return database.read("reading pg_stat_ssl", connection -> {
            List<Session> sessions = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(SESSIONS)) {
                while (rows.next()) {
                    sessions.add(new Session(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getBoolean(4), rows.getString(5)));
                }
            }
            return sessions;
        });
    }
}
