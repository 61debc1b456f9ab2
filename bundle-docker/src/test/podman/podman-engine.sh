#!/usr/bin/env bash
# A Docker Engine API for tests and benchmarks: podman's compatible service on DIR/podman.sock, with
# the recipe's containers.conf (no network, runc, cgroupfs) and the image localhost/nestor-mini:latest
# imported from the host's static busybox (no download).
#   podman-engine.sh start DIR   prints the docker host (unix://DIR/podman.sock) once it answers
#   podman-engine.sh stop DIR
# Commands run by hand against it need CONTAINERS_CONF=DIR/containers.conf.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
dir=$(mkdir -p "$2" && cd "$2" && pwd)
export CONTAINERS_CONF="$dir/containers.conf"
image=localhost/nestor-mini:latest
case $1 in
start)
    cat > "$CONTAINERS_CONF" <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
netns = "none"
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
    if ! podman image exists "$image"; then
        rootfs="$dir/rootfs"
        rm -rf "$rootfs" && mkdir -p "$rootfs/bin" "$rootfs/tmp" "$rootfs/etc"
        cp /bin/busybox "$rootfs/bin/busybox"
        for applet in sh sleep cat echo true false ls env ps kill hostname grep test mkdir rm; do
            ln -s busybox "$rootfs/bin/$applet"
        done
        tar -C "$rootfs" -cf "$dir/rootfs.tar" .
        podman import -q "$dir/rootfs.tar" "$image" >/dev/null
    fi
    "$0" stop "$dir"
    rm -f "$dir/podman.sock"
    setsid podman system service --time=0 "unix://$dir/podman.sock" > "$dir/service.log" 2>&1 < /dev/null &
    echo $! > "$dir/service.pid"
    for _ in $(seq 300); do
        if curl -sf --unix-socket "$dir/podman.sock" http://d/_ping >/dev/null 2>&1; then
            echo "unix://$dir/podman.sock"
            exit 0
        fi
        sleep 0.1
    done
    echo "$0: podman system service did not answer on $dir/podman.sock (see $dir/service.log)" >&2
    exit 1
    ;;
stop)
    if [ -f "$dir/service.pid" ]; then
        kill "$(cat "$dir/service.pid")" 2>/dev/null || true
        rm -f "$dir/service.pid"
    fi
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
