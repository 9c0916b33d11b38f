# Shared settings and helpers for it/env/*.sh (sourced, not executed).

# shellcheck disable=SC2034  # used by the other lib/*.sh files
# Where processes, logs, registry storage and env.properties live. Kept out of the
# repo so a fresh clone (CI) and a developer's tree share one running environment.
STATE="${DISTROLESS_IT_STATE:-/var/tmp/distroless-it}"
PORT="${DISTROLESS_IT_REGISTRY_PORT:-15000}"
REGISTRY="127.0.0.1:${PORT}"
PODMAN_SOCK=/run/podman/podman.sock
# Downloads and built images survive reboots and state-dir changes, so a second
# machine setup only pushes from here.
CACHE_ROOT="${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/distroless-it-bases"
LOGS="$STATE/logs"
# The Debian architecture of this machine (amd64 here).
HOST_ARCH=$(dpkg --print-architecture)

# Files we create must not depend on the caller's umask (image contents, configs).
umask 022

step() { printf '%s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# run_logged LOGFILE CMD... : run quietly, append output to LOGFILE; on failure
# show the end of the log so the caller sees why without digging.
run_logged() {
  local log=$1; shift
  mkdir -p "$(dirname "$log")"
  printf '+ %s\n' "$*" >>"$log"
  if ! "$@" >>"$log" 2>&1; then
    printf 'ERROR: command failed: %s\n--- last lines of %s ---\n' "$*" "$log" >&2
    tail -n 25 "$log" >&2
    return 1
  fi
}

# pid_alive PIDFILE EXE : true if the pid in PIDFILE runs EXE (guards against pid reuse).
pid_alive() {
  local pidfile=$1 exe=$2 pid
  [[ -s $pidfile ]] || return 1
  pid=$(<"$pidfile")
  [[ -d /proc/$pid ]] || return 1
  [[ "$(readlink -f "/proc/$pid/exe" 2>/dev/null)" == "$(readlink -f "$exe")" ]]
}

# stop_pidfile PIDFILE EXE NAME : TERM the process, wait, then KILL; remove PIDFILE.
stop_pidfile() {
  local pidfile=$1 exe=$2 name=$3 pid i
  if pid_alive "$pidfile" "$exe"; then
    pid=$(<"$pidfile")
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      [[ -d /proc/$pid ]] || break
      sleep 0.2
    done
    if [[ -d /proc/$pid ]]; then kill -KILL "$pid" 2>/dev/null || true; fi
    step "$name: stopped (pid $pid)"
  else
    step "$name: not running"
  fi
  rm -f "$pidfile"
}

# start_daemon PIDFILE LOGFILE CMD... : detach CMD from this shell and session so it
# outlives setup.sh; its pid goes to PIDFILE. fd 9 (setup.sh's lock) is closed so the
# daemon does not hold the lock forever.
start_daemon() {
  local pidfile=$1 log=$2; shift 2
  mkdir -p "$(dirname "$log")" "$(dirname "$pidfile")"
  setsid nohup "$@" >>"$log" 2>&1 </dev/null 9>&- &
  echo $! >"$pidfile"
}

# wait_for SECONDS CMD... : poll CMD every 0.2 s until it succeeds.
wait_for() {
  local secs=$1; shift
  local deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}
