package dev.greenlight.sample.log;

import java.util.regex.Pattern;

/** Masks credentials in text before it reaches a log line. */
public final class Secrets {

    private static final Pattern URL_PASSWORD = Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\\s]*:)[^@\\s/]+@");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&\\s]+");

    private Secrets() {
    }

    /** Replaces the password of any {@code scheme://user:password@} URL and any {@code password=} parameter. */
    public static String mask(String text) {
        String masked = URL_PASSWORD.matcher(text).replaceAll("$1****@");
        return PASSWORD_PARAM.matcher(masked).replaceAll("$1****");
    }
}
