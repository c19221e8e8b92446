package dev.greenlight.probes;

import dev.greenlight.run.RunContext;
import dev.greenlight.target.LocalTarget;

import java.util.HashMap;
import java.util.Map;

/** What every probe needs from the run: HTTP to the target with the run's placeholders filled. */
public final class ProbeContext {

    private ProbeContext() {
    }

    /** {@code {tag}} is the run's data tag; {@code {adminToken}} the local target's generated token (nothing elsewhere). */
    public static ProbeHttp http(RunContext run) {
        Map<String, String> placeholders = new HashMap<>();
        placeholders.put("{tag}", run.dataTag());
        if (run.target() instanceof LocalTarget local) {
            placeholders.put("{adminToken}", local.adminToken().reveal());
        }
        return ProbeHttp.to(run.config(), placeholders, run.masker());
    }
}
