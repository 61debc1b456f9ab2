#!/usr/bin/env bash
# The Nestor demo: create, validate and evaluate the sample services with bin/nestor, in a
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
step svc list
echo
echo "Nestor demo: done"
