#!/usr/bin/env bash
# Runs what the GitHub Action (action.yml) runs, as it runs it: the built binary installed alone
# with `copydesk install --prefix` (as the action's "Build and install" step does with its release
# build), put on PATH, then the action's lint step (action/run.sh) in a desk repository made in a
# clean temporary folder — no checkout beside it, no COPYDESK_HOME — and the pre-commit hooks'
# entries as pre-commit calls them. Usage: .ci/action-steps.sh [BINARY] (default .build/debug/copydesk).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:-$root/.build/debug/copydesk}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "action-steps: $*" >&2; exit 1; }

# The action runs action/run.sh (what is tested below) and installs with `copydesk install`.
grep -q '"$GITHUB_ACTION_PATH/action/run.sh"' "$root/action.yml" || fail "action.yml does not run action/run.sh"
grep -q 'copydesk" install --prefix' "$root/action.yml" || fail "action.yml does not install with copydesk install"
if python3 -c 'import yaml' 2>/dev/null; then
    python3 -c 'import sys, yaml; [yaml.safe_load(open(f)) for f in sys.argv[1:]]' \
        "$root/action.yml" "$root/Examples/ci/github-actions.yml" "$root/.pre-commit-hooks.yaml" || fail "invalid YAML"
fi

# Build and install copydesk; put it on PATH (the action's own steps, with the binary given).
cp "$binary" "$work/copydesk-built"
"$work/copydesk-built" install --prefix "$work/prefix" 2>/dev/null
rm "$work/copydesk-built"
mkdir -p "$work/action" && cp "$root/action/run.sh" "$work/action/run.sh"   # the action's folder
export PATH="$work/prefix/bin:/usr/bin:/bin" HOME="$work/home" XDG_CACHE_HOME="$work/cache" NO_COLOR=1
unset COPYDESK_HOME
[ "$(command -v copydesk)" = "$work/prefix/bin/copydesk" ] || fail "copydesk is not the installed one"

# A desk repository as actions/checkout leaves it.
desk="$work/desk"
mkdir -p "$desk/stories/sport" "$desk/translations"
cd "$desk"
printf 'Cafe owners march over tax\n\nATHENS, Greece (AP) -- Hundreds of cafe owners marched through central Athens on Tuesday, officials said.\n' > stories/athens.txt
printf 'Kremlin talks\n\nMOSCOW (AP) — Russian and Chinese officials met on Wednesday, the ministry said.\n' > stories/sport/moscow.txt
printf '# Our desk\n\nStories -- and "notes" -- go in stories/, officials said yesterday.\n' > README.md
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > stories/photo.txt
png_before=$(sha256sum stories/photo.txt)
copydesk init --style ap 2>/dev/null
[ -f .copydesk.yml ] || fail "copydesk init wrote no .copydesk.yml"

# The action's lint step, with its inputs as the example workflow gives them.
: > "$work/github-output"
annotations=$(GITHUB_OUTPUT="$work/github-output" COPYDESK_PATHS="." COPYDESK_ARGS="" COPYDESK_SARIF="copydesk.sarif" \
    "$work/action/run.sh" 2>"$work/lint-stderr") || fail "action/run.sh failed: $(cat "$work/lint-stderr")"
grep -qx 'exit-code=1' "$work/github-output" || fail "expected exit-code=1 (findings): $(cat "$work/github-output")"
grep -qx 'sarif-file=copydesk.sarif' "$work/github-output" || fail "no sarif-file output"
echo "$annotations" | grep -q '^::warning file=stories/athens.txt,line=3,' || fail "no annotation for stories/athens.txt: $annotations"
if echo "$annotations" | grep -q 'README.md'; then fail "README.md is excluded by .copydesk.yml but was annotated"; fi
grep -q 'stories/photo.txt: skipped: binary file (PNG image)' "$work/lint-stderr" || fail "the binary file was not skipped with a note"
python3 - copydesk.sarif <<'PY' || fail "bad SARIF"
import json, sys
report = json.load(open(sys.argv[1]))
assert report["version"] == "2.1.0", report["version"]
results = report["runs"][0]["results"]
uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
assert "stories/athens.txt" in uris, uris
assert not any("README" in uri or "photo" in uri for uri in uris), uris
assert any(r["ruleId"] == "attribution.anonymous" for r in results)
PY
[ "$(sha256sum stories/photo.txt)" = "$png_before" ] || fail "the PNG was changed"

# `args` win over the repo config: --fail-on never makes the "Fail on findings" step pass.
: > "$work/github-output"
GITHUB_OUTPUT="$work/github-output" COPYDESK_PATHS="stories/" COPYDESK_ARGS="--fail-on never --style reuters" \
    "$work/action/run.sh" >/dev/null 2>&1 || fail "action/run.sh failed with args"
grep -qx 'exit-code=0' "$work/github-output" || fail "expected exit-code=0 with --fail-on never: $(cat "$work/github-output")"

# The pre-commit hooks' entries, given every staged file as pre-commit does: the repo config's
# filter drops README.md (excluded) and the binary, and copydesk-fix fixes only the story.
entry() { sed -n "/^- id: $1\$/,/^- id/{s/^ *entry: //p}" "$root/.pre-commit-hooks.yaml"; }
lint_entry=$(entry copydesk-lint); fix_entry=$(entry copydesk-fix)
[ -n "$lint_entry" ] && [ -n "$fix_entry" ] || fail "no hook entries in .pre-commit-hooks.yaml"
readme_before=$(sha256sum README.md)
set +e
$lint_entry README.md > "$work/hook-out" 2>&1; status=$?
set -e
[ $status -eq 0 ] || fail "copydesk-lint on an excluded README exited $status: $(cat "$work/hook-out")"
set +e
$lint_entry README.md stories/athens.txt stories/photo.txt > "$work/hook-out" 2>&1; status=$?
set -e
[ $status -eq 1 ] || fail "copydesk-lint on a story with findings exited $status: $(cat "$work/hook-out")"
if grep -q 'README.md' "$work/hook-out"; then fail "copydesk-lint checked the excluded README.md"; fi
$fix_entry README.md stories/athens.txt stories/photo.txt >/dev/null 2>&1 || fail "copydesk-fix failed"
grep -q 'ATHENS, Greece (AP) — Hundreds' stories/athens.txt || fail "copydesk-fix did not fix the story"
[ "$(sha256sum README.md)" = "$readme_before" ] || fail "copydesk-fix changed the excluded README.md"
[ "$(sha256sum stories/photo.txt)" = "$png_before" ] || fail "copydesk-fix changed the PNG"
# The rest of the issue's walkthrough with the installed binary: lint --fix over the mixed folder
# and run --output (names unique, nothing replaced without --force).
copydesk lint --fix --fail-on never . >/dev/null 2>&1 || fail "lint --fix over the desk failed"
[ "$(sha256sum stories/photo.txt)" = "$png_before" ] || fail "lint --fix changed the PNG"
copydesk run --fail-on never --output "$work/out" stories/ >/dev/null 2>&1 || fail "run --output failed"
[ -f "$work/out/athens.txt" ] && [ -f "$work/out/sport/moscow.txt" ] || fail "run --output wrote $(ls -R "$work/out")"
set +e
copydesk run --fail-on never --output "$work/out" stories/ >/dev/null 2>&1; status=$?
set -e
[ $status -eq 2 ] || fail "a second run --output replaced files without --force (exit $status)"
echo "action-steps: the action's steps and the pre-commit hooks work from a clean folder with the installed binary"
