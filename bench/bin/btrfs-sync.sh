#!/usr/bin/env bash
# sync.btrfs of a 100 MiB subvolume from node r0 to node r1 (each its own Nestor base, r1 behind its
# own sshd on loopback, both btrfs filesystems on loop images made here): `bin/nestor svc sync`
# as a whole send (the target holds no common snapshot) vs an incremental one after 1 MiB changed,
# RUNS times each, medians. Needs root, openssh-server and btrfs-progs.
source "$(dirname "$0")/common.sh"
runs=${RUNS:-5}
work=$(mktemp -d)
sshd="$bench_dir/../bundle-libvirt/src/test/ssh/loopback-sshd.sh"
trap '"$sshd" stop "$work/ssh-r1" >/dev/null 2>&1 || true
      for m in a b; do umount -l "$work/$m" 2>/dev/null || true; done; rm -rf "$work"' EXIT
for n in r0 r1; do
    mkdir -p "$work/$n/bin" "$work/$n/etc/nestor"
    echo "name = $n" > "$work/$n/etc/nestor/node.cfg"
    printf '#!/bin/sh\nNESTOR_BASE=%s exec %s "$@"\n' "$work/$n" "$assembly/bin/nestor" > "$work/$n/bin/nestor"
    chmod +x "$work/$n/bin/nestor"
done
port=$("$sshd" start "$work/ssh-r1" root)
for m in a b; do
    truncate -s 2G "$work/$m.img"
    mkfs.btrfs -q "$work/$m.img" >/dev/null
    mkdir -p "$work/$m"
    mount -o loop "$work/$m.img" "$work/$m"
done
btrfs -q subvolume create "$work/a/vol"
head -c 100M /dev/urandom > "$work/a/vol/data"
mkdir -p "$work/b/recv"
"$work/r0/bin/nestor" pool add-node r1 --host 127.0.0.1 --port "$port" --key "$work/ssh-r1/client" \
    --agent "$work/r1/bin/nestor" --accept-host-key >/dev/null
printf '[DEFAULT]\nnodes = r0\ndrpnodes = r1\n\n[sync#1]\ntype = btrfs\nsrc = %s\ndst = %s\n' \
    "$work/a/vol" "$work/b/recv" > "$work/bs.conf"
"$work/r0/bin/nestor" svc create bs --config "$work/bs.conf" >/dev/null
sync_ms() { local start; start=$(now_ms); "$work/r0/bin/nestor" svc sync bs >/dev/null || exit 1; echo $(( $(now_ms) - start )); }
whole=() incremental=()
for _ in $(seq "$runs"); do
    for s in "$work"/b/recv/*; do [ -e "$s" ] && btrfs -q subvolume delete -c "$s"; done
    btrfs -q filesystem sync "$work/b"
    whole+=($(sync_ms))
    dd if=/dev/urandom of="$work/a/vol/data" bs=1M count=1 seek=$((RANDOM % 100)) conv=notrunc status=none
    incremental+=($(sync_ms))
done
ratio_line "svc sync, whole send of 100 MiB" "$(median "${whole[@]}")" "${whole[@]}"
ratio_line "svc sync, incremental (1 MiB changed)" "$(median "${whole[@]}")" "${incremental[@]}"
