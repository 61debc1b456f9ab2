#!/usr/bin/env bash
# The Nestor demo: create, validate and evaluate the sample services, then start, watch and stop
# a service of applications and start a libvirt test-driver domain, all with bin/nestor, in a
# scratch Nestor base so that the distribution itself is left untouched.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
nestor="$here/../bin/nestor"
export NESTOR_BASE="${NESTOR_BASE:-$(mktemp -d)}" NESTOR_NODE="${NESTOR_NODE:-hv1}"
step() { printf '\n\033[1m$ nestor %s\033[0m\n' "$*"; "$nestor" "$@"; }

echo "Nestor demo: base $NESTOR_BASE, node $NESTOR_NODE"
step svc create web --config "$here/web.conf"
step svc create encap --config "$here/encap.json"
step svc create flex --config "$here/flex.conf"
step svc list
step svc validate web
step svc print-config web --eval
step svc print-config web --eval --impersonate hv2
step svc print-config encap --eval --format json
step svc print-config encap --eval --format json --impersonate vm1
step svc print-config flex --eval --impersonate n3
step svc set web --kw app#2.timeout=5s --kw DEFAULT.comment=edited
step svc print-config web

printf '\n\033[1m$ nestor svc set web --kw app#1.timout=5s   # a typo is refused, nothing changes\033[0m\n'
if "$nestor" svc set web --kw app#1.timout=5s; then
    echo "demo: the typo was accepted" >&2
    exit 1
fi
step svc delete flex

# Applications run for real: appctl.sh keeps its pid files under the scratch base.
export APPCTL="$here/appctl.sh" RUN="$NESTOR_BASE/run"
step svc create apps --config "$here/apps.conf"
step svc start apps --dry-run
step svc start apps
step svc print-status apps
step svc stop apps --rid app#web
step svc print-status apps --format json
# Frozen: the orchestrator leaves the service alone; an administrator still may act on it.
step svc freeze apps
step svc print-status apps
step svc thaw apps
step svc stop apps
step svc logs apps

# A libvirt domain, on libvirt's test driver (needs libvirt0 only). The driver keeps the domain's
# state per connection: this bin/nestor start begins from vm-node.xml, where off1 is shut off.
if [ -e /usr/lib/x86_64-linux-gnu/libvirt.so.0 ] || [ -e /usr/lib64/libvirt.so.0 ]; then
    export NODE="$here/vm-node.xml"
    step svc create vm --config "$here/vm.conf"
    step libvirt domains --uri "test://$NODE"
    step svc start vm
    step svc print-status vm
else
    echo "(libvirt0 is not installed: the libvirt part of the demo is skipped)"
fi
step svc list
echo
echo "Nestor demo: done"
