package dev.greenlight.migration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

/**
 * How long a snapshot and a comparison take on a table of N rows (default 100,000; first argument), with one row
 * deleted and one altered in between, on embedded PostgreSQL. Run on purpose:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.greenlight.migration.SnapshotBenchmark -Dexec.args=100000}.
 */
public final class SnapshotBenchmark {

    private SnapshotBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("greenlight-snapshot-benchmark");
        String database = TestDatabases.migrated(3);
        TestDatabases.seed(database, Math.max(1, rows / 100), 100);
        SnapshotRequest pre = SnapshotRequest.of("pre-deploy", "bench", "db", "public", Exclusions.none(), dir);
        long t0 = System.nanoTime();
        Snapshot before = TestDatabases.readOnly(database).read("snapshot", c -> SnapshotTaker.take(c, pre, Clock.systemUTC()));
        SnapshotStore.save(before, pre.json());
        long t1 = System.nanoTime();
        TestDatabases.execute(database, "DELETE FROM \"Post\" WHERE id = " + rows / 3, "UPDATE \"Post\" SET title = 'x' WHERE id = " + rows * 3 / 4);
        SnapshotRequest post = SnapshotRequest.of("post-deploy", "bench", "db", "public", Exclusions.none(), dir).comparedWith(before);
        long t2 = System.nanoTime();
        Snapshot after = TestDatabases.readOnly(database).read("snapshot", c -> SnapshotTaker.take(c, post, Clock.systemUTC()));
        long t3 = System.nanoTime();
        SnapshotDiff diff = SnapshotDiff.compare(SnapshotStore.load(pre.json()), after, Exclusions.none());
        long t4 = System.nanoTime();
        long bytes;
        try (Stream<Path> files = Files.walk(dir)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
        System.out.printf("rows=%d snapshot(pre)=%.2fs snapshot(post)=%.2fs compare=%.3fs total(post+compare)=%.2fs files=%d KiB json=%d KiB%n",
                rows * 1L, (t1 - t0) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, (t4 - t2) / 1e9, bytes / 1024, pre.json().toFile().length() / 1024);
        System.out.print(diff.render());
        TestDatabases.server().close();
        System.exit(0);
    }
}
