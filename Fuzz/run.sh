#!/usr/bin/env bash
# Builds one libFuzzer target (or all) with -sanitize=fuzzer,address and runs it for SECONDS,
# seeded from ../shared/samples and Tests/Corpus/hostile. Crashes land in Fuzz/artifacts/TARGET/.
#
#   Fuzz/run.sh TARGET SECONDS [extra libFuzzer flags…]    e.g. Fuzz/run.sh FuzzNITF 300
#   Fuzz/run.sh all SECONDS                                   each target in turn
#   Fuzz/run.sh build                                         build only
#
# Targets: FuzzDecoder FuzzPlain FuzzMarkdown FuzzANPA FuzzIPTC7901 FuzzNITF FuzzNewsMLG2
#          FuzzNinjs FuzzNormalize FuzzLint FuzzStyle FuzzServe
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
samples="${COPYDESK_SAMPLES:-$root/../shared/samples}"
targets=(FuzzDecoder FuzzPlain FuzzMarkdown FuzzANPA FuzzIPTC7901 FuzzNITF FuzzNewsMLG2 FuzzNinjs FuzzNormalize FuzzLint FuzzStyle FuzzServe)
scratch="$root/.build-fuzz"

build() {
    swift build --package-path "$here" --scratch-path "$scratch" -c release \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -g "$@" >&2
}

# Seeds per target: the samples of its format (all of them for decoder, normalize and lint).
seeds_for() {
    case "$1" in
        FuzzANPA) echo "$samples/anpa" ;;
        FuzzIPTC7901) echo "$samples/anpa" ;;
        FuzzNITF) echo "$samples/newsml-g2" ;;
        FuzzNewsMLG2) echo "$samples/newsml-g2" ;;
        FuzzNinjs) echo "$samples/ninjs" ;;
        FuzzPlain|FuzzMarkdown) echo "$samples/plain $root/Examples" ;;
        FuzzStyle) echo "$root/StyleRules $root/Examples" ;;
        FuzzServe) echo "$here/seeds/FuzzServe" ;;
        *) echo "$samples/plain $samples/anpa $samples/ninjs $samples/newsml-g2 $root/Examples" ;;
    esac
}

run_one() {
    local target="$1" seconds="$2"; shift 2
    local corpus="$here/corpus/$target" artifacts="$here/artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    local seeds=()
    for dir in $(seeds_for "$target") "$root/Tests/Corpus/hostile"; do
        [ -d "$dir" ] && seeds+=("$dir")
    done
    echo "== $target for ${seconds}s (seeds: ${seeds[*]})" >&2
    # FuzzServe drives Hummingbird's router test client, which leaves each request's NIO
    # EmbeddedChannel pipeline in a reference cycle (swift-nio's NIOEmbedded, no Copydesk frame):
    # LeakSanitizer would stop the run on the first input and fail it at exit. Crashes, overflows,
    # traps and hangs still stop it.
    local leaks=() asan="${ASAN_OPTIONS:-}"
    if [ "$target" = FuzzServe ]; then leaks=(-detect_leaks=0); asan="detect_leaks=0${asan:+:$asan}"; fi
    # -rss_limit_mb and -timeout make a hang or a blow-up a finding, not a stuck run.
    # The Swift runtime's own backtracer trips ASan; libFuzzer prints the stack itself.
    ASAN_OPTIONS="$asan" SWIFT_BACKTRACE=enable=no COPYDESK_HOME="$root" "$scratch/release/$target" "$corpus" "${seeds[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$artifacts/" -print_final_stats=1 "${leaks[@]}" "$@"
}

case "${1:-}" in
    build) build ;;
    all)
        build
        for target in "${targets[@]}"; do run_one "$target" "${2:-60}"; done ;;
    Fuzz*)
        build --product "$1"
        target="$1"; seconds="${2:-60}"; shift 2 || shift $#
        run_one "$target" "$seconds" "$@" ;;
    *)
        sed -n '2,10p' "$0" >&2; exit 2 ;;
esac
