#!/usr/bin/env bash
# A service of two containers (container#0 holds the network namespace, container#1 shares it) on
# podman's Docker API, started and stopped, alternately in one run, RUNS times each:
#  - in the Karaf console: svc:start + svc:stop in one SSH session;
#  - by bin/nestor: svc start + svc stop (a JVM each);
#  - by curl --unix-socket: the API calls Nestor makes for an existing container (inspect, start,
#    inspect, exec create/start/inspect of the operational probe; inspect, stop, inspect).
# Medians and their ratios to curl (target under 1.2). The exec round trip is measured by
# `java -jar bench/target/benchmarks.jar DockerExecBenchmark`. Needs root, podman and curl.
source "$(dirname "$0")/common.sh"
runs=${RUNS:-5}
work=$(mktemp -d)
engine="$bench_dir/../bundle-docker/src/test/podman/podman-engine.sh"
trap 'CONTAINERS_CONF="$work/engine/containers.conf" podman rm -i -f -t 0 --depend bench.container.0 raw0 >/dev/null 2>&1
      "$engine" stop "$work/engine"; kill_karaf_quietly; sleep 1; rm -rf "$work"' EXIT
host=$("$engine" start "$work/engine")
socket=${host#unix://}
idle='sh -c '"'"'trap "exit 0" TERM; while :; do sleep 1; done'"'"

prepare_karaf
export NESTOR_BASE="$work/karaf" NESTOR_NODE=bench1
echo "name = bench1" >> "$work/karaf/etc/nestor/node.cfg"
{
    printf '[DEFAULT]\nnodes = bench1\n'
    for i in 0 1; do
        printf '\n[container#%d]\ntype = docker\nimage = localhost/nestor-mini:latest\ncommand = %s\ndocker_host = %s\n' \
            "$i" "$idle" "$host"
    done
    printf 'netns = container#0\n'
} > "$work/bench.conf"
CONTAINERS_CONF="$work/engine/containers.conf" podman rm -i -f -t 0 --depend bench.container.0 >/dev/null
"$assembly/bin/nestor" svc create bench --config "$work/bench.conf" >/dev/null
"$assembly/bin/nestor" svc start bench >/dev/null   # creates both containers; later runs start them again
"$assembly/bin/nestor" svc stop bench >/dev/null

# The raw twins, created once like Nestor's (after any an interrupted run left).
export CONTAINERS_CONF="$work/engine/containers.conf"
podman rm -i -f -t 0 --depend raw0 >/dev/null
podman create -q --name raw0 localhost/nestor-mini:latest sh -c 'trap "exit 0" TERM; while :; do sleep 1; done' >/dev/null
podman create -q --name raw1 --network container:raw0 localhost/nestor-mini:latest \
    sh -c 'trap "exit 0" TERM; while :; do sleep 1; done' >/dev/null

api() { curl -sf --unix-socket "$socket" -H 'Content-Type: application/json' "$@"; }
raw_start() {
    local c=$1 exec_id
    api "http://d/v1.41/containers/$c/json" >/dev/null
    api -X POST "http://d/v1.41/containers/$c/start" >/dev/null
    until api "http://d/v1.41/containers/$c/json" | grep -q '"Running":true'; do sleep 0.1; done
    exec_id=$(api -d '{"Cmd":["true"],"AttachStdout":true,"AttachStderr":true}' \
        "http://d/v1.41/containers/$c/exec" | sed 's/.*"Id":"\([^"]*\)".*/\1/')
    api -d '{"Detach":false}' "http://d/v1.41/exec/$exec_id/start" >/dev/null
    api "http://d/v1.41/exec/$exec_id/json" >/dev/null
}
raw_stop() {
    api "http://d/v1.41/containers/$1/json" >/dev/null
    api -X POST "http://d/v1.41/containers/$1/stop?t=120" >/dev/null
    api "http://d/v1.41/containers/$1/json" >/dev/null
}

boot_karaf
curl_start_stop() {
    raw_start raw0; raw_start raw1; raw_stop raw1; raw_stop raw0
}

compare_lifecycle bench curl_start_stop
stop_karaf
"$assembly/bin/nestor" svc print-status bench | grep -q 'container#1.* down' || { echo "bench containers left up" >&2; exit 1; }
