#!/usr/bin/env bash
# svc:print-status --all in the Karaf console over SSH, for 200 services of 10 app resources
# whose status is cached: 10 runs, median; svc:list over the same SSH path shows what the
# connection alone costs.
source "$(dirname "$0")/common.sh"
runs=${RUNS:-10} services=${SERVICES:-200}
work=$(mktemp -d)
trap 'kill_karaf_quietly; sleep 1; rm -rf "$work"' EXIT

prepare_karaf
config="$work/ten-apps.conf"
{
    printf '[DEFAULT]\nnodes = bench1 bench2\n'
    for r in $(seq 0 9); do
        printf '\n[app#%d]\nstart = /bin/true\nstop = /bin/true\ncheck = /bin/true\ntags = tier%d\n' "$r" $((r % 3))
    done
} > "$config"
export NESTOR_BASE="$work/karaf" NESTOR_NODE=bench1
seq 0 $((services - 1)) | xargs -P "$(nproc)" -I{} "$assembly/bin/nestor" svc create "svc{}" --config "$config" >/dev/null
echo "name = bench1" >> "$work/karaf/etc/nestor/node.cfg"
boot_karaf

start=$(now_ms)
console svc:print-status --all --refresh >/dev/null 2>&1
printf '%-52s %6d ms (%d checks)\n' "svc:print-status --all --refresh (fills the cache)" $(( $(now_ms) - start )) $((services * 10))

measure() {
    local label=$1; shift
    local times=() start lines
    for _ in $(seq "$runs"); do
        start=$(now_ms)
        lines=$(console "$@" 2>/dev/null | wc -l)
        times+=($(( $(now_ms) - start )))
    done
    printf '%-52s median %5s ms  (%s lines)  runs: %s\n' "$label" "$(median "${times[@]}")" "$lines" "${times[*]}"
}
measure "svc:print-status --all ($services services, cached)" svc:print-status --all
measure "svc:print-status --all --format json" svc:print-status --all --format json
measure "svc:list (the SSH round trip alone)" svc:list
stop_karaf
