# Shared by the bench scripts: where the built distribution is, and timing helpers.
set -euo pipefail
bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
assembly="$bench_dir/../distribution/target/assembly"
[ -x "$assembly/bin/nestor" ] || { echo "build first: mvn -B install -DskipTests" >&2; exit 1; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# median of the numbers given as arguments
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

# the run times (ms) of the command given, $runs times
time_runs() {
    local start
    for _ in $(seq "$runs"); do
        start=$(now_ms)
        "$@" >/dev/null
        echo $(( $(now_ms) - start ))
    done
}

# a TCP port nobody listens on, from the loopback ephemeral range
free_port() {
    local port
    for port in $(shuf -i 20000-60000 -n 50); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
    return 1
}

# A copy of the distribution under $work/karaf, on free ports, with an admin key ($work/key):
# prepare_karaf once per copy, then boot_karaf (returns when nestor is Started, setting pid and
# jvm), console CMD... over SSH, stop_karaf. The caller sets work and removes it.
prepare_karaf() {
    port=$(karaf_copy "$work/karaf")
}

# karaf_copy DIR: a copy of the distribution in DIR on free ports, $work/key (made once, RSA: Karaf
# takes no ed25519 key) authorized for its user karaf; prints its console's port.
karaf_copy() {
    local dir=$1 ssh_port
    [ -f "$work/key" ] || ssh-keygen -q -t rsa -b 2048 -N '' -f "$work/key"
    rm -rf "$dir"
    cp -a "$assembly" "$dir"
    ssh_port=$(free_port)
    sed -i "s/^sshPort *=.*/sshPort = $ssh_port/" "$dir/etc/org.apache.karaf.shell.cfg"
    sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = $(free_port)/; s/^rmiServerPort *=.*/rmiServerPort = $(free_port)/" \
        "$dir/etc/org.apache.karaf.management.cfg"
    echo "karaf=$(cut -d' ' -f2 "$work/key.pub"),_g_:admingroup" >> "$dir/etc/keys.properties"
    echo "$ssh_port"
}

# console_at PORT CMD...: a command line in the Karaf console on that port; console CMD...: in $work/karaf's
console_at() {
    local at=$1
    shift
    ssh -q -o LogLevel=QUIET -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
        -o ConnectTimeout=2 -p "$at" -i "$work/key" karaf@127.0.0.1 "$@"
}

console() {
    console_at "$port" "$@"
}

boot_karaf() {
    local start
    start=$(now_ms)
    "$work/karaf/bin/karaf" server >/dev/null 2>&1 &
    pid=$!
    until console feature:list -i 2>/dev/null | grep -E '^nestor +[|│]' | grep -q Started; do
        kill -0 "$pid" 2>/dev/null || { echo "karaf died" >&2; exit 1; }
        (( $(now_ms) - start < 120000 )) || { echo "nestor not started after 120 s" >&2; exit 1; }
        sleep 0.2
    done
    # Karaf's launcher forks the JVM: take the java process under this base.
    jvm=$(pgrep -f "karaf.base=$work/karaf( |$)" | head -1)
}

# For EXIT traps: ends every Karaf this script may have started under $work (nothing when none was).
kill_karaf_quietly() {
    local p
    for p in ${jvm:-} ${pid:-}; do kill "$p" 2>/dev/null || true; done
    pkill -f "karaf.base=$work/" 2>/dev/null || true
    # gone before the caller removes $work (a dying Karaf still writes its data directory)
    for _ in $(seq 50); do pgrep -f "karaf.base=$work/" >/dev/null || break; sleep 0.2; done
}

stop_karaf() {
    kill "$jvm"
    while kill -0 "$jvm" 2>/dev/null; do sleep 0.2; done
    wait "$pid" 2>/dev/null || true
}

# Starts and stops service $1 in the Karaf console (svc:start + svc:stop in one SSH session), with
# bin/nestor (svc start + svc stop, a JVM each) and with the function $2 (the same by the raw
# tools), alternately, $runs times each; prints the medians and their ratios to the raw tools'.
compare_lifecycle() {
    local service=$1 raw_function=$2 start raw
    local console_times=() cli_times=() raw_times=()
    for _ in $(seq "$runs"); do
        start=$(now_ms)
        console "svc:start $service; svc:stop $service" >/dev/null
        console_times+=($(( $(now_ms) - start )))
        start=$(now_ms)
        "$assembly/bin/nestor" svc start "$service" >/dev/null
        "$assembly/bin/nestor" svc stop "$service" >/dev/null
        cli_times+=($(( $(now_ms) - start )))
        start=$(now_ms)
        "$raw_function"
        raw_times+=($(( $(now_ms) - start )))
    done
    raw=$(median "${raw_times[@]}")
    ratio_line "console svc:start + svc:stop (one SSH)" "$raw" "${console_times[@]}"
    ratio_line "bin/nestor svc start + svc stop" "$raw" "${cli_times[@]}"
    ratio_line "raw: $raw_function" "$raw" "${raw_times[@]}"
}

ratio_line() {
    local label=$1 reference=$2 value
    shift 2
    value=$(median "$@")
    printf '%-44s median %5s ms  ratio %s  runs: %s\n' "$label" "$value" \
        "$(awk -v a="$value" -v b="$reference" 'BEGIN {printf "%.2f", a / b}')" "$*"
}
