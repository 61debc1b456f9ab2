#!/usr/bin/env bash
# A private sshd on 127.0.0.1 for the SSH transport's tests and benchmarks: own host key, one client
# key (DIR/client) authorized for the system user nestorssh (made once; shell /bin/sh, home /tmp, so
# that no rc file of root's runs at each command), DIR/known_hosts holding the host key as the
# transport wants it. Run as root. USER root logs in as root instead (pool peers run Nestor's agent
# as root, as a node does).
#   loopback-sshd.sh start DIR [USER]   prints the port once sshd listens
#   loopback-sshd.sh stop DIR           the listener only: sessions already open live on
set -euo pipefail
[ $# -eq 2 ] || [ $# -eq 3 ] || { echo "usage: $0 start|stop DIR [USER]" >&2; exit 2; }
dir=$(mkdir -p "$2" && cd "$2" && pwd)
user=${3:-nestorssh}
case $1 in
start)
    "$0" stop "$dir"
    # '*': no password, yet not locked ('!'), which sshd without PAM would refuse
    id nestorssh >/dev/null 2>&1 || useradd -r -M -d /tmp -s /bin/sh -p '*' nestorssh
    chmod 755 "$dir"
    for key in host client; do
        [ -f "$dir/$key" ] || ssh-keygen -q -t ed25519 -N '' -f "$dir/$key"
    done
    cp "$dir/client.pub" "$dir/authorized_keys"
    chmod 644 "$dir/authorized_keys"
    # a restart keeps the port (and the host key): a peer that went down comes back as it was
    if [ -f "$dir/port" ]; then
        port=$(cat "$dir/port")
    else
        for port in $(shuf -i 20000-60000 -n 50); do
            (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
        done
        echo "$port" > "$dir/port"
    fi
    cat > "$dir/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $dir/host
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
PermitRootLogin $([ "$user" = root ] && echo prohibit-password || echo no)
AllowUsers $user
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
CONF
    echo "[127.0.0.1]:$port $(cat "$dir/host.pub")" > "$dir/known_hosts"
    mkdir -p /run/sshd
    setsid /usr/sbin/sshd -D -e -f "$dir/sshd_config" > "$dir/sshd.log" 2>&1 < /dev/null &
    echo $! > "$dir/sshd.process"
    for _ in $(seq 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            exit 0
        fi
        sleep 0.05
    done
    echo "$0: sshd did not listen on 127.0.0.1:$port (see $dir/sshd.log)" >&2
    exit 1
    ;;
stop)
    if [ -f "$dir/sshd.process" ]; then
        kill "$(cat "$dir/sshd.process")" 2>/dev/null || true
        rm -f "$dir/sshd.process"
    fi
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
