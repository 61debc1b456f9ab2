#!/usr/bin/env bash
# A domain of libvirt's test driver started and stopped, alternately in one run, RUNS times each:
# in the Karaf console (svc:start + svc:stop in one SSH session), by bin/nestor (a JVM each), and by
# one virsh call (start, domstate, shutdown, domstate). Medians and ratios to virsh (target under
# 1.1). The test driver keeps state per connection: the agent's connection lives as long as Karaf,
# each virsh or bin/nestor process starts from the node file again. The driver-level comparison
# with raw libvirt-java calls and the SSH exec round trip are in `LibvirtBenchmark` (JMH). Needs
# libvirt0 and libvirt-clients.
source "$(dirname "$0")/common.sh"
runs=${RUNS:-10}
work=$(mktemp -d)
trap 'kill_karaf_quietly; sleep 1; rm -rf "$work"' EXIT
cp "$bench_dir/../bundle-libvirt/src/test/resources/test-node.xml" "$work/node.xml"
uri="test://$work/node.xml"

prepare_karaf
export NESTOR_BASE="$work/karaf" NESTOR_NODE=bench1
echo "name = bench1" >> "$work/karaf/etc/nestor/node.cfg"
printf '[DEFAULT]\nnodes = bench1\n\n[container#1]\ntype = libvirt\nuri = %s\nname = off1\n' "$uri" > "$work/bench.conf"
"$assembly/bin/nestor" svc create bench --config "$work/bench.conf" >/dev/null
boot_karaf

virsh_start_stop() {
    virsh -q -c "$uri" "start off1; domstate off1; shutdown off1; domstate off1" >/dev/null
}

compare_lifecycle bench virsh_start_stop
stop_karaf
