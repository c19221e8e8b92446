#!/bin/sh
# The CI templates' branch on the verdict: turns `greenlight gate`'s exit code into the decision the pipeline's
# jobs branch on, and writes it where the CI reads step outputs (GitHub: "$GITHUB_OUTPUT") or dotenv variables
# (GitLab: a `reports: dotenv` file).
#
#   ci-templates/verdict-branch.sh EXIT_CODE [OUTPUT_FILE]
#
# Appends to OUTPUT_FILE (and prints) three lines:
#   GREENLIGHT_DECISION=go|hold|no-go|rollback
#   GREENLIGHT_SIGNED=true|false        (false: GO awaiting sign-off, or no GO at all)
#   GREENLIGHT_VERDICT_EXIT=EXIT_CODE
# and one line on stderr saying what the pipeline does next (docs/ci.md, "Branching on the verdict").
# Exits 0 when the gate decided (0, 10, 20, 30, 40) and 1 otherwise (2: bad input; the gate's message is above),
# so a gate that could not decide fails the job instead of passing for a verdict.
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 EXIT_CODE [OUTPUT_FILE]" >&2
  exit 2
fi
code=$1
out=${2:-/dev/null}

signed=false
case "$code" in
  0) decision=go; signed=true; next="GO: the production deploy may start once it is approved" ;;
  10) decision=go; next="GO, awaiting sign-off: the production deploy may start once it is approved (the approval is the sign-off; record it in suites/signoff.yaml)" ;;
  20) decision=hold; next="HOLD: extend the soak and judge again" ;;
  30) decision=no-go; next="NO-GO: stop; the pipeline fails, staging stays as it is for the team to look at" ;;
  40) decision=rollback; next="ROLLBACK: the rollback job runs now" ;;
  *)
    echo "greenlight: the gate did not decide (exit $code$( [ "$code" = 2 ] && echo ': bad input, see its message above' )); no branch is taken" >&2
    exit 1
    ;;
esac

{
  echo "GREENLIGHT_DECISION=$decision"
  echo "GREENLIGHT_SIGNED=$signed"
  echo "GREENLIGHT_VERDICT_EXIT=$code"
} | tee -a "$out"
echo "greenlight: $next" >&2
