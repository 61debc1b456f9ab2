#!/usr/bin/env bash
# A busybox container (no network) started and stopped by bin/nestor (svc start + svc stop) and by
# the raw tools (lxc-start -d + lxc-stop), alternately in one run, RUNS times each; medians and
# their ratio (target under 1.15). Then the raw `lxc-attach -- true` round trip, the reference for
# Nestor's transport. Needs root and the lxc package.
source "$(dirname "$0")/common.sh"
runs=${RUNS:-5}
work=$(mktemp -d)
export NESTOR_BASE="$work/base" NESTOR_NODE=bench1
trap 'lxc-stop -n bench-raw -P "$work/lxc" --kill >/dev/null 2>&1; lxc-stop -n bench-svc -P "$work/lxc" --kill >/dev/null 2>&1;
      lxc-destroy -n bench-raw -P "$work/lxc" >/dev/null 2>&1; lxc-destroy -n bench-svc -P "$work/lxc" >/dev/null 2>&1;
      rm -rf "$work"' EXIT
mkdir -p "$work/lxc"
echo "lxc.net.0.type = empty" > "$work/net.conf"
lxc-create -q -n bench-raw -P "$work/lxc" -t busybox -f "$work/net.conf"
printf '[DEFAULT]\nnodes = bench1\n[container#1]\ntype = lxc\nname = bench-svc\ntemplate = busybox\ncf = %s\ncontainer_data_dir = %s\n' \
    "$work/net.conf" "$work/lxc" > "$work/bench.conf"
"$assembly/bin/nestor" svc create bench --config "$work/bench.conf" >/dev/null
"$assembly/bin/nestor" svc provision bench >/dev/null

svc_times=() raw_times=()
for _ in $(seq "$runs"); do
    start=$(now_ms)
    "$assembly/bin/nestor" svc start bench >/dev/null
    "$assembly/bin/nestor" svc stop bench >/dev/null
    svc_times+=($(( $(now_ms) - start )))
    start=$(now_ms)
    lxc-start -n bench-raw -P "$work/lxc" -d
    lxc-wait -n bench-raw -P "$work/lxc" -s RUNNING
    lxc-stop -n bench-raw -P "$work/lxc"
    raw_times+=($(( $(now_ms) - start )))
done
svc=$(median "${svc_times[@]}") raw=$(median "${raw_times[@]}")
printf 'bin/nestor svc start + svc stop   median %5s ms   runs: %s\n' "$svc" "${svc_times[*]}"
printf 'lxc-start -d + lxc-stop (raw)     median %5s ms   runs: %s\n' "$raw" "${raw_times[*]}"
awk -v a="$svc" -v b="$raw" 'BEGIN {printf "ratio %.2f\n", a / b}'

lxc-start -n bench-raw -P "$work/lxc" -d && lxc-wait -n bench-raw -P "$work/lxc" -s RUNNING
attach_times=()
for _ in $(seq 20); do
    start=$(date +%s%N)
    lxc-attach -n bench-raw -P "$work/lxc" --clear-env -- true
    attach_times+=($(( ($(date +%s%N) - start) / 1000 )))
done
printf 'lxc-attach -- true (raw)          median %5s us\n' "$(median "${attach_times[@]}")"
