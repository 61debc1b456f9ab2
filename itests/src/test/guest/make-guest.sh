#!/usr/bin/env bash
# Makes an LXC guest that can run Nestor's standalone agent (bin/nestor), for the tests:
#   make-guest.sh NAME LXC_PATH DISTRIBUTION
# creates LXC_PATH/NAME/{config,rootfs}. The rootfs is small: the host's /usr (and /lib, /lib64 when
# they are directories), the JDK's links under /etc and the distribution are bind-mounted read-only;
# the guest owns only its /opt/nestor/etc/nestor and /opt/nestor/data (its services, node name and
# state), /tmp and /root. No network but loopback. Start it with `lxc-start -n NAME -P LXC_PATH -d`
# or through a container.lxc resource; lxc-stop ends it (its init leaves on SIGTERM).
set -euo pipefail
if [ $# -ne 3 ]; then
    echo "usage: $0 NAME LXC_PATH DISTRIBUTION" >&2
    exit 2
fi
name=$1
lxc_path=$(readlink -f "$2")
distribution=$(readlink -f "$3")
if [ ! -x "$distribution/bin/nestor" ]; then
    echo "$0: $distribution/bin/nestor: not a Nestor distribution" >&2
    exit 2
fi
dir="$lxc_path/$name"
rootfs="$dir/rootfs"
if [ -e "$dir" ]; then
    echo "$0: $dir already exists" >&2
    exit 1
fi

mkdir -p "$rootfs"/{dev,proc,sys,tmp,root,etc,opt/nestor,var/lib/nestor/etc/services,var/lib/nestor/data}
chmod 1777 "$rootfs/tmp"
mounts=""
bind_ro() { # host directory -> same path in the guest
    mkdir -p "$rootfs$1"
    mounts+="lxc.mount.entry = $1 ${1#/} none bind,ro 0 0"$'\n'
}
# Mirror the host's layout: on a merged-/usr host /bin, /lib... are links into /usr.
bind_ro /usr
for top in bin sbin lib lib64; do
    if [ -L "/$top" ]; then
        ln -s "$(readlink "/$top")" "$rootfs/$top"
    elif [ -d "/$top" ]; then
        bind_ro "/$top"
    fi
done
# The JDK's own files link into /etc (alternatives for `java`, conf/security on Debian).
for etc_dir in /etc/alternatives /etc/java-*; do
    [ -d "$etc_dir" ] && bind_ro "$etc_dir"
done

printf 'root:x:0:0:root:/root:/bin/sh\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\n' > "$rootfs/etc/group"
printf '127.0.0.1 localhost %s\n' "$name" > "$rootfs/etc/hosts"
echo "$name" > "$rootfs/etc/hostname"
printf 'name = %s\n' "$name" > "$rootfs/var/lib/nestor/etc/node.cfg"
cat > "$rootfs/nestor-init" <<'EOF'
#!/bin/sh
# PID 1 of a Nestor test guest: idles until lxc-stop's SIGTERM.
trap 'exit 0' TERM
while :; do sleep 1 & wait $!; done
EOF
chmod 755 "$rootfs/nestor-init"

cat > "$dir/config" <<EOF
# Nestor test guest made by $(basename "$0")
lxc.uts.name = $name
lxc.rootfs.path = dir:$rootfs
lxc.init.cmd = /nestor-init
lxc.signal.halt = SIGTERM
lxc.autodev = 1
lxc.mount.auto = proc:mixed sys:ro cgroup:mixed
lxc.net.0.type = empty
${mounts}lxc.mount.entry = $distribution opt/nestor none bind,ro 0 0
lxc.mount.entry = $rootfs/var/lib/nestor/etc opt/nestor/etc/nestor none bind 0 0
lxc.mount.entry = $rootfs/var/lib/nestor/data opt/nestor/data none bind 0 0
EOF
echo "$dir"
