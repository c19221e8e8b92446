package dev.greenlight.target;

import dev.greenlight.run.HarnessTrouble;

/**
 * The configured log source could not be read (a log command that is not installed, fails or hangs; a file this user
 * cannot read): the harness's trouble, so the check that needed the log is not run, never failed. The message names the
 * source and the reason.
 */
public final class LogUnavailableException extends RuntimeException implements HarnessTrouble {

    private static final long serialVersionUID = 1L;

    /** What every log problem asks a person to check. */
    static final String FIX = "check log.file or log.command in the target file: the command must be installed here and "
            + "allowed to read the application's log, the file readable by this user";

    public LogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public LogUnavailableException(String message) {
        super(message);
    }

    @Override
    public String reason() {
        return getMessage();
    }

    @Override
    public String fix() {
        return FIX;
    }
}
