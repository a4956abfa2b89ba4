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
