package dev.greenlight.critical.data;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tag that marks what a run creates on staging, {@code <prefix>-<runId>} (e.g. {@code gl-20261125-184501-k3f9}),
 * and the exact shapes it is recognised in:
 * <ul>
 *   <li>an email is {@code <token>@<emailDomain>}, e.g. {@code gl-20261125-184501-k3f9-j3-author@greenlight.test};</li>
 *   <li>a title starts with {@code <token>} and a space, e.g. {@code gl-20261125-184501-k3f9-j3 Draft about pools};</li>
 * </ul>
 * where a token is the prefix, a dash and run-id characters. Anything else — another domain, the tag in the
 * middle of a title — is not Greenlight's and is never swept.
 *
 * @param prefix      {@code testData.tagPrefix}
 * @param runId       the run's id
 * @param emailDomain {@code testData.emailDomain}
 */
public record RunTag(String prefix, String runId, String emailDomain) {

    private static final Pattern RUN_START = Pattern.compile("^(\\d{8}-\\d{6})(?![0-9])");
    private static final DateTimeFormatter RUN_START_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    /** {@code <prefix>-<runId>}. */
    public String value() {
        return prefix + "-" + runId;
    }

    /** The token of a row in the email or title shapes above, for any run with this prefix; empty when it has none. */
    public Optional<String> tokenOfEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        Matcher matcher = emailPattern().matcher(email);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The token at the start of a title, followed by a space or the end; empty when the title is not tagged. */
    public Optional<String> tokenOfTitle(String title) {
        if (title == null) {
            return Optional.empty();
        }
        Matcher matcher = titlePattern().matcher(title);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Whether a token is this run's: the tag itself, or the tag followed by {@code -}, {@code .} or {@code _} and more. */
    public boolean owns(String token) {
        String tag = value();
        return token.equals(tag) || token.length() > tag.length() && token.startsWith(tag) && "-._".indexOf(token.charAt(tag.length())) >= 0;
    }

    /**
     * When the run that wrote a token started, read from a run id in Greenlight's default form
     * ({@code yyyyMMdd-HHmmss...}, UTC); empty for run ids in any other form.
     */
    public Optional<Instant> startOf(String token) {
        return runStamp(token).flatMap(stamp -> {
            try {
                return Optional.of(LocalDateTime.parse(stamp, RUN_START_FORMAT).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * The run a token belongs to, as far as it can be told: {@code <prefix>-<yyyyMMdd-HHmmss>} for run ids in the
     * default form (so {@code gl-<id>-soak} and {@code gl-<id>} are one run), else the token itself.
     */
    public String runOf(String token) {
        return runStamp(token).map(stamp -> prefix + "-" + stamp).orElse(token);
    }

    private Optional<String> runStamp(String token) {
        if (!token.startsWith(prefix + "-")) {
            return Optional.empty();
        }
        Matcher matcher = RUN_START.matcher(token.substring(prefix.length() + 1));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private Pattern emailPattern() {
        return Pattern.compile("(" + token() + ")@" + Pattern.quote(emailDomain), Pattern.CASE_INSENSITIVE);
    }

    private Pattern titlePattern() {
        return Pattern.compile("(" + token() + ")(?:\\s.*)?", Pattern.DOTALL);
    }

    private String token() {
        return Pattern.quote(prefix) + "-[A-Za-z0-9][A-Za-z0-9_.-]*";
    }
}
