#!/usr/bin/env bash
# Wall time of bin/nestor commands, 10 runs each, median: print-config --eval of examples/web.conf,
# print-status of examples/apps.conf started for real (cached, then --refresh asking each app).
source "$(dirname "$0")/common.sh"
runs=${RUNS:-10}
export NESTOR_BASE=$(mktemp -d) NESTOR_NODE=hv1
"$assembly/bin/nestor" svc create web --config "$assembly/examples/web.conf" >/dev/null
export APPCTL="$assembly/examples/appctl.sh" RUN="$NESTOR_BASE/run"
"$assembly/bin/nestor" svc create apps --config "$assembly/examples/apps.conf" >/dev/null
"$assembly/bin/nestor" svc start apps >/dev/null
trap '"$assembly/bin/nestor" svc stop apps >/dev/null; rm -rf "$NESTOR_BASE"' EXIT

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
measure "bin/nestor svc print-status apps" svc print-status apps
measure "bin/nestor svc print-status apps --refresh" svc print-status apps --refresh
