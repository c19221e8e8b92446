package dev.greenlight.preflight;

import dev.greenlight.config.Masker;
import dev.greenlight.testkit.ScratchRepos;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Git state: branch, upstream, unpushed commits and uncommitted work, read with git")
class GitStateTests {

    @TempDir
    Path dir;

    @Test
    @DisplayName("A scratch repository is on the upgrade branch, clean and pushed; a local commit makes it one ahead")
    void shouldReadBranchUpstreamAndAhead() throws Exception {
        Path project = ScratchRepos.create("", dir);
        Git git = new Git(project, Masker.of(List.of()), Duration.ofSeconds(30));

        GitState pushed = git.state();
        Files.writeString(project.resolve("CHANGELOG.md"), "1.1.0\n");
        git.output("add", "CHANGELOG.md");
        git.output("-c", "user.name=T", "-c", "user.email=t@localhost", "commit", "--quiet", "-m", "changelog");
        GitState ahead = git.state();

        assertThat(pushed.branch()).as("branch").isEqualTo("upgrade/prisma-7");
        assertThat(pushed.upstream()).as("upstream").isEqualTo("origin/upgrade/prisma-7");
        assertThat(pushed.changes()).as("uncommitted work in a fresh scratch repository (node_modules linked, ignored)").isEmpty();
        assertThat(ahead.ahead() - pushed.ahead()).as("commits ahead after one local commit").isEqualTo(1);
    }

    @Test
    @DisplayName("Porcelain v2 lines become readable changes")
    void shouldDescribeChanges() {
        GitState state = GitState.parse("""
                # branch.oid 1234
                # branch.head main
                1 .M N... 100644 100644 100644 abc abc prisma.config.ts
                1 M. N... 100644 100644 100644 abc def package.json
                ? notes.txt
                """);

        assertThat(state.branch()).as("branch").isEqualTo("main");
        assertThat(state.upstream()).as("no upstream line: never pushed").isNull();
        assertThat(state.changes()).as("changes").containsExactly("modified prisma.config.ts", "staged, changed package.json", "untracked notes.txt");
    }
}
