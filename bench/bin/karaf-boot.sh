#!/usr/bin/env bash
# Boot of a copy of the distribution until the nestor feature is Started (polled over SSH with an
# admin key, as README.md sets it up), then the heap used after a full GC. 3 boots, median.
source "$(dirname "$0")/common.sh"
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'kill "${jvm:-0}" "${pid:-0}" 2>/dev/null || true; sleep 1; rm -rf "$work"' EXIT
ssh-keygen -q -t rsa -b 2048 -N '' -f "$work/key"

boot_times=() heaps=()
for run in $(seq "$runs"); do
    rm -rf "$work/karaf"
    cp -a "$assembly" "$work/karaf"
    port=$(free_port)
    sed -i "s/^sshPort *=.*/sshPort = $port/" "$work/karaf/etc/org.apache.karaf.shell.cfg"
    sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = $(free_port)/; s/^rmiServerPort *=.*/rmiServerPort = $(free_port)/" \
        "$work/karaf/etc/org.apache.karaf.management.cfg"
    echo "karaf=$(cut -d' ' -f2 "$work/key.pub"),_g_:admingroup" >> "$work/karaf/etc/keys.properties"
    console() {
        ssh -q -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o ConnectTimeout=2 \
            -p "$port" -i "$work/key" karaf@127.0.0.1 "$@"
    }

    start=$(now_ms)
    "$work/karaf/bin/karaf" server >/dev/null 2>&1 &
    pid=$!
    until console feature:list -i 2>/dev/null | grep -E '^nestor +[|│]' | grep -q Started; do
        kill -0 "$pid" 2>/dev/null || { echo "karaf died" >&2; exit 1; }
        (( $(now_ms) - start < 120000 )) || { echo "nestor not started after 120 s" >&2; exit 1; }
        sleep 0.2
    done
    boot=$(( $(now_ms) - start ))
    # Karaf's launcher forks the JVM we measure: take the java process under this base.
    jvm=$(pgrep -f "karaf.base=$work/karaf" | head -1)
    jcmd "$jvm" GC.run >/dev/null
    used_kib=$(jcmd "$jvm" GC.heap_info | awk '/total/ && /used/ {for (i=1;i<=NF;i++) if ($i=="used") {sub("K,?","",$(i+1)); print $(i+1); exit}}')
    heap=$(( used_kib / 1024 ))
    console svc:list >/dev/null 2>&1
    printf 'boot %d: nestor started after %5d ms, heap used after GC %4d MiB\n' "$run" "$boot" "$heap"
    boot_times+=("$boot") heaps+=("$heap")
    kill "$jvm"
    while kill -0 "$jvm" 2>/dev/null; do sleep 0.2; done
    wait "$pid" 2>/dev/null || true
done
printf 'median boot to nestor Started: %s ms; median heap used after boot: %s MiB\n' \
    "$(median "${boot_times[@]}")" "$(median "${heaps[@]}")"
