package dev.greenlight.critical.data;

import dev.greenlight.config.Durations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which tagged rows to delete, decided without touching anything: the safety rules of test-data cleanup in one
 * place. Rows that are not in {@link RunTag}'s exact shapes are never considered. Posts come before users, so an
 * application that does not cascade can still delete the users.
 *
 * @param remove the rows to delete, in order
 * @param kept   tagged rows deliberately left alone, each with the reason
 */
public record SweepPlan(List<TaggedRow> remove, List<Kept> kept) {

    /**
     * A tagged row left in place.
     *
     * @param row    the row
     * @param reason why, for the report
     */
    public record Kept(TaggedRow row, String reason) {
    }

    public SweepPlan {
        remove = List.copyOf(remove);
        kept = List.copyOf(kept);
    }

    /**
     * Leftovers of other runs: rows tagged by a run other than {@code tag}'s, whose run has been quiet for
     * {@code quietFor} (its start, read from a default-form run id, and its rows' last change both older), at most
     * {@code limit} of them. A post whose title alone looks tagged — its author is not Greenlight's — is swept only
     * when its run id carries a start time, so an ordinary post that happens to begin with {@code gl-2} stays.
     */
    public static SweepPlan leftovers(List<TaggedRow> rows, RunTag tag, Instant now, Duration quietFor, int limit) {
        Map<String, List<Tagged>> runs = new LinkedHashMap<>();
        for (Tagged row : tagged(rows, tag)) {
            if (!tag.owns(row.token())) {
                runs.computeIfAbsent(tag.runOf(row.token()), key -> new ArrayList<>()).add(row);
            }
        }
        List<TaggedRow> candidates = new ArrayList<>();
        List<Kept> kept = new ArrayList<>();
        Instant quietSince = now.minus(quietFor);
        runs.forEach((run, members) -> {
            Optional<Instant> active = members.stream()
                    .flatMap(m -> Stream.concat(Stream.ofNullable(m.row().lastActivity()), tag.startOf(m.token()).stream()))
                    .max(Comparator.naturalOrder());
            for (Tagged member : members) {
                if (member.titleOnly() && tag.startOf(member.token()).isEmpty()) {
                    kept.add(new Kept(member.row(), "its title looks tagged, but its author is not Greenlight's and '"
                            + member.token() + "' carries no run start time"));
                } else if (active.isEmpty()) {
                    kept.add(new Kept(member.row(), "age unknown: run id '" + member.token() + "' carries no start time and no row says when it changed"));
                } else if (active.get().isAfter(quietSince)) {
                    kept.add(new Kept(member.row(), "run " + run + " was active " + Durations.format(Duration.between(active.get(), now)
                            .withNanos(0)) + " ago; it is swept once quiet for " + Durations.format(quietFor)));
                } else {
                    candidates.add(member.row());
                }
            }
        });
        List<TaggedRow> ordered = postsFirst(candidates);
        List<TaggedRow> remove = ordered.subList(0, Math.min(limit, ordered.size()));
        ordered.subList(remove.size(), ordered.size())
                .forEach(row -> kept.add(new Kept(row, "over the sweep limit of " + limit + " rows; left for the next run")));
        return new SweepPlan(remove, kept);
    }

    /** This run's own rows, all of them, posts first. */
    public static SweepPlan own(List<TaggedRow> rows, RunTag tag) {
        List<TaggedRow> mine = tagged(rows, tag).stream().filter(row -> tag.owns(row.token())).map(Tagged::row).toList();
        return new SweepPlan(postsFirst(mine), List.of());
    }

    private static List<Tagged> tagged(List<TaggedRow> rows, RunTag tag) {
        Map<String, Tagged> distinct = new LinkedHashMap<>();
        for (TaggedRow row : rows) {
            Optional<String> byOwner = row.kind() == TaggedRow.Kind.POST ? tag.tokenOfEmail(row.ownerEmail()) : Optional.empty();
            Optional<String> own = row.kind() == TaggedRow.Kind.USER ? tag.tokenOfEmail(row.label()) : tag.tokenOfTitle(row.label());
            Optional<String> token = byOwner.or(() -> own);
            token.ifPresent(t -> distinct.putIfAbsent(row.kind() + ":" + row.id(), new Tagged(row, t, byOwner.isEmpty() && row.kind() == TaggedRow.Kind.POST)));
        }
        return List.copyOf(distinct.values());
    }

    private static List<TaggedRow> postsFirst(List<TaggedRow> rows) {
        return rows.stream().sorted(Comparator.comparing(TaggedRow::kind)).toList();
    }

    private record Tagged(TaggedRow row, String token, boolean titleOnly) {
    }
}
