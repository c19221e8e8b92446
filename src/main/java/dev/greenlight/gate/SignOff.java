package dev.greenlight.gate;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The sign-off sheet: each role's decision on the release, as recorded in {@code suites/signoff.yaml}, held against
 * the evidence being judged. Each entry names the evidence fingerprint its role was shown ({@code evidence:
 * sha256:...}); an entry bound to other evidence — or to none, as a hand-written entry without {@code evidence:} is —
 * is <em>stale</em>: a stale GO does not count (the role is awaited again), a stale CONCERNS or NO-GO still objects,
 * so a reviewer's objection never silently vanishes when the evidence changes.
 *
 * @param file     where it was read from, or empty when no sign-off file was given
 * @param release  what is being signed off, e.g. "Prisma 6.19.0 → 7.0.1 to production"; may be empty
 * @param roles    one entry per role, in file order
 * @param evidence the fingerprint of the evidence judged ({@link EvidenceFingerprint}); the gate always sets it, and
 *                 an entry is current when it names this one (empty only where no evidence is fingerprinted, in tests)
 */
public record SignOff(String file, String release, List<Entry> roles, String evidence) {

    /** The five roles of the seed's team table, with their responsibilities, all required. */
    public static final List<Entry> SEED_ROLES = List.of(
            Entry.pending("Tech Lead", "Overall deployment oversight"),
            Entry.pending("DevOps", "Infrastructure and monitoring"),
            Entry.pending("QA Lead", "Test execution and validation"),
            Entry.pending("Database Admin", "Database health monitoring"),
            Entry.pending("Product Manager", "Stakeholder communication"));

    public SignOff {
        file = file == null ? "" : file;
        release = release == null ? "" : release;
        roles = List.copyOf(roles);
        evidence = evidence == null ? "" : evidence;
    }

    public SignOff(String file, String release, List<Entry> roles) {
        this(file, release, roles, "");
    }

    /** This sheet held against the evidence whose fingerprint is {@code fingerprint}. */
    public SignOff heldAgainst(String fingerprint) {
        return new SignOff(file, release, roles, fingerprint);
    }

    /** No sign-off file: every seed role pending. */
    public static SignOff none() {
        return new SignOff("", "", SEED_ROLES);
    }

    /** A role's decision. */
    public enum Decision {
        GO, CONCERNS, NO_GO;

        /** As written in the file and the report: {@code GO}, {@code CONCERNS}, {@code NO-GO}. */
        public String label() {
            return name().replace('_', '-');
        }

        static Decision parse(String text) {
            String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (Decision decision : values()) {
                if (decision.name().equals(key)) {
                    return decision;
                }
            }
            return null;
        }
    }

    /**
     * One role's line on the sheet.
     *
     * @param role           e.g. {@code Tech Lead}
     * @param responsibility what the role watches, from the seed's team table
     * @param required       whether GO waits for this role
     * @param name           who signs; empty while pending
     * @param decision       null while pending
     * @param date           when they decided; null while pending
     * @param note           their remark, e.g. the concern
     * @param evidence       the evidence fingerprint they decided on ({@code sha256:...}); empty when the entry names none
     */
    public record Entry(String role, String responsibility, boolean required, String name, Decision decision,
                        LocalDate date, String note, String evidence) {

        public Entry {
            Objects.requireNonNull(role, "role");
            responsibility = responsibility == null ? "" : responsibility;
            name = name == null ? "" : name;
            note = note == null ? "" : note;
            evidence = evidence == null ? "" : evidence.strip();
        }

        public Entry(String role, String responsibility, boolean required, String name, Decision decision, LocalDate date, String note) {
            this(role, responsibility, required, name, decision, date, note, "");
        }

        static Entry pending(String role, String responsibility) {
            return new Entry(role, responsibility, true, "", null, null, "");
        }

        public boolean pending() {
            return decision == null;
        }
    }

    /** Whether {@code entry} decided on other evidence than the one judged (or named none): it does not count as GO. */
    public boolean stale(Entry entry) {
        return !entry.pending() && !entry.evidence().equals(evidence);
    }

    /** Decided entries that are {@link #stale(Entry) stale}. */
    public List<Entry> staleEntries() {
        return roles.stream().filter(this::stale).toList();
    }

    /** Why {@code entry} is stale, for people: "given for sha256:1a2b3c4d5e6f…" or "bound to no evidence". */
    public String staleness(Entry entry) {
        return entry.evidence().isEmpty() ? "bound to no evidence (no evidence: fingerprint)"
                : "given for " + EvidenceFingerprint.shortForm(entry.evidence()) + ", not this evidence";
    }

    /** Required roles whose GO is still to come: undecided, or signed GO on other evidence (stale). */
    public List<Entry> awaiting() {
        return roles.stream().filter(r -> r.required() && (r.pending() || r.decision() == Decision.GO && stale(r))).toList();
    }

    /** The awaited roles for a sentence: "QA Lead (stale: GO given for sha256:1a2b…, not this evidence), Product Manager". */
    public String awaitingText() {
        return awaiting().stream().map(r -> r.role() + (stale(r) ? " (stale: " + r.decision().label() + " " + staleness(r) + ")" : ""))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Roles (required or not) that raised concerns or said NO-GO. */
    public List<Entry> objections() {
        // stale or not: an objection stands until its role withdraws it
        return roles.stream().filter(r -> r.decision() == Decision.CONCERNS || r.decision() == Decision.NO_GO).toList();
    }

    /** Roles that said GO on this evidence (a stale GO is not an approval). */
    public List<Entry> approvals() {
        return roles.stream().filter(r -> r.decision() == Decision.GO && !stale(r)).toList();
    }
}
