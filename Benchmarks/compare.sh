#!/usr/bin/env bash
# Copydesk against the tools a desk would otherwise use, on one generated corpus, in one go.
#   Benchmarks/compare.sh [--quick]
# Builds release, generates the corpus (seeded, nothing downloaded), installs the Python peers
# into a throwaway venv, times everything and prints a table of throughputs and ratios.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
QUICK=0; [[ "${1:-}" == "--quick" ]] && QUICK=1
RUNS=5; [[ $QUICK == 1 ]] && RUNS=3
WORK="$(mktemp -d -t copydesk-compare.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
CORPUS="$WORK/corpus"
PINS="proselint==0.16.0 ftfy==6.3.1 datasketch==2.0.0"

say() { printf '\n== %s\n' "$*" >&2; }

say "building release (main package: copydesk; Benchmarks: generate-corpus, cdbench)"
(cd "$ROOT" && swift build -c release --product copydesk >&2)
(cd "$HERE" && swift build -c release --product generate-corpus >&2 && swift build -c release --product cdbench >&2)
COPYDESK="$ROOT/.build/release/copydesk"
BIN="$HERE/.build/release"

say "generating corpus (seed 7) in $CORPUS"
"$BIN/generate-corpus" "$CORPUS" --stories 1000 --megabytes 4 --minhash 2000 --seed 7 >&2

say "installing Python peers into a throwaway venv: $PINS"
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install --quiet --disable-pip-version-check $PINS >&2
PY="$WORK/venv/bin/python"

declare -A RATE UNIT
record() { RATE[$1]=$2; UNIT[$1]=$3; }
field() { awk '{print $4}'; }

say "normalize: Copydesk (decode + normalize stage, NFC) vs ftfy.fix_text vs uconv -x Any-NFC"
record cd-normalize-clean "$("$BIN/cdbench" normalize "$CORPUS/clean.txt" --runs $RUNS | field)" MB/s
record cd-normalize-dirty "$("$BIN/cdbench" normalize "$CORPUS/dirty.txt" --runs $RUNS | field)" MB/s
record cd-nfc-clean "$("$BIN/cdbench" nfc "$CORPUS/clean.txt" --runs $RUNS | field)" MB/s
record ftfy-clean "$("$PY" "$HERE/peers.py" ftfy "$CORPUS/clean.txt" --runs 3 | field)" MB/s
record ftfy-dirty "$("$PY" "$HERE/peers.py" ftfy "$CORPUS/dirty.txt" --runs 3 | field)" MB/s
if command -v uconv >/dev/null; then
    size=$(stat -c %s "$CORPUS/clean.txt")
    times=()
    for _ in 1 2 3; do
        s=$(date +%s%N); uconv -f utf-8 -t utf-8 -x Any-NFC "$CORPUS/clean.txt" >/dev/null; e=$(date +%s%N)
        times+=($((e - s)))
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
    record uconv-nfc-clean "$(awk -v b="$size" -v ns="$median" 'BEGIN{printf "%.2f", b/(ns/1e9)/1e6}')" MB/s
else
    echo "uconv not found (Debian: apt-get install icu-devtools): skipping the ICU comparison" >&2
fi

say "lint: Copydesk lint pipeline (normalize report + AP style) vs proselint (all checks)"
record cd-lint "$("$BIN/cdbench" lint "$CORPUS/clean.txt" --runs $RUNS | field)" MB/s
record cd-lint-dirty "$("$BIN/cdbench" lint "$CORPUS/dirty.txt" --runs $RUNS | field)" MB/s
record proselint "$("$PY" "$HERE/peers.py" proselint "$CORPUS/clean.txt" --limit 300000 --runs 1 | field)" MB/s

say "MinHash: Copydesk vs datasketch (128 permutations, word 5-shingles, 500-word stories)"
"$PY" "$HERE/peers.py" datasketch "$CORPUS/minhash" --runs 3 > "$WORK/ds.txt"
record datasketch-minhash "$(grep minhash "$WORK/ds.txt" | field)" stories/s
record datasketch-lsh "$(grep lsh "$WORK/ds.txt" | field)" stories/s
if "$BIN/cdbench" minhash "$CORPUS/minhash" --runs $RUNS > "$WORK/cdmh.txt" 2>/dev/null; then
    record cd-minhash "$(field < "$WORK/cdmh.txt")" stories/s
    record cd-lsh "$("$BIN/cdbench" lsh "$CORPUS/minhash" --runs $RUNS | field)" stories/s
else
    echo "CopydeskDedup has no public MinHash API yet: skipping Copydesk's MinHash" >&2
fi

say "copydesk lint of one small story, whole process (wall)"
STORY="$CORPUS/stories/00001.txt"
if command -v hyperfine >/dev/null; then
    hyperfine --warmup 5 --runs 50 -N -i --export-json "$WORK/hf.json" "$COPYDESK lint --no-excerpt $STORY" >&2
    record cli-small-story "$("$PY" -c "import json,sys; print('%.1f' % (json.load(open(sys.argv[1]))['results'][0]['median']*1000))" "$WORK/hf.json")" ms
else
    times=()
    for _ in $(seq 30); do s=$(date +%s%N); "$COPYDESK" lint --no-excerpt "$STORY" >/dev/null 2>&1 || true; e=$(date +%s%N); times+=($(((e - s) / 1000))); done
    record cli-small-story "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 15p | awk '{printf "%.1f", $1/1000}')" ms
fi

say "whole process (issue 17): what a user times, side by side with the peers"
# One run of a command: wall seconds and peak RSS (MB), from /usr/bin/time; the median of RUNS.
whole() {
    local out=$1; shift
    local walls=() rss=()
    for _ in $(seq $RUNS); do
        /usr/bin/time -f '%e %M' -o "$WORK/t.txt" "$@" >"$out" 2>/dev/null || true
        read -r w m < "$WORK/t.txt"; walls+=("$w"); rss+=("$m")
    done
    printf '%s %s\n' "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")" \
        "$(printf '%s\n' "${rss[@]}" | sort -n | tail -1 | awk '{printf "%.0f", $1/1024}')"
}
mbps() { awk -v b="$1" -v s="$2" 'BEGIN{ if (s <= 0) s = 0.001; printf "%.1f", b/s/1e6 }'; }
if [[ -x /usr/bin/time ]]; then
    BATCH="$WORK/batch400"; mkdir -p "$BATCH"; cp "$CORPUS"/stories/00[0-3][0-9][0-9].txt "$BATCH/"
    bsize=$(cat "$BATCH"/*.txt | wc -c)
    read -r w m < <(whole /dev/null "$COPYDESK" lint "$BATCH"); record wp-lint-batch "$(mbps "$bsize" "$w")" MB/s
    read -r w m < <(whole /dev/null "$COPYDESK" lint --no-excerpt "$BATCH"); record wp-lint-batch-noex "$(mbps "$bsize" "$w")" MB/s
    read -r w m < <(whole /dev/null "$PY" "$HERE/peers.py" proselint-files "$BATCH"); record wp-proselint "$(mbps "$bsize" "$w")" MB/s
    # One 30 MB plain file (the clean corpus, repeated), and 120 MB for normalize.
    BIG="$WORK/big30.txt"; BIG120="$WORK/big120.txt"
    : > "$BIG"; while [[ $(stat -c %s "$BIG") -lt 30000000 ]]; do cat "$CORPUS/clean.txt" >> "$BIG"; done
    : > "$BIG120"; for _ in 1 2 3 4; do cat "$BIG" >> "$BIG120"; done
    DIRTY30="$WORK/dirty30.txt"; : > "$DIRTY30"; while [[ $(stat -c %s "$DIRTY30") -lt 30000000 ]]; do cat "$CORPUS/dirty.txt" >> "$DIRTY30"; done
    s30=$(stat -c %s "$BIG"); s120=$(stat -c %s "$BIG120"); sd30=$(stat -c %s "$DIRTY30")
    read -r w m < <(whole /dev/null "$COPYDESK" lint --no-excerpt "$BIG"); record wp-lint-30 "$(mbps "$s30" "$w")" MB/s; record wp-lint-30-rss "$m" MB
    read -r w m < <(whole /dev/null "$COPYDESK" normalize -q "$BIG"); record wp-norm-30 "$(mbps "$s30" "$w")" MB/s; record wp-norm-30-rss "$m" MB
    read -r w m < <(whole /dev/null "$COPYDESK" normalize -q "$DIRTY30"); record wp-norm-dirty "$(mbps "$sd30" "$w")" MB/s; record wp-norm-dirty-rss "$m" MB
    read -r w m < <(whole /dev/null "$COPYDESK" normalize -q "$BIG120"); record wp-norm-120 "$(mbps "$s120" "$w")" MB/s; record wp-norm-120-rss "$m" MB
    # The naive C+ICU round trip (UTF-8 -> UTF-16 -> NFC -> UTF-8), compiled here.
    if cc -O2 -o "$WORK/naive-icu-nfc" "$HERE/Naive/naive-icu-nfc.c" -licuuc 2>/dev/null; then
        read -r w m < <(whole /dev/null "$WORK/naive-icu-nfc" "$BIG"); record wp-naive-30 "$(mbps "$s30" "$w")" MB/s; record wp-naive-30-rss "$m" MB
        read -r w m < <(whole /dev/null "$WORK/naive-icu-nfc" "$BIG120"); record wp-naive-120 "$(mbps "$s120" "$w")" MB/s; record wp-naive-120-rss "$m" MB
    else
        echo "cc or ICU headers not found (Debian: build-essential libicu-dev): skipping the naive C+ICU program" >&2
    fi
    # An ANPA wire stream read story by story: peak memory stays that of a story.
    STREAM_MB=256; [[ $QUICK == 1 ]] && STREAM_MB=64
    "$BIN/generate-corpus" "$WORK/anpa" --stories 0 --megabytes 0 --minhash 0 --anpa $STREAM_MB >&2
    sa=$(stat -c %s "$WORK/anpa/stream.anpa")
    read -r w m < <(RUNS=1 whole /dev/null "$COPYDESK" normalize -q "$WORK/anpa/stream.anpa"); record wp-anpa-norm "$(mbps "$sa" "$w")" MB/s; record wp-anpa-norm-rss "$m" MB
    read -r w m < <(RUNS=1 whole /dev/null "$COPYDESK" lint --no-excerpt -q "$WORK/anpa/stream.anpa"); record wp-anpa-lint "$(mbps "$sa" "$w")" MB/s; record wp-anpa-lint-rss "$m" MB
    rm -rf "$WORK/anpa" "$BIG120"
fi

say "peak memory of a batch: copydesk lint over 100 vs 1000 files"
mkdir -p "$WORK/b100"; cp "$CORPUS"/stories/000[0-9][0-9].txt "$WORK/b100/"
if [[ -x /usr/bin/time ]]; then
    for dir in "$WORK/b100" "$CORPUS/stories"; do
        n=$(ls "$dir" | wc -l)
        /usr/bin/time -v "$COPYDESK" lint --no-excerpt --format json "$dir" >/dev/null 2>"$WORK/time.txt" || true
        record "batch-rss-$n" "$(awk -F: '/Maximum resident/ {gsub(/ /,"",$2); printf "%.1f", $2/1024}' "$WORK/time.txt")" MB
        record "batch-wall-$n" "$(awk '/Elapsed \(wall/ {print $NF}' "$WORK/time.txt")" m:ss
    done
else
    echo "/usr/bin/time not found: skipping peak memory" >&2
fi

ratio() { awk -v a="${RATE[$1]:-}" -v b="${RATE[$2]:-}" 'BEGIN{ if (a=="" || b=="" || b==0) print "-"; else printf "%.0f×", a/b }'; }
row() { printf '| %-58s | %12s %-9s | %s |\n' "$1" "${RATE[$2]:--}" "${UNIT[$2]:-}" "${3:-}"; }

echo
echo "Copydesk vs peers — $(date -u +%F), $(nproc) cores, $(uname -m); single process, one core unless noted"
echo
printf '| %-58s | %22s | %s |\n' "measurement" "result" "ratio"
echo "|---|---:|---|"
row "Copydesk normalize, clean text (decode + stage)" cd-normalize-clean "$(ratio cd-normalize-clean ftfy-clean) ftfy, $(ratio cd-normalize-clean uconv-nfc-clean) uconv"
row "Copydesk normalize, dirty text (decode + stage)" cd-normalize-dirty "$(ratio cd-normalize-dirty ftfy-dirty) ftfy"
row "Copydesk NFC only, clean text" cd-nfc-clean "$(ratio cd-nfc-clean uconv-nfc-clean) uconv"
row "ftfy.fix_text, clean text" ftfy-clean
row "ftfy.fix_text, dirty text" ftfy-dirty
row "uconv -x Any-NFC (whole file, process)" uconv-nfc-clean
row "Copydesk lint (normalize report + AP style), clean" cd-lint "$(ratio cd-lint proselint) proselint"
row "Copydesk lint (normalize report + AP style), dirty" cd-lint-dirty "$(ratio cd-lint-dirty proselint) proselint"
row "proselint (all default checks)" proselint
row "Copydesk MinHash signatures, 500-word stories" cd-minhash "$(ratio cd-minhash datasketch-minhash) datasketch"
row "datasketch MinHash (128 perm), 500-word stories" datasketch-minhash
row "Copydesk LSH (32×4 bands, in memory) insert + query" cd-lsh "$(ratio cd-lsh datasketch-lsh) datasketch"
row "datasketch MinHashLSH insert + query" datasketch-lsh
row "copydesk lint, one small story, whole process (median)" cli-small-story "target ≤ 30 ms"
row "copydesk lint 100 files: peak RSS" batch-rss-100
row "copydesk lint 1000 files: peak RSS" batch-rss-1000 "flat if ≈ the 100-file figure"
row "copydesk lint 1000 files: wall" batch-wall-1000
echo
echo "Whole process (issue 17): wall clock of the whole command, median of $RUNS, peak RSS the largest run"
echo
printf '| %-58s | %22s | %s |\n' "work" "Copydesk, whole process" "peer, same run"
echo "|---|---:|---|"
prow() { printf '| %-58s | %12s %-9s | %s |\n' "$1" "${RATE[$2]:--}" "${UNIT[$2]:-}" "${3:-}"; }
prow "lint 400 generated stories, default text output" wp-lint-batch "proselint ${RATE[wp-proselint]:--} MB/s ($(ratio wp-lint-batch wp-proselint)); target ≥ 50 MB/s"
prow "same, --no-excerpt" wp-lint-batch-noex ""
prow "lint one 30 MB plain-text file" wp-lint-30 "peak ${RATE[wp-lint-30-rss]:--} MB"
prow "normalize 30 MB clean text to stdout" wp-norm-30 "peak ${RATE[wp-norm-30-rss]:--} MB; naive C+ICU ${RATE[wp-naive-30]:--} MB/s, ${RATE[wp-naive-30-rss]:--} MB ($(ratio wp-norm-30 wp-naive-30)); target ≥ 600 MB/s and ≥ 3×"
prow "normalize 120 MB clean text" wp-norm-120 "peak ${RATE[wp-norm-120-rss]:--} MB; naive C+ICU ${RATE[wp-naive-120]:--} MB/s, ${RATE[wp-naive-120-rss]:--} MB ($(ratio wp-norm-120 wp-naive-120))"
prow "normalize 30 MB dirty text" wp-norm-dirty "peak ${RATE[wp-norm-dirty-rss]:--} MB; target ≥ 200 MB/s"
prow "normalize an ANPA stream (${STREAM_MB:-?} MB), story by story" wp-anpa-norm "peak ${RATE[wp-anpa-norm-rss]:--} MB (design target ≤ 64 MB + 4× the largest story)"
prow "lint the same ANPA stream, --no-excerpt" wp-anpa-lint "peak ${RATE[wp-anpa-lint-rss]:--} MB"
prow "copydesk lint, one small story (median)" cli-small-story "target ≤ 20 ms"
