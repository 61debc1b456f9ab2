#!/usr/bin/env bash
# Starts libvirtd (and virtlogd) for the real-KVM tests and benchmarks when qemu:///system does not
# answer yet, as recipes.md does it on a machine without systemd: qemu runs as root, logs under
# /var/log/libvirt. Idempotent; needs root, libvirt-daemon, libvirt-daemon-driver-qemu, qemu-system-x86.
set -euo pipefail
if virsh -c qemu:///system version >/dev/null 2>&1; then
    exit 0
fi
mkdir -p /var/log/libvirt /run/libvirt
getent group kvm >/dev/null || groupadd -r kvm
getent group libvirt-qemu >/dev/null || groupadd -r libvirt-qemu
id libvirt-qemu >/dev/null 2>&1 || useradd -r -g kvm -M libvirt-qemu
conf=/etc/libvirt/qemu.conf
if ! grep -q '^user *= *"root"' "$conf" 2>/dev/null; then
    printf 'user = "root"\ngroup = "root"\n' >> "$conf"
fi
pgrep -x virtlogd >/dev/null || virtlogd -d -p /run/virtlogd.pid
pgrep -x libvirtd >/dev/null || libvirtd -d -p /run/libvirtd.pid
for _ in $(seq 100); do
    virsh -c qemu:///system version >/dev/null 2>&1 && exit 0
    sleep 0.1
done
echo "$0: libvirtd does not answer on qemu:///system" >&2
exit 1
