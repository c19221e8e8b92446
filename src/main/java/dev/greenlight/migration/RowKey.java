package dev.greenlight.migration;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A row's primary key as snapshots keep it: integer columns as {@code Long}, every other column as its text,
 * ordered the way the snapshot query orders them ({@code ORDER BY} integers, then text {@code COLLATE "C"},
 * i.e. by code point) so both sides of a comparison walk rows in the same order.
 *
 * @param values one {@code Long} or {@code String} per key column; a null column is kept as null and sorts first
 */
public record RowKey(List<Object> values) implements Comparable<RowKey> {

    public RowKey {
        values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** From the JSON form of a snapshot: numbers become {@code Long}, everything else text. */
    public static RowKey fromJson(List<?> json) {
        List<Object> values = new ArrayList<>(json.size());
        for (Object value : json) {
            values.add(value instanceof Number number ? (Object) number.longValue() : value == null ? null : value.toString());
        }
        return new RowKey(values);
    }

    @Override
    public int compareTo(RowKey other) {
        int n = Math.min(values.size(), other.values.size());
        for (int i = 0; i < n; i++) {
            int c = compareValues(values.get(i), other.values.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(values.size(), other.values.size());
    }

    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        return compareCodePoints(a.toString(), b.toString());
    }

    /** PostgreSQL's "C" collation order: by code point, which is UTF-8 byte order. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** {@code 42}, or {@code (7, abc)} for a composite key. */
    @Override
    public String toString() {
        if (values.size() == 1) {
            return String.valueOf(values.get(0));
        }
        return "(" + String.join(", ", values.stream().map(String::valueOf).toList()) + ")";
    }

    /** A hash that depends only on the key, for content-defined chunk boundaries. */
    long boundaryHash() {
        long h = 1125899906842597L;
        for (Object value : values) {
            h = 31 * h + String.valueOf(value).hashCode();
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    void write(DataOutput out) throws IOException {
        out.writeByte(values.size());
        for (Object value : values) {
            if (value == null) {
                out.writeByte('N');
            } else if (value instanceof Long number) {
                out.writeByte('L');
                out.writeLong(number);
            } else {
                out.writeByte('S');
                out.writeUTF(value.toString());
            }
        }
    }

    static RowKey read(DataInput in) throws IOException {
        int size = in.readUnsignedByte();
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int tag = in.readUnsignedByte();
            values.add(switch (tag) {
                case 'N' -> null;
                case 'L' -> in.readLong();
                case 'S' -> in.readUTF();
                default -> throw new IOException("corrupt snapshot row file: key tag " + tag);
            });
        }
        return new RowKey(values);
    }
}
