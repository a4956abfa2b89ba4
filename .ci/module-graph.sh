#!/usr/bin/env bash
# Fails when the module graph goes the wrong way (README "Architecture"): a stage module
# (normalize, lint, dedup, translation) depends on another stage module, or a base module
# (Core, ICU, Text, Formats) on a stage. Checks both the `import` lines in Sources/<Target>/ and the
# target dependencies in Package.swift.
set -euo pipefail
cd "$(dirname "$0")/.."

stages="CopydeskNormalize CopydeskLint CopydeskDedup CopydeskTranslate"
# What each library target may depend on (besides system and third-party modules).
declare -A allowed=(
    # CopydeskShippedData: the built-in copy of StyleRules/ and Pipelines/ (generated data, no code).
    [CopydeskShippedData]=""
    [CopydeskCore]="CopydeskShippedData"
    [CopydeskICU]="CICU"
    [CopydeskText]="CopydeskCore CopydeskICU"
    [CopydeskFormats]="CopydeskCore CopydeskICU CopydeskText"
    [CopydeskNormalize]="CopydeskCore CopydeskICU CopydeskText"
    [CopydeskLint]="CopydeskCore CopydeskICU CopydeskText"
    [CopydeskSQLite]="CopydeskCore"
    [CopydeskDedup]="CopydeskCore CopydeskICU CopydeskText CopydeskSQLite"
    # CopydeskDedup: the translation memory still reuses dedup's match text and store types.
    [CopydeskTranslate]="CopydeskCore CopydeskICU CopydeskText CopydeskFormats CopydeskDedup CopydeskSQLite"
    # A store back end, not a stage: the dedup archive's and the memory's contracts on PostgreSQL.
    [CopydeskPostgres]="CopydeskCore CopydeskDedup CopydeskTranslate"
)

failed=0
fail() { echo "module-graph: $*" >&2; failed=1; }

for target in "${!allowed[@]}"; do
    ok=" ${allowed[$target]} "
    # import lines (plain, @_exported, @testable) of the target's sources
    while IFS= read -r line; do
        file=${line%%:*}
        module=$(sed -E 's/.*import[[:space:]]+([A-Za-z_]+).*/\1/' <<<"${line#*:}")
        case $module in Copydesk*|CICU) ;; *) continue ;; esac
        [ "$module" = "$target" ] && continue
        [[ $ok == *" $module "* ]] || fail "$file imports $module (a $target file may import only: ${allowed[$target]:-no other Copydesk module})"
    done < <(grep -rEH '^[[:space:]]*(@_exported[[:space:]]+|@testable[[:space:]]+)?import[[:space:]]+(Copydesk|CICU)' "Sources/$target" --include='*.swift' || true)

    # Package.swift: the target's declaration, on one line
    declaration=$(grep -E "\.target\(name: \"$target\"" Package.swift || true)
    [ -n "$declaration" ] || { fail "Package.swift: no one-line .target(name: \"$target\", …) to check"; continue; }
    dependencies=""
    [[ $declaration == *"dependencies:"* ]] && dependencies=${declaration#*dependencies:}
    for dep in $(grep -oE '"(Copydesk[A-Za-z]*|CICU)"' <<<"$dependencies" | tr -d '"'); do
        [[ $ok == *" $dep "* ]] || fail "Package.swift: $target depends on $dep (allowed: ${allowed[$target]:-none})"
    done
done

# Every stage module is covered (a new stage target must be added above).
for target in $(grep -oE '\.target\(name: "Copydesk[A-Za-z]*"' Package.swift | sed -E 's/.*"(.*)"/\1/'); do
    [ "$target" = Copydesk ] || [ "$target" = CopydeskServer ] || [ "$target" = CopydeskTestSupport ] || [ -n "${allowed[$target]+x}" ] \
        || fail "Package.swift: target $target is not in .ci/module-graph.sh: say what it may depend on"
done

[ $failed = 0 ] && echo "module-graph: ok (stage modules: $stages; allowed edges listed in this script)"
exit $failed
