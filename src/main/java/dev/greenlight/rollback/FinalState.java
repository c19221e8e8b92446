package dev.greenlight.rollback;

/**
 * The state the drill left staging in, looked at after everything else: which version answers, and whether it is
 * healthy. Said in one line a reviewer can act on.
 *
 * @param candidate the version staging should be back on
 * @param seen      what the last look at the health endpoint saw
 * @param touched   whether the drill changed staging at all (it does not when the backup step fails)
 */
public record FinalState(String candidate, DeployedVersion.Seen seen, boolean touched) {

    /** Healthy and back on the candidate. */
    public boolean onCandidate() {
        return seen.runs(candidate);
    }

    /** {@code Staging is back on 7.0.1 and healthy ...} or what is wrong with it. */
    public String describe() {
        String untouched = touched ? "" : " The drill did not touch staging.";
        if (onCandidate()) {
            return "Staging is back on " + candidate + " and healthy." + untouched + " (" + seen.observation() + ")";
        }
        if (seen.healthy()) {
            return "Staging is healthy but NOT on the candidate " + candidate + ": it reports '" + seen.version() + "'."
                    + untouched + " Roll it forward by hand. (" + seen.observation() + ")";
        }
        return "Staging is NOT healthy after the drill: it should be on " + candidate + "." + untouched
                + " Check it now and roll it forward by hand. (" + seen.observation() + ")";
    }
}
