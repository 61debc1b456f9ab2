#!/bin/sh
# The demo's application controller: appctl.sh start|stop|check|log NAME [WORDS...]
# "start" leaves a detached sleep behind a pid file under $RUN; "check" exits 0 while it lives,
# 1 when it does not (the app driver's up and down).
set -u
action=${1:?usage: appctl.sh start|stop|check|log NAME}
name=${2:?usage: appctl.sh start|stop|check|log NAME}
run=${RUN:-/tmp/nestor-demo}
pidfile=$run/$name.pid

alive() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

case $action in
    start)
        mkdir -p "$run"
        alive && exit 0
        setsid sleep 86400 </dev/null >/dev/null 2>&1 &
        echo $! > "$pidfile"
        echo "$name started, pid $!" ;;
    stop)
        alive && kill "$(cat "$pidfile")"
        rm -f "$pidfile"
        echo "$name stopped" ;;
    check)
        alive ;;
    log)
        shift 2
        echo "$name: $*" ;;
    *)
        echo "appctl.sh: unknown action $action" >&2
        exit 2 ;;
esac
