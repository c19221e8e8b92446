package dev.greenlight.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text before it reaches a log, an attachment or a report: the run's known secret
 * values, credentials in URLs ({@code postgresql://user:pw@host}), {@code password=}/{@code token=} style
 * parameters and {@code Bearer} tokens.
 */
public final class Masker {

    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^/\\s:@]+:)([^@\\s/]+)(@)");
    private static final Pattern PARAMETERS = Pattern.compile(
            "(?i)(\\b(?:password|passwd|pwd|pass|token|access_token|refresh_token|id_token|secret|client_secret|api[_-]?key|apikey|sig|signature|auth)\\s*[=:]\\s*)(\"?)([^&\\s\",;]+)");
    private static final Pattern JSON_FIELDS = Pattern.compile(
            "(?i)(\"(?:password|passwd|token|access_token|refresh_token|id_token|secret|client_secret|api[_-]?key|apikey|authorization)\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+");

    private final List<String> secrets;

    private Masker(Collection<String> secrets) {
        List<String> values = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 3) {
                values.add(secret);
            }
        }
        values.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(values);
    }

    /** Masks patterns only. */
    public static Masker patternsOnly() {
        return new Masker(List.of());
    }

    /** Masks patterns and these exact values. */
    public static Masker of(Collection<String> secretValues) {
        return new Masker(secretValues);
    }

    /** The secrets a target configuration carries. */
    public static Masker forConfig(TargetConfig config) {
        List<String> values = new ArrayList<>();
        if (config.database().password() != null) {
            values.add(config.database().password().reveal());
        }
        if (config.baseline().database().password() != null) {
            values.add(config.baseline().database().password().reveal());
        }
        return new Masker(values);
    }

    /** A masker that also hides {@code more}. */
    public Masker with(Collection<String> more) {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(more);
        return new Masker(all);
    }

    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, Secret.MASK);
        }
        out = URL_CREDENTIALS.matcher(out).replaceAll("$1" + Secret.MASK + "$3");
        out = JSON_FIELDS.matcher(out).replaceAll("$1" + Secret.MASK + "$3");
        out = BEARER.matcher(out).replaceAll("$1 " + Secret.MASK);
        out = PARAMETERS.matcher(out).replaceAll("$1$2" + Secret.MASK);
        return out;
    }
}
