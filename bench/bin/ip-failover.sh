#!/usr/bin/env bash
# A service address failed over between two "hosts" that are network namespaces on one switch
# namespace (all made here, removed at the end): bin/nestor svc stop on a + svc start on b (the
# start checks the address free with arping, plumbs it, announces it) vs the same raw commands
# (ip addr del on a; arping -D, ip addr add, arping -U on b), alternately, RUNS times each, medians.
# Target ratio under 1.3. Needs root, iproute2 and arping.
source "$(dirname "$0")/common.sh"
runs=${RUNS:-5}
work=$(mktemp -d)
p=bf$$
vip=10.79.0.100
trap 'for n in a b sw; do ip netns del $p-$n 2>/dev/null || true; done; rm -rf "$work"' EXIT
ip netns add $p-sw
ip -n $p-sw link add br0 type bridge
ip -n $p-sw link set br0 up
i=1
for n in a b; do
    ip netns add $p-$n
    ip link add eth0 netns $p-$n type veth peer name $p$n netns $p-sw
    ip -n $p-sw link set $p$n master br0 up
    ip -n $p-$n addr add 10.79.0.$i/24 dev eth0
    ip -n $p-$n link set eth0 up
    i=$((i + 1))
done
in_ns() { local n=$1; shift; nsenter --net=/run/netns/$p-$n -- "$@"; }
nestor() { local n=$1; shift; NESTOR_BASE=$work/$n NESTOR_NODE=$n in_ns $n "$assembly/bin/nestor" "$@"; }
printf '[DEFAULT]\nnodes = a b\n\n[ip#1]\nipname = %s\nipdev = eth0\nnetmask = 24\n' $vip > "$work/vip.conf"
for n in a b; do nestor $n svc create vip --config "$work/vip.conf" >/dev/null; done
nestor a svc start vip >/dev/null
raw_move() { # FROM TO
    in_ns "$1" ip addr del $vip/24 dev eth0
    ! in_ns "$2" arping -D -c 2 -w 2 -i eth0 $vip >/dev/null
    in_ns "$2" ip addr add $vip/24 dev eth0
    in_ns "$2" arping -U -c 1 -i eth0 -S $vip $vip >/dev/null || true
}
nestor_times=() raw_times=()
for _ in $(seq "$runs"); do
    start=$(now_ms); nestor a svc stop vip >/dev/null; nestor b svc start vip >/dev/null
    nestor_times+=($(( $(now_ms) - start )))
    start=$(now_ms); raw_move b a; raw_times+=($(( $(now_ms) - start )))
done
raw=$(median "${raw_times[@]}")
ratio_line "bin/nestor svc stop on a + svc start on b" "$raw" "${nestor_times[@]}"
ratio_line "raw ip/arping commands" "$raw" "${raw_times[@]}"
