#!/usr/bin/env bash
# A busybox container (no network) started and stopped, alternately in one run, RUNS times each:
#  - in the Karaf console: svc:start + svc:stop in one SSH session;
#  - by bin/nestor: svc start + svc stop (a JVM each);
#  - by the raw tools: lxc-start -d + lxc-wait RUNNING + lxc-stop.
# Medians and their ratios to the raw tools (target under 1.15). The exec round trip is measured by
# `java -jar bench/target/benchmarks.jar LxcExecBenchmark`. Needs root and the lxc package.
source "$(dirname "$0")/common.sh"
runs=${RUNS:-5}
work=$(mktemp -d)
lxc_path="$work/lxc"
trap 'for c in bench-raw bench-svc; do lxc-stop -n $c -P "$lxc_path" --kill >/dev/null 2>&1;
      lxc-destroy -n $c -P "$lxc_path" >/dev/null 2>&1; done
      kill "${jvm:-0}" "${pid:-0}" 2>/dev/null || true; sleep 1; rm -rf "$work"' EXIT
mkdir -p "$lxc_path"
echo "lxc.net.0.type = empty" > "$work/net.conf"
lxc-create -q -n bench-raw -P "$lxc_path" -t busybox -f "$work/net.conf"

prepare_karaf
export NESTOR_BASE="$work/karaf" NESTOR_NODE=bench1
echo "name = bench1" >> "$work/karaf/etc/nestor/node.cfg"
printf '[DEFAULT]\nnodes = bench1\n[container#1]\ntype = lxc\nname = bench-svc\ntemplate = busybox\ncf = %s\ncontainer_data_dir = %s\n' \
    "$work/net.conf" "$lxc_path" > "$work/bench.conf"
"$assembly/bin/nestor" svc create bench --config "$work/bench.conf" >/dev/null
"$assembly/bin/nestor" svc provision bench >/dev/null
"$assembly/bin/nestor" svc print-status bench >/dev/null  # bin/nestor's class data archive is made here
boot_karaf

console_times=() cli_times=() raw_times=()
for _ in $(seq "$runs"); do
    start=$(now_ms)
    console "svc:start bench; svc:stop bench" >/dev/null
    console_times+=($(( $(now_ms) - start )))
    start=$(now_ms)
    "$assembly/bin/nestor" svc start bench >/dev/null
    "$assembly/bin/nestor" svc stop bench >/dev/null
    cli_times+=($(( $(now_ms) - start )))
    start=$(now_ms)
    lxc-start -n bench-raw -P "$lxc_path" -d
    lxc-wait -n bench-raw -P "$lxc_path" -s RUNNING
    lxc-stop -n bench-raw -P "$lxc_path"
    raw_times+=($(( $(now_ms) - start )))
done
stop_karaf
"$assembly/bin/nestor" svc print-status bench | grep -q 'container#1.* down' || { echo "bench container left up" >&2; exit 1; }
raw=$(median "${raw_times[@]}")
report() {
    local label=$1 value
    shift
    value=$(median "$@")
    printf '%-40s median %5s ms  ratio %s  runs: %s\n' "$label" "$value" \
        "$(awk -v a="$value" -v b="$raw" 'BEGIN {printf "%.2f", a / b}')" "$*"
}
report "console svc:start + svc:stop (one SSH)" "${console_times[@]}"
report "bin/nestor svc start + svc stop" "${cli_times[@]}"
report "lxc-start -d + lxc-wait + lxc-stop (raw)" "${raw_times[@]}"
