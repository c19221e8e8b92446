package dev.greenlight.critical.data;

import java.util.Locale;

/**
 * One journey's test data: names that carry the run's tag (so the run removes them at its end, and a later run
 * sweeps them if this one is interrupted) and a unique marker to find exactly this journey's rows — assert on
 * what the journey changed, never on totals, since other people use staging at the same time. API clients
 * {@link #remember(TaggedRow) remember} what they create, so cleanup does not depend on search working.
 */
public final class TestData {

    private final RunTag tag;
    private final String marker;
    private final TestDataLedger ledger;

    TestData(RunTag tag, String marker, TestDataLedger ledger) {
        this.tag = tag;
        this.marker = marker;
        this.ledger = ledger;
    }

    /** The run's tag, {@code gl-<runId>}. */
    public RunTag tag() {
        return tag;
    }

    /** This journey's marker, {@code gl-<runId>-j<n>}: search for it to find this journey's rows and nothing else. */
    public String marker() {
        return marker;
    }

    /** A tagged email address for a role in this journey: {@code gl-<runId>-j3-author@greenlight.test}. */
    public String email(String role) {
        String safe = role.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return marker + "-" + (safe.isEmpty() ? "user" : safe) + "@" + tag.emailDomain();
    }

    /** A tagged title: {@code gl-<runId>-j3 <text>}. */
    public String title(String text) {
        return marker + " " + text;
    }

    /** Records a row the journey created, so the end-of-run cleanup deletes it even if it cannot be found by its tag. */
    public void remember(TaggedRow row) {
        ledger.remember(row);
    }
}
