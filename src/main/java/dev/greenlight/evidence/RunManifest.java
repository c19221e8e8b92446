package dev.greenlight.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;

/**
 * What a run was and whether it finished: {@code run.json} beside the run's measurements. A run killed
 * halfway has no {@code finishedAt}, and the gate reports its evidence as incomplete.
 *
 * @param runId      unique id, also the tag on every row the run wrote to staging
 * @param target     target name
 * @param startedAt  when the run began
 * @param finishedAt when it ended normally; null while running or if it was killed
 * @param info       versions, commit, host, selected tags: shown in the report
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunManifest(String runId, String target, Instant startedAt, Instant finishedAt, Map<String, String> info) {

    public RunManifest {
        info = info == null ? Map.of() : Map.copyOf(info);
    }

    public boolean complete() {
        return finishedAt != null;
    }

    public RunManifest finished(Instant at) {
        return new RunManifest(runId, target, startedAt, at, info);
    }
}
