#!/usr/bin/env bash
# Encapsulation on real LXC guests (itests/src/test/guest/make-guest.sh) with this build's
# distribution, RUNS times each, medians:
#  - relay overhead: `svc start --slaves` of a no-op encap service at the hypervisor level
#    (bin/nestor; the Karaf console, one SSH session per relay and five relays per session) vs the
#    guest agent run directly through lxc-attach (target ratio under 1.2);
#  - guest agent command latency: `bin/nestor svc print-status` inside a guest (target < 0.5 s);
#  - encap status: `svc print-status --refresh` of a service with 1 guest vs one with 8 guests
#    (parallel fetches; target ratio under 1.5).
# Needs root and the lxc package.
source "$(dirname "$0")/common.sh"
runs=${RUNS:-5}
work=$(mktemp -d)
lxc_path="$work/lxc"
guests=(eb1 eb2 eb3 eb4 eb5 eb6 eb7 eb8)
trap 'kill_karaf_quietly; for g in "${guests[@]}"; do lxc-stop -n $g -P "$lxc_path" -k >/dev/null 2>&1; lxc-destroy -n $g -P "$lxc_path" >/dev/null 2>&1; done
      rm -rf "$work"' EXIT
export NESTOR_BASE="$work/host" NESTOR_NODE=hv1
for g in "${guests[@]}"; do
    "$bench_dir/../itests/src/test/guest/make-guest.sh" "$g" "$lxc_path" "$assembly" >/dev/null
done
service_config() { # NAME GUEST...
    local name=$1 i=0
    shift
    printf '[DEFAULT]\nnodes = hv1\nencapnodes = %s\n' "$*"
    for g in "$@"; do
        printf '\n[container#%d]\ntype = lxc\nname = %s\ncontainer_data_dir = %s\nstop_timeout = 10s\n' "$i" "$g" "$lxc_path"
        i=$((i + 1))
    done
    printf '\n[app#1]\nencap = true\nstart = /bin/true\nstop = /bin/true\ncheck = /bin/true\n'
}
service_config one eb1 > "$work/one.conf"
service_config eight "${guests[@]}" > "$work/eight.conf"
"$assembly/bin/nestor" svc create one --config "$work/one.conf" >/dev/null
"$assembly/bin/nestor" svc create eight --config "$work/eight.conf" >/dev/null
"$assembly/bin/nestor" svc start eight >/dev/null   # starts the 8 guests, pushes the configuration
"$assembly/bin/nestor" svc start one >/dev/null
agent() { lxc-attach -n eb1 -P "$lxc_path" --clear-env -- /opt/nestor/bin/nestor "$@" >/dev/null; }
agent svc print-status one    # the guest's class data archive

relay=($(time_runs "$assembly/bin/nestor" svc start --slaves one))
direct=($(time_runs agent svc start one))
latency=($(time_runs agent svc print-status one))
status_one=($(time_runs "$assembly/bin/nestor" svc print-status --refresh one))
status_eight=($(time_runs "$assembly/bin/nestor" svc print-status --refresh eight))
# the same relay and status from the Karaf console of this hypervisor (its JVM already running)
prepare_karaf
echo "base = $NESTOR_BASE" > "$work/karaf/etc/org.nestor.core.cfg"
boot_karaf
console "svc:start --slaves one" >/dev/null 2>&1
console_relay=($(time_runs console "svc:start --slaves one"))
# five relays in one console session: the measuring client's SSH login (about 90 ms) paid once
five_relays() { console "$(printf 'svc:start --slaves one; %.0s' 1 2 3 4 5)"; }
console_batch=($(time_runs five_relays | awk '{printf "%d ", $1 / 5}'))
console_one=($(time_runs console "svc:print-status --refresh one"))
console_eight=($(time_runs console "svc:print-status --refresh eight"))
stop_karaf
"$assembly/bin/nestor" svc stop eight >/dev/null
"$assembly/bin/nestor" svc stop one >/dev/null
ratio_line "svc start --slaves (hypervisor level)" "$(median "${direct[@]}")" "${relay[@]}"
ratio_line "guest agent svc start via lxc-attach" "$(median "${direct[@]}")" "${direct[@]}"
ratio_line "guest agent svc print-status" "$(median "${direct[@]}")" "${latency[@]}"
ratio_line "print-status --refresh, 8 guests" "$(median "${status_one[@]}")" "${status_eight[@]}"
ratio_line "print-status --refresh, 1 guest" "$(median "${status_one[@]}")" "${status_one[@]}"
ratio_line "console svc:start --slaves" "$(median "${direct[@]}")" "${console_relay[@]}"
ratio_line "console svc:start --slaves, 5 per session" "$(median "${direct[@]}")" "${console_batch[@]}"
ratio_line "console print-status --refresh, 8 guests" "$(median "${console_one[@]}")" "${console_eight[@]}"
ratio_line "console print-status --refresh, 1 guest" "$(median "${console_one[@]}")" "${console_one[@]}"
