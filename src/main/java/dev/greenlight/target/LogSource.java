package dev.greenlight.target;

import java.util.List;
import java.util.Optional;

/** Where an application's log lines are read from: a file, or the output of a command such as {@code kubectl logs}. */
public interface LogSource {

    /** The last {@code lines} lines, oldest first. */
    List<String> tail(int lines);

    /** What this source reads, for messages (secrets masked). */
    String describe();

    /** The last line containing {@code text}, if any. */
    default Optional<String> lastLineContaining(String text) {
        List<String> lines = tail(Integer.MAX_VALUE);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(text)) {
                return Optional.of(lines.get(i));
            }
        }
        return Optional.empty();
    }
}
