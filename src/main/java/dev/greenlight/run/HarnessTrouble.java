package dev.greenlight.run;

/**
 * Implemented by failures that are the harness's own trouble, not the application's: no browser or driver on this
 * machine, a Selenium Grid that does not answer, a database role without the rights a probe needs, a log command that
 * is not installed. A check that meets one ends as {@link NotRun} — the criteria it serves are held (HOLD) with the
 * reason and the fix, never judged NO-GO or ROLLBACK. The boundary is written down in {@code docs/gate.md}.
 */
public interface HarnessTrouble {

    /** What the harness could not do, e.g. {@code no Chromium on the PATH or in /usr/bin}. */
    String reason();

    /** What a person does about it, e.g. {@code apt-get install chromium chromium-driver, or set browser.remoteUrl}. */
    String fix();
}
