# Shared by the bench scripts: where the built distribution is, and timing helpers.
set -euo pipefail
bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
assembly="$bench_dir/../distribution/target/assembly"
[ -x "$assembly/bin/nestor" ] || { echo "build first: mvn -B install -DskipTests" >&2; exit 1; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# median of the numbers given as arguments
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

# a TCP port nobody listens on, from the loopback ephemeral range
free_port() {
    local port
    for port in $(shuf -i 20000-60000 -n 50); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
    return 1
}
