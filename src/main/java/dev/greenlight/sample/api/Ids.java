package dev.greenlight.sample.api;

import dev.greenlight.sample.http.ApiError;
import java.util.regex.Pattern;

/** Path and query numbers: anything that is not a whole number in range is a 400, never a 500. */
public final class Ids {

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    private Ids() {
    }

    /** An {@code Int} id as Prisma's schema has it (32-bit). */
    public static int id(String text) {
        if (text == null || !INTEGER.matcher(text).matches()) {
            throw ApiError.badRequest("Invalid id '" + text + "': expected a whole number");
        }
        if (text.length() > 11 || Long.parseLong(text) > Integer.MAX_VALUE || Long.parseLong(text) < Integer.MIN_VALUE) {
            throw ApiError.badRequest("Invalid id '" + text + "': out of range");
        }
        return Integer.parseInt(text);
    }

    /** A non-negative whole number query parameter such as {@code skip}. */
    public static int nonNegative(String name, String text) {
        if (text == null || !INTEGER.matcher(text).matches() || text.startsWith("-")) {
            throw ApiError.badRequest("Invalid " + name + " '" + text + "': expected a whole number of at least 0");
        }
        if (text.length() > 10 || Long.parseLong(text) > Integer.MAX_VALUE) {
            throw ApiError.badRequest("Invalid " + name + " '" + text + "': out of range");
        }
        return Integer.parseInt(text);
    }
}
