package dev.greenlight.rollback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A rollback step that loses a row, for the self-test of "data differs after rollback": a small Java program (run
 * with this JVM's {@code java}, so nothing else need be installed) that deletes one post through the sample app's
 * public API, {@code DELETE {baseUrl}/post/<id>}, as a user or a careless deploy script would while staging is rolled
 * back. Put into a copy of the {@code local} target file as its only {@code rollback.steps} entry.
 */
final class LosingStep {

    private static final String PROGRAM = """
            import java.net.URI;
            import java.net.http.HttpClient;
            import java.net.http.HttpRequest;
            import java.net.http.HttpResponse;
            import java.time.Duration;

            public class DeletePost {
                public static void main(String[] args) throws Exception {
                    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(args[0]))
                            .timeout(Duration.ofSeconds(20)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
                    System.out.println("DELETE " + args[0] + " -> " + response.statusCode() + " " + response.body());
                    System.exit(response.statusCode() == 200 ? 0 : 1);
                }
            }
            """;

    private LosingStep() {
    }

    /** Writes {@code dir/local.yaml}: the local target file with a rollback step deleting post {@code postId}. */
    static Path targetFile(Path dir, int postId) throws IOException {
        Path program = Files.writeString(dir.resolve("DeletePost.java"), PROGRAM);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String local = Files.readString(Path.of("suites/targets/local.yaml"));
        String step = "rollback:\n  steps:\n    - name: a user deletes post " + postId + " meanwhile\n"
                + "      command: [\"" + java + "\", \"" + program + "\", \"{baseUrl}/post/" + postId + "\"]\n";
        if (!local.contains("\nrollback:\n")) {
            throw new IllegalStateException("suites/targets/local.yaml has no rollback: section to add the step to");
        }
        return Files.writeString(dir.resolve("local.yaml"), local.replace("\nrollback:\n", "\n" + step));
    }
}
