#!/usr/bin/env bash
# Many workers, one archive (issue 15): N `copydesk run` processes, each taking its own feed of
# ninjs stories in which ~20% are resends of other feeds' stories (new ids, same body), check and
# record into one PostgreSQL archive; the same stories through one process into a new SQLite
# archive for comparison. Prints per-worker and total stories/s and checks the verdicts (every
# story reported once; of each story and its resends exactly one `new`).
#
#   Benchmarks/postgres-workers.sh [COPYDESK_BINARY] [STORIES_PER_FEED] [N…]
#   e.g. Benchmarks/postgres-workers.sh .build/release/copydesk 1000 2 4 8
#
# Uses COPYDESK_TEST_POSTGRES_URL's server when set, else starts a throwaway one (.ci/postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
binary="$(realpath "${1:-.build/release/copydesk}")"
per_feed="${2:-1000}"
shift $(( $# > 2 ? 2 : $# ))
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(2 4 8)
if [ -z "${COPYDESK_TEST_POSTGRES_URL:-}" ]; then source .ci/postgres.sh; fi
work="$(mktemp -d /tmp/copydesk-workers.XXXXXX)"
trap 'rm -rf "$work"; type copydesk_postgres_stop >/dev/null 2>&1 && copydesk_postgres_stop' EXIT
printf 'name: ingest\nstages:\n  - normalize\n  - dedup:\n      mode: check-and-record\n' > "$work/ingest.yml"

# feeds N: N folders; feed f holds per_feed stories of its own and, interleaved, resends of the
# stories of feed f+1 (every 5th): ids F<f>-<i> and F<f>-R<g>-<i>.
make_feeds() {
    python3 - "$work/feeds-$1" "$1" "$per_feed" <<'PY'
import json, os, random, sys
root, feeds, per = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def story(n):
    r = random.Random(n)
    word = lambda: "".join(chr(97 + r.randrange(26)) for _ in range(3 + r.randrange(7)))
    paragraphs = [" ".join(word() for _ in range(28)) + "." for _ in range(5)]
    return {"type": "text", "headline": "Story %s %s" % (word(), word()), "body_text": "PARIS (AFP) — " + "\n\n".join(paragraphs)}
for f in range(feeds):
    folder = os.path.join(root, "feed-%d" % f)
    os.makedirs(folder)
    items = []
    for i in range(per):
        items.append(("F%d-%d" % (f, i), f * per + i))
        if i % 5 == 4 and feeds > 1:
            g = (f + 1) % feeds
            items.append(("F%d-R%d-%d" % (f, g, i), g * per + i))
    for position, (uri, n) in enumerate(items):
        body = story(n)
        body["uri"] = uri
        with open(os.path.join(folder, "%06d.json" % position), "w") as out:
            json.dump(body, out)
PY
}

# verdicts FILE…: counts new / duplicate / other over JSON reports.
verdicts() {
    python3 - "$@" <<'PY'
import json, sys, collections
c = collections.Counter()
for path in sys.argv[1:]:
    for f in json.load(open(path))["files"]:
        rules = [d["rule"] for d in f["diagnostics"] if d["rule"].startswith("dedup.")]
        c[rules[0][6:] if len(rules) == 1 else "reported %d times" % len(rules)] += 1
print(" ".join("%s %d" % kv for kv in sorted(c.items())))
PY
}

now() { date +%s.%N; }
echo "copydesk: $binary; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for n in "${counts[@]}"; do
    make_feeds "$n"
    total=$(find "$work/feeds-$n" -name '*.json' | wc -l)
    # SQLite: one process, all feeds, new archive.
    start=$(now)
    "$binary" run --pipeline "$work/ingest.yml" --store "$work/sqlite-$n.sqlite" --format json "$work/feeds-$n" > "$work/sqlite-$n.json" || [ $? -le 1 ]
    sqlite_seconds=$(echo "$(now) - $start" | bc)
    # PostgreSQL: N processes, one feed each, a new database.
    db="workers_${n}_$$"
    psql "$COPYDESK_TEST_POSTGRES_URL" -qc "CREATE DATABASE $db"
    url="${COPYDESK_TEST_POSTGRES_URL%/*}/$db"
    "$binary" archive stats --store "$url" >/dev/null 2>&1 || true   # nothing there yet: no schema is made
    start=$(now)
    pids=()
    for ((f = 0; f < n; f++)); do
        ( s=$(now); "$binary" run --pipeline "$work/ingest.yml" --store "$url" --format json "$work/feeds-$n/feed-$f" > "$work/pg-$n-$f.json" || [ $? -le 1 ]
          echo "$(echo "$(now) - $s" | bc) $(ls "$work/feeds-$n/feed-$f" | wc -l)" > "$work/pg-$n-$f.time" ) &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid"; done
    pg_seconds=$(echo "$(now) - $start" | bc)
    stored=$("$binary" archive stats --store "$url" | sed -n 's/ *stories: //p')
    per_worker=$(for ((f = 0; f < n; f++)); do read -r s c < "$work/pg-$n-$f.time"; printf '%.0f ' "$(echo "$c / $s" | bc -l)"; done)
    printf 'N=%d: %d stories (%d resends)\n' "$n" "$total" "$((total - n * per_feed))"
    printf '  SQLite, 1 process:      %6.0f stories/s (%.1f s)   verdicts: %s\n' "$(echo "$total / $sqlite_seconds" | bc -l)" "$sqlite_seconds" "$(verdicts "$work/sqlite-$n.json")"
    printf '  PostgreSQL, %d workers:  %6.0f stories/s total (%.1f s); per worker: %s  verdicts: %s; archive holds %s\n' \
        "$n" "$(echo "$total / $pg_seconds" | bc -l)" "$pg_seconds" "$per_worker" "$(verdicts "$work"/pg-$n-*.json)" "$stored"
    psql "$COPYDESK_TEST_POSTGRES_URL" -qc "DROP DATABASE $db WITH (FORCE)"
done
