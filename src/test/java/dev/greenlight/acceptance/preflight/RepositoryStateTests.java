package dev.greenlight.acceptance.preflight;

import dev.greenlight.preflight.ApplicationRepository;
import dev.greenlight.preflight.ChecklistEvidence;
import dev.greenlight.preflight.GitState;
import dev.greenlight.preflight.Preflight;
import dev.greenlight.run.Criterion;
import dev.greenlight.run.EvidenceRecorder;
import io.qameta.allure.Feature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Preflight
@Feature("Repository")
@Criterion("preflight")
@DisplayName("Repository: on the upgrade branch, everything committed and pushed")
class RepositoryStateTests {

    private GitState git;

    @BeforeEach
    void readTheCheckout(ApplicationRepository repository) {
        git = repository.git().state();
    }

    @Test
    @DisplayName("The checkout is on the upgrade branch")
    void shouldBeOnTheUpgradeBranch(ApplicationRepository repository, EvidenceRecorder evidence) {
        String expected = repository.preflight().branch();
        List<String> findings = expected.equals(git.branch()) ? List.of()
                : List.of("the checkout is on " + git.branch() + ", not " + expected);
        ChecklistEvidence.record(evidence, "branch", findings, 1);

        assertThat(git.branch()).as("the branch checked out in %s", repository.project()).isEqualTo(expected);
    }

    @Test
    @DisplayName("Every change is committed: the work tree is clean")
    void shouldHaveEverythingCommitted(ApplicationRepository repository, EvidenceRecorder evidence) {
        ChecklistEvidence.record(evidence, "work tree clean", git.changes().stream().map(change -> "not committed: " + change).toList(), 1);

        assertThat(git.changes()).as("what git status shows not committed in %s", repository.project()).isEmpty();
    }

    @Test
    @DisplayName("Nothing is unpushed: the branch tracks an upstream and is not ahead of it")
    void shouldHaveNothingUnpushed(ApplicationRepository repository, EvidenceRecorder evidence) {
        List<String> findings = new ArrayList<>();
        if (git.upstream() == null) {
            findings.add(git.branch() + " tracks no upstream: it was never pushed (git push -u origin " + git.branch() + ")");
        } else if (git.ahead() > 0) {
            findings.add(git.ahead() + " commit(s) on " + git.branch() + " are not on " + git.upstream() + " (as this checkout last saw it)");
        }
        ChecklistEvidence.record(evidence, "pushed", findings, 1);

        assertThat(findings).as("unpushed work in %s (read with git, no fetch)", repository.project()).isEmpty();
    }
}
