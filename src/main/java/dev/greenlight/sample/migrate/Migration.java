package dev.greenlight.sample.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One Prisma migration folder: its name ({@code <timestamp>_<name>}) and the bytes of its
 * {@code migration.sql}. The checksum is what Prisma records: lowercase SHA-256 hex of those bytes.
 *
 * @param name   the folder name
 * @param script the exact bytes of migration.sql
 */
public record Migration(String name, byte[] script) {

    public Migration {
        script = script.clone();
    }

    @Override
    public byte[] script() {
        return script.clone();
    }

    /** The script as text (UTF-8). */
    public String sql() {
        return new String(script, StandardCharsets.UTF_8);
    }

    /** Lowercase SHA-256 hex of the script bytes, as Prisma stores in {@code _prisma_migrations.checksum}. */
    public String checksum() {
        return sha256(script);
    }

    /** Lowercase SHA-256 hex of the given bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Migration other && other.name.equals(name) && java.util.Arrays.equals(other.script, script);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
