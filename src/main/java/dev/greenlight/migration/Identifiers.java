package dev.greenlight.migration;

/** PostgreSQL identifier quoting, so table and column names from the catalog are used exactly as spelled. */
final class Identifiers {

    private Identifiers() {
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
