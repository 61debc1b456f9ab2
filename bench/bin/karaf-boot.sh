#!/usr/bin/env bash
# Boot of a copy of the distribution until the nestor feature is Started (polled over SSH with an
# admin key, as README.md sets it up), then the heap used after a full GC. 3 boots, median.
source "$(dirname "$0")/common.sh"
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'kill_karaf_quietly; sleep 1; rm -rf "$work"' EXIT

boot_times=() heaps=()
for run in $(seq "$runs"); do
    prepare_karaf
    start=$(now_ms)
    boot_karaf
    boot=$(( $(now_ms) - start ))
    jcmd "$jvm" GC.run >/dev/null
    used_kib=$(jcmd "$jvm" GC.heap_info | awk '/total/ && /used/ {for (i=1;i<=NF;i++) if ($i=="used") {sub("K,?","",$(i+1)); print $(i+1); exit}}')
    heap=$(( used_kib / 1024 ))
    console svc:list >/dev/null 2>&1
    printf 'boot %d: nestor started after %5d ms, heap used after GC %4d MiB\n' "$run" "$boot" "$heap"
    boot_times+=("$boot") heaps+=("$heap")
    stop_karaf
done
printf 'median boot to nestor Started: %s ms; median heap used after boot: %s MiB\n' \
    "$(median "${boot_times[@]}")" "$(median "${heaps[@]}")"
