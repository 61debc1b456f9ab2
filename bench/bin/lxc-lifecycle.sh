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
      kill_karaf_quietly; sleep 1; rm -rf "$work"' EXIT
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

lxc_tools_start_stop() {
    lxc-start -n bench-raw -P "$lxc_path" -d
    lxc-wait -n bench-raw -P "$lxc_path" -s RUNNING
    lxc-stop -n bench-raw -P "$lxc_path"
}

compare_lifecycle bench lxc_tools_start_stop
stop_karaf
"$assembly/bin/nestor" svc print-status bench | grep -q 'container#1.* down' || { echo "bench container left up" >&2; exit 1; }
