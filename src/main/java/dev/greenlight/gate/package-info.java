/**
 * The go/no-go gate: judges the evidence of one or many runs against {@code suites/go-no-go.yaml} and the
 * sign-off sheet, and writes the verdict (GO, GO — awaiting sign-off, HOLD, NO-GO, ROLLBACK) as
 * {@code verdict.json}, {@code verdict.md}, a one-page {@code verdict.pdf} / {@code verdict.html} and a "Go/No-Go" epic in
 * Allure. The evidence it decides from is fingerprinted ({@link dev.greenlight.gate.EvidenceFingerprint}); sign-offs
 * bind to that fingerprint, and a verdict can be checked against its evidence ({@link dev.greenlight.gate.VerdictCheck}).
 *
 * <p>Entry points: {@link dev.greenlight.gate.Gate} (API: read, judge, write), {@link dev.greenlight.gate.GateCommand}
 * (the {@code gate} command; exit codes 0 GO, 10 GO awaiting sign-off, 20 HOLD, 30 NO-GO, 40 ROLLBACK, 2 bad input;
 * {@code --verify}: 0 verified, 3 changed), {@link dev.greenlight.gate.SignOffCommand} (the {@code signoff} command).
 * The judging itself ({@link dev.greenlight.gate.VerdictRules} and the estimators) is pure and does no I/O.
 * How to run it and how to read its report: {@code docs/gate.md}.
 */
package dev.greenlight.gate;
