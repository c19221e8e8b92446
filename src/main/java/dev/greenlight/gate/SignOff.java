package dev.greenlight.gate;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The sign-off sheet: each role's decision on the release, as recorded in {@code suites/signoff.yaml}.
 *
 * @param file    where it was read from, or empty when no sign-off file was given
 * @param release what is being signed off, e.g. "Prisma 6.19.0 → 7.0.1 to production"; may be empty
 * @param roles   one entry per role, in file order
 */
public record SignOff(String file, String release, List<Entry> roles) {

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
     */
    public record Entry(String role, String responsibility, boolean required, String name, Decision decision,
                        LocalDate date, String note) {

        public Entry {
            Objects.requireNonNull(role, "role");
            responsibility = responsibility == null ? "" : responsibility;
            name = name == null ? "" : name;
            note = note == null ? "" : note;
        }

        static Entry pending(String role, String responsibility) {
            return new Entry(role, responsibility, true, "", null, null, "");
        }

        public boolean pending() {
            return decision == null;
        }
    }

    /** Required roles that have not decided yet. */
    public List<Entry> awaiting() {
        return roles.stream().filter(r -> r.required() && r.pending()).toList();
    }

    /** Roles (required or not) that raised concerns or said NO-GO. */
    public List<Entry> objections() {
        return roles.stream().filter(r -> r.decision() == Decision.CONCERNS || r.decision() == Decision.NO_GO).toList();
    }

    /** Roles that said GO. */
    public List<Entry> approvals() {
        return roles.stream().filter(r -> r.decision() == Decision.GO).toList();
    }
}
