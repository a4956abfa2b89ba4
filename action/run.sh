#!/usr/bin/env bash
# The commands the Copydesk GitHub Action (action.yml) runs once copydesk is on PATH; also run by
# .ci/action-steps.sh from a clean folder, so CI tests exactly what the action does.
#
# Inputs (environment): COPYDESK_PATHS (files or folders, default "."), COPYDESK_ARGS (extra
# arguments for `copydesk lint`, split on spaces), COPYDESK_SARIF (report file, default
# copydesk.sarif). Writes the SARIF report, prints GitHub annotations, and records the lint exit
# status as `exit-code` in $GITHUB_OUTPUT (when set). Exits 0 unless copydesk could not run at
# all, so the SARIF upload happens before the job fails on findings.
set -uo pipefail
paths=${COPYDESK_PATHS:-.}
sarif=${COPYDESK_SARIF:-copydesk.sarif}
# shellcheck disable=SC2206  # word splitting of the inputs is intended
args=(${COPYDESK_ARGS:-})
# shellcheck disable=SC2206
targets=($paths)

copydesk --version >/dev/null || { echo "copydesk is not on PATH" >&2; exit 2; }
# The repo config (.copydesk.yml) of the checkout is read as in a local run.
copydesk lint --format sarif "${args[@]}" "${targets[@]}" > "$sarif"
status=$?
# Annotations on the pull request; the exit status comes from the SARIF run above.
copydesk lint --format github --fail-on never "${args[@]}" "${targets[@]}" 2>/dev/null
if [ -n "${GITHUB_OUTPUT:-}" ]; then
    echo "exit-code=$status" >> "$GITHUB_OUTPUT"
    # An empty report (copydesk refused its configuration) is not uploaded.
    if [ -s "$sarif" ]; then echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"; fi
fi
echo "copydesk lint exited $status (0 clean, 1 findings at or above fail-on, 2 input or configuration errors); report in $sarif" >&2
exit 0
