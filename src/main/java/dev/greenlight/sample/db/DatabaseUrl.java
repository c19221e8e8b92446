package dev.greenlight.sample.db;

import dev.greenlight.sample.ConfigException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prisma-style {@code DATABASE_URL} ({@code postgresql://user:password@host:port/db?schema=public})
 * and its JDBC translation. {@link #toString()} never shows the password.
 */
public final class DatabaseUrl {

    private static final Pattern URL = Pattern.compile(
            "^(postgres|postgresql)://(?:([^:@/]*)(?::([^@/]*))?@)?([^/?#]+)(?:/([^?#]*))?(?:\\?([^#]*))?$");

    private final String user;
    private final String password;
    private final String host;
    private final int port;
    private final String database;
    private final Map<String, String> parameters;

    private DatabaseUrl(String user, String password, String host, int port, String database,
            Map<String, String> parameters) {
        this.user = user;
        this.password = password;
        this.host = host;
        this.port = port;
        this.database = database;
        this.parameters = Map.copyOf(parameters);
    }

    /** Parses the URL; the error message shows it with the password masked. */
    public static DatabaseUrl parse(String url) {
        Matcher m = URL.matcher(url.trim());
        if (!m.matches()) {
            throw new ConfigException("DATABASE_URL must look like postgresql://user:password@host:5432/db?schema=public"
                    + " but was '" + dev.greenlight.sample.log.Secrets.mask(url) + "'");
        }
        String hostPort = m.group(4);
        String host;
        String portText = null;
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            if (end < 0) {
                throw new ConfigException("DATABASE_URL has an unterminated IPv6 host: " + hostPort);
            }
            host = hostPort.substring(0, end + 1);
            if (hostPort.length() > end + 1) {
                if (hostPort.charAt(end + 1) != ':') {
                    throw new ConfigException("DATABASE_URL has a malformed host: " + hostPort);
                }
                portText = hostPort.substring(end + 2);
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            portText = colon < 0 ? null : hostPort.substring(colon + 1);
        }
        int port = 5432;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new ConfigException("DATABASE_URL has a non-numeric port '" + portText + "'");
            }
        }
        String database = m.group(5) == null || m.group(5).isEmpty() ? "postgres" : decode(m.group(5));
        Map<String, String> parameters = new LinkedHashMap<>();
        if (m.group(6) != null && !m.group(6).isEmpty()) {
            for (String pair : m.group(6).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                parameters.put(key, value);
            }
        }
        return new DatabaseUrl(m.group(2) == null ? null : decode(m.group(2)),
                m.group(3) == null ? null : decode(m.group(3)), host, port, database, parameters);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The schema named by {@code ?schema=}, {@code public} by default. */
    public String schema() {
        return parameters.getOrDefault("schema", "public");
    }

    public String database() {
        return database;
    }

    /** {@code host:port} without credentials, as Prisma shows it in P1001. */
    public String hostAndPort() {
        return host + ":" + port;
    }

    /** Prisma 6's {@code pool_timeout} URL parameter (seconds), if set. */
    public Optional<Duration> poolTimeout() {
        String value = parameters.get("pool_timeout");
        if (value == null) {
            return Optional.empty();
        }
        try {
            double seconds = Double.parseDouble(value);
            if (seconds < 0) {
                throw new NumberFormatException();
            }
            return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
        } catch (NumberFormatException e) {
            throw new ConfigException("DATABASE_URL parameter pool_timeout must be a number of seconds but was '" + value + "'");
        }
    }

    /** The JDBC URL (no credentials in it): Prisma-only parameters dropped, {@code schema} as {@code currentSchema}. */
    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port)
                .append('/').append(URLEncoder.encode(database, StandardCharsets.UTF_8))
                .append("?currentSchema=").append(URLEncoder.encode(schema(), StandardCharsets.UTF_8))
                .append("&ApplicationName=sample-staging-app");
        String sslmode = parameters.get("sslmode");
        if (sslmode != null) {
            url.append("&sslmode=").append(URLEncoder.encode(sslmode, StandardCharsets.UTF_8));
        }
        String connectTimeout = parameters.getOrDefault("connect_timeout", "5");
        url.append("&connectTimeout=").append(URLEncoder.encode(connectTimeout, StandardCharsets.UTF_8));
        return url.toString();
    }

    /** User and password for the JDBC driver. */
    public Properties jdbcProperties() {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    /** The password, so the log can mask it wherever it might appear; never print it. */
    public Optional<String> password() {
        return Optional.ofNullable(password).filter(p -> !p.isEmpty());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("postgresql://");
        if (user != null) {
            text.append(user);
            if (password != null) {
                text.append(":****");
            }
            text.append('@');
        }
        text.append(hostAndPort()).append('/').append(database);
        if (!parameters.isEmpty()) {
            text.append('?');
            parameters.forEach((k, v) -> text.append(k).append('=').append(k.contains("password") ? "****" : v).append('&'));
            text.setLength(text.length() - 1);
        }
        return text.toString();
    }
}
