#!/usr/bin/env bash
# Load benchmark of `copydesk serve`: drives POST /v2/check with wrk (Debian's `wrk`) on one
# story and on a mixed set, at 1, 8 and 64 concurrent connections, and prints requests/s,
# p50/p90/p99 latency, failures and the server's resident memory before, during and after. Also
# measures the library's lint of the same story without the server (the CLI on 1 file vs 201
# copies, pinned to one core) so the per-request overhead of the server can be read off.
#
# usage: Benchmarks/serve/load.sh [copydesk binary, default .build/release/copydesk] [seconds per run, default 15]
# Traffic goes to 127.0.0.1 only; every run is bounded by its duration.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN="${1:-.build/release/copydesk}"
SECONDS_PER_RUN="${2:-15}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
[ -x "$BIN" ] || { echo "no $BIN: swift build -c release --product copydesk" >&2; exit 2; }
WORK="$(mktemp -d)"
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

ONE="Examples/athens-cafe-tax.txt"
# The mixed set: three stories of different desks and lengths, and the first ten times over.
MIXED=("$ONE" "../shared/samples/plain/seed-putin-xi-translated.txt" "Examples/translation/athens-port-strike-en.txt")
python3 - "$WORK" "${MIXED[@]}" <<'PY'
import sys, urllib.parse, os
work = sys.argv[1]
texts = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
texts.append(texts[0] * 10)  # a long story: ten times the first
for i, text in enumerate(texts):
    with open(os.path.join(work, f"body-{i}.form"), "w") as f:
        f.write(urllib.parse.urlencode({"text": text, "language": "en-US"}))
    print(f"body-{i}: {len(text.encode())} bytes")
PY

# The server on core 0, wrk on core 1, so they do not share a core.
LOG_LEVEL=warning taskset -c 0 "$BIN" serve --port 0 --store "$WORK/archive.sqlite" --max-concurrent 1 > "$WORK/out" 2> "$WORK/err" &
SERVER=$!
for _ in $(seq 100); do grep -q listening "$WORK/out" 2>/dev/null && break; sleep 0.1; done
URL="$(sed -n 's/.*listening on //p' "$WORK/out")"
rss() { awk '/VmRSS/ {print $2/1024 " MB"}' "/proc/$SERVER/status"; }
peak() { awk '/VmHWM/ {print $2/1024 " MB"}' "/proc/$SERVER/status"; }
echo "server $URL (pid $SERVER), resident after start: $(rss)"

run() { # name connections bodies...
    local name="$1" connections="$2"; shift 2
    BODIES="$*" wrk -t1 -c"$connections" -d"${SECONDS_PER_RUN}s" --timeout 30s -s Benchmarks/serve/check.lua "$URL" | grep RESULT | sed "s/^RESULT/$name c=$connections/"
    echo "  resident now $(rss), peak $(peak)"
}
BODIES="$WORK/body-0.form" wrk -t1 -c1 -d3s -s Benchmarks/serve/check.lua "$URL" > /dev/null   # warm-up
for c in 1 8 64; do run one-story "$c" "$WORK/body-0.form"; done
for c in 1 8 64; do run mixed "$c" "$WORK"/body-*.form; done
curl -s "$URL/health" > /dev/null && echo "still answering /health after the load"
kill -TERM "$SERVER"; wait "$SERVER" || true

# The library's lint of the same story, without HTTP: 201 files minus 1, on one core.
mkdir -p "$WORK/copies"
for i in $(seq 0 200); do cp "$ONE" "$WORK/copies/story-$i.txt"; done
time_of() { local start end; start=$(date +%s%N); "$@" > /dev/null 2>&1 || true; end=$(date +%s%N); echo $(( (end - start) / 1000 )); }
best() { local best=999999999 t; for _ in 1 2 3 4 5; do t=$(time_of "$@"); [ "$t" -lt "$best" ] && best=$t; done; echo "$best"; }
ONE_US=$(best taskset -c 0 "$BIN" lint --format json "$ONE")
MANY_US=$(best taskset -c 0 "$BIN" lint --format json "$WORK/copies")
echo "library lint of $ONE on one core: $(( (MANY_US - ONE_US) / 200 )) µs a story (CLI: 1 file ${ONE_US} µs, 201 files ${MANY_US} µs, best of 5)"
