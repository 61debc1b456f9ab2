#!/usr/bin/env bash
# Wall time of `bin/nestor svc print-config NAME --eval` (and of print-keywords), 10 runs each, median.
source "$(dirname "$0")/common.sh"
runs=${RUNS:-10}
export NESTOR_BASE=$(mktemp -d) NESTOR_NODE=hv1
trap 'rm -rf "$NESTOR_BASE"' EXIT
"$assembly/bin/nestor" svc create web --config "$assembly/examples/web.conf" >/dev/null

measure() {
    local label=$1; shift
    local times=() start
    for _ in $(seq "$runs"); do
        start=$(now_ms)
        "$assembly/bin/nestor" "$@" >/dev/null
        times+=($(( $(now_ms) - start )))
    done
    printf '%-45s median %4s ms   runs: %s\n' "$label" "$(median "${times[@]}")" "${times[*]}"
}
measure "bin/nestor svc print-config web --eval" svc print-config web --eval
measure "bin/nestor svc print-config web --eval --format json" svc print-config web --eval --format json
measure "bin/nestor svc list" svc list
