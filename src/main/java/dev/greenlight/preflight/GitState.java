package dev.greenlight.preflight;

import java.util.ArrayList;
import java.util.List;

/**
 * A checkout's state as {@code git status --porcelain=v2 --branch} tells it.
 *
 * @param branch   the branch checked out, or {@code (detached)}
 * @param upstream the branch it tracks, or null when it tracks none (never pushed)
 * @param ahead    commits not on the upstream (unpushed); 0 without one
 * @param behind   upstream commits not here
 * @param changes  entries not committed: changed, staged, untracked or in conflict, as git writes them
 */
public record GitState(String branch, String upstream, int ahead, int behind, List<String> changes) {

    public GitState {
        changes = List.copyOf(changes);
    }

    static GitState parse(String porcelain) {
        String branch = null;
        String upstream = null;
        int ahead = 0;
        int behind = 0;
        List<String> changes = new ArrayList<>();
        for (String line : porcelain.split("\n")) {
            if (line.startsWith("# branch.head ")) {
                branch = line.substring("# branch.head ".length()).strip();
            } else if (line.startsWith("# branch.upstream ")) {
                upstream = line.substring("# branch.upstream ".length()).strip();
            } else if (line.startsWith("# branch.ab ")) {
                String[] counts = line.substring("# branch.ab ".length()).strip().split(" ");
                ahead = Integer.parseInt(counts[0].replace("+", ""));
                behind = Math.abs(Integer.parseInt(counts[1]));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                changes.add(describe(line));
            }
        }
        return new GitState(branch, upstream, ahead, behind, changes);
    }

    /** {@code ? notes.txt} → {@code untracked notes.txt}; {@code 1 .M ... package.json} → {@code modified package.json}. */
    private static String describe(String line) {
        String[] parts = line.split(" ");
        return switch (line.charAt(0)) {
            case '?' -> "untracked " + line.substring(2);
            case '!' -> "ignored " + line.substring(2);
            case 'u' -> "in conflict " + parts[parts.length - 1];
            case '2' -> "renamed " + line.substring(line.indexOf(' ', nthSpace(line, 8) + 1) + 1);
            default -> (parts[1].charAt(0) != '.' ? "staged, " : "") + (parts[1].charAt(1) != '.' ? "modified " : "changed ")
                    + line.substring(nthSpace(line, 8) + 1);
        };
    }

    private static int nthSpace(String line, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = line.indexOf(' ', at + 1);
        }
        return at;
    }
}
