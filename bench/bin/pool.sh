#!/usr/bin/env bash
# The pool on one machine: nodes r0..r8, each its own Nestor base behind its own sshd on loopback
# (bundle-libvirt/src/test/ssh/loopback-sshd.sh, root), all running this build's bin/nestor, RUNS
# times each, medians:
#  - replication of one configuration change (svc set) from r0 to 1 peer vs to 8 peers (target:
#    8 peers under 2x the time of 1), with a service that has no peer as the fixed cost;
#  - svc mon over 3 nodes (r0 r1 r2) holding 100 services each (target under 1 s);
#  - svc switch of an app service r0 <-> r1 vs the same stop and start run by hand on the two
#    nodes (target ratio under 1.2).
# Each is measured twice: with bin/nestor on r0 (a JVM and new SSH sessions per command) and from
# the Karaf console of r0 (a copy of the distribution whose Nestor base is r0's: warm JVM, sessions
# to the peers kept). PEERS=console gives every peer its own Karaf as well (a copy on the peer's
# base), added to r0's pool with --console-port: the peers answer from a running JVM instead of
# starting bin/nestor. Needs root and openssh-server.
source "$(dirname "$0")/common.sh"
runs=${RUNS:-5}
work=$(mktemp -d)
sshd="$bench_dir/../bundle-libvirt/src/test/ssh/loopback-sshd.sh"
nodes=(r0 r1 r2 r3 r4 r5 r6 r7 r8)
trap 'kill_karaf_quietly; for n in "${nodes[@]}"; do "$sshd" stop "$work/ssh-$n" >/dev/null 2>&1 || true; done
      rm -rf "$work"' EXIT

for n in "${nodes[@]}"; do
    mkdir -p "$work/$n/bin" "$work/$n/etc/nestor/services"
    echo "name = $n" > "$work/$n/etc/nestor/node.cfg"
    # the node's agent: the shared distribution on the node's own base
    printf '#!/bin/sh\nNESTOR_BASE=%s exec %s "$@"\n' "$work/$n" "$assembly/bin/nestor" > "$work/$n/bin/nestor"
    chmod +x "$work/$n/bin/nestor"
    "$sshd" start "$work/ssh-$n" root > "$work/port-$n"
done
nestor() { local n=$1; shift; "$work/$n/bin/nestor" "$@"; }
if [ "${PEERS:-agent}" = console ]; then
    for n in "${nodes[@]:1}"; do
        karaf_copy "$work/karaf-$n" > "$work/console-$n"
        echo "base = $work/$n" > "$work/karaf-$n/etc/org.nestor.core.cfg"
        "$work/karaf-$n/bin/karaf" server >/dev/null 2>&1 &
    done
    for n in "${nodes[@]:1}"; do
        start=$(now_ms)
        until console_at "$(cat "$work/console-$n")" pool:info 2>/dev/null | grep -q "\"node\":\"$n\""; do
            (( $(now_ms) - start < 180000 )) || { echo "the console of $n did not answer" >&2; exit 1; }
            sleep 0.5
        done
    done
fi
add_node() { # FROM TO, with TO's console when it has one
    local console=()
    [ -f "$work/console-$2" ] && console=(--console-port "$(cat "$work/console-$2")" --console-key "$work/key")
    nestor "$1" pool add-node "$2" --host 127.0.0.1 --port "$(cat "$work/port-$2")" --key "$work/ssh-$2/client" \
        --agent "$work/$2/bin/nestor" "${console[@]}" --accept-host-key >/dev/null
}
for n in "${nodes[@]:1}"; do add_node r0 "$n"; done
add_node r1 r0
# r0's own Karaf, on r0's base
prepare_karaf
echo "base = $work/r0" > "$work/karaf/etc/org.nestor.core.cfg"
boot_karaf

app_config() { # NODES...
    printf '[DEFAULT]\nnodes = %s\n\n[app#1]\nstart = /bin/touch %s/{nodename}.{svcname}\n' "$*" "$work"
    printf 'stop = /bin/rm -f %s/{nodename}.{svcname}\ncheck = /usr/bin/test -e %s/{nodename}.{svcname}\n' "$work" "$work"
}
app_config r0 > "$work/solo.conf"
app_config r0 r1 > "$work/one.conf"
app_config "${nodes[@]}" > "$work/eight.conf"
nestor r0 svc create solo --config "$work/solo.conf" >/dev/null
nestor r0 svc create one --config "$work/one.conf" >/dev/null
nestor r0 svc create eight --config "$work/eight.conf" >/dev/null
i=0
edit() { i=$((i + 1)); nestor r0 svc set "$1" --kw "env.edit=$i"; }
console_edit() { i=$((i + 1)); console "svc:set --kw env.edit=$i $1"; }
console svc:list >/dev/null
for how in edit console_edit; do
    solo=($(time_runs $how solo))
    one=($(time_runs $how one))
    eight=($(time_runs $how eight))
    ratio_line "$how: svc set, replicated to 8 peers" "$(median "${one[@]}")" "${eight[@]}"
    ratio_line "$how: svc set, replicated to 1 peer" "$(median "${one[@]}")" "${one[@]}"
    ratio_line "$how: svc set, no peer (fixed cost)" "$(median "${one[@]}")" "${solo[@]}"
    echo "replication alone: 1 peer $(( $(median "${one[@]}") - $(median "${solo[@]}") )) ms," \
         "8 peers $(( $(median "${eight[@]}") - $(median "${solo[@]}") )) ms"
done

# svc mon: 3 nodes, 100 services on each (files installed directly, as replication leaves them)
for n in "${nodes[@]:3}"; do nestor r0 pool remove-node "$n" >/dev/null; done
app_config r0 r1 r2 > "$work/mon.conf"
nestor r0 svc create m000 --config "$work/mon.conf" >/dev/null   # replicated to r1 and r2
for n in r0 r1 r2; do
    for s in $(seq -w 1 99); do cp -p "$work/r0/etc/nestor/services/m000.conf" "$work/$n/etc/nestor/services/m0$s.conf"; done
    nestor "$n" svc print-status --all --format json >/dev/null
done
console svc:mon >/dev/null   # opens the sessions to r1 and r2
mon=($(time_runs nestor r0 svc mon))
console_mon=($(time_runs console svc:mon))
ratio_line "svc mon, 3 nodes x 100 services, bin/nestor" 1000 "${mon[@]}"
ratio_line "svc:mon, the same from r0's Karaf console" 1000 "${console_mon[@]}"
echo "(ratios to 1 s, the target)"
rm -f "$work"/r*/etc/nestor/services/m0*.conf

# svc switch r0 -> r1 -> r0 ... vs stop on one node and start on the other by hand
app_config r0 r1 > "$work/sw.conf"
nestor r0 svc create sw --config "$work/sw.conf" >/dev/null
nestor r0 svc start sw >/dev/null
switch_times=() console_times=() hand_times=() at=r0
other() { [ "$1" = r0 ] && echo r1 || echo r0; }
for _ in $(seq "$runs"); do
    to=$(other $at)
    start=$(now_ms); nestor r0 svc switch sw --to "$to" >/dev/null; switch_times+=($(( $(now_ms) - start )))
    at=$to; to=$(other $at)
    start=$(now_ms); console "svc:switch --to $to sw" >/dev/null; console_times+=($(( $(now_ms) - start )))
    at=$to; to=$(other $at)
    start=$(now_ms); nestor "$at" svc stop sw >/dev/null; nestor "$to" svc start sw >/dev/null
    hand_times+=($(( $(now_ms) - start )))
    at=$to
done
nestor "$at" svc stop sw >/dev/null
stop_karaf
ratio_line "svc switch (r0 <-> r1), bin/nestor on r0" "$(median "${hand_times[@]}")" "${switch_times[@]}"
ratio_line "svc:switch, r0's Karaf console" "$(median "${hand_times[@]}")" "${console_times[@]}"
ratio_line "svc stop + svc start by hand" "$(median "${hand_times[@]}")" "${hand_times[@]}"
