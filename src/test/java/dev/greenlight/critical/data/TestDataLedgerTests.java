package dev.greenlight.critical.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.config.Masker;
import dev.greenlight.config.TestDataConfig;
import dev.greenlight.report.AllureResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TestDataLedgerTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC);
    private static final String RUN = "20261125-175500-cccc";
    private static final String OLD = "gl-20261124-120000-aaaa";

    @TempDir
    Path results;

    private final FakeStore store = new FakeStore();

    @Test
    void shouldSweepLeftoversWhenOpenedAndReportThem() throws IOException {
        store.rows.add(TaggedRow.user(1, OLD + "-j1-author@greenlight.test"));
        store.rows.add(TaggedRow.user(2, "alice@prisma.io"));

        open(new TestDataConfig(null, "/user/{id}", null, null, null));

        assertThat(store.deleted).containsExactly("user 1");
        JsonNode sweep = result("leftovers of earlier runs swept");
        assertThat(sweep.path("status").asText()).isEqualTo("passed");
        assertThat(sweep.path("steps").get(0).path("name").asText()).isEqualTo("deleted user 1 \"" + OLD + "-j1-author@greenlight.test\"");
        assertThat(sweep.path("labels").toString()).contains("\"Run\"").contains("Test data");
    }

    @Test
    void shouldNotLookForLeftoversWhenTheSweepIsOff() {
        store.rows.add(TaggedRow.user(1, OLD + "-j1-author@greenlight.test"));

        open(new TestDataConfig(null, null, null, null, 0));

        assertThat(store.finds).isZero();
    }

    @Test
    void shouldHandEachJourneyItsOwnMarkerAndTaggedNames() {
        TestDataLedger ledger = open(new TestDataConfig(null, null, "example.test", null, 0));

        TestData first = ledger.forJourney();
        TestData second = ledger.forJourney();

        assertThat(first.marker()).isEqualTo("gl-" + RUN + "-j1");
        assertThat(second.marker()).isEqualTo("gl-" + RUN + "-j2");
        assertThat(first.email("Feed Author!")).isEqualTo("gl-" + RUN + "-j1-feed-author@example.test");
        assertThat(first.title("Hello")).isEqualTo("gl-" + RUN + "-j1 Hello");
        assertThat(ledger.tag().tokenOfEmail(first.email("x"))).as("names it hands out are recognised as tagged").isPresent();
    }

    @Test
    void shouldDeleteThisRunsRowsAtCloseAndGoOnAfterARefusal() throws IOException {
        TestDataLedger ledger = open(new TestDataConfig(null, "/user/{id}", null, null, 0));
        TestData journey = ledger.forJourney();
        store.rows.add(TaggedRow.user(1, journey.email("author")));
        store.rows.add(TaggedRow.post(2, journey.title("Found by tag"), journey.email("author"), CLOCK.instant()));
        store.rows.add(TaggedRow.post(3, journey.title("Refused"), journey.email("author"), CLOCK.instant()));
        journey.remember(TaggedRow.post(4, journey.title("Only remembered"), null, CLOCK.instant()));
        store.refuse = "post 3";

        ledger.close();

        assertThat(store.deleted).containsExactly("post 4", "post 2", "user 1");
        JsonNode cleanup = result("this run's rows removed");
        assertThat(cleanup.path("status").asText()).as("a row that could not be deleted makes the cleanup broken").isEqualTo("broken");
        assertThat(cleanup.path("statusDetails").path("message").asText()).contains("3 deleted").contains("1 NOT deleted");
        assertThat(cleanup.path("steps").toString()).contains("could not delete post 3").contains("DELETE /post/3 answered 500");
    }

    @Test
    void shouldStillDeleteRememberedRowsWhenListingFails() throws IOException {
        TestDataLedger ledger = open(new TestDataConfig(null, "/user/{id}", null, null, 0));
        TestData journey = ledger.forJourney();
        journey.remember(TaggedRow.user(9, journey.email("author")));
        store.listingFails = true;

        ledger.close();
        ledger.close();

        assertThat(store.deleted).as("deleted once, though closed twice").containsExactly("user 9");
        assertThat(result("this run's rows removed").path("description").asText()).contains("listing failed: GET /users answered 503");
    }

    private TestDataLedger open(TestDataConfig config) {
        return TestDataLedger.open(RUN, config, store, AllureResults.at(results), Masker.patternsOnly(), CLOCK);
    }

    private JsonNode result(String nameContains) throws IOException {
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                JsonNode node = new ObjectMapper().readTree(file.toFile());
                if (node.path("name").asText().contains(nameContains)) {
                    return node;
                }
            }
        }
        throw new AssertionError("no result named like " + nameContains);
    }

    /** An application in memory: lists what it holds, deletes what it is asked to, refuses on demand. */
    private static final class FakeStore implements TaggedDataStore {
        final List<TaggedRow> rows = new ArrayList<>();
        final List<String> deleted = new ArrayList<>();
        String refuse = "";
        boolean listingFails;
        int finds;

        @Override
        public Found find(RunTag tag) {
            finds++;
            if (listingFails) {
                throw new IllegalStateException("GET /users answered 503");
            }
            return new Found(rows, List.of());
        }

        @Override
        public Deletion delete(TaggedRow row) {
            String key = row.kind().name().toLowerCase() + " " + row.id();
            if (key.equals(refuse)) {
                throw new IllegalStateException("DELETE /post/" + row.id() + " answered 500");
            }
            deleted.add(key);
            return Deletion.DELETED;
        }
    }
}
