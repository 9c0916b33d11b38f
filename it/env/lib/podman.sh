# Podman as the container engine, plus its Docker-API socket for Testcontainers & co.

PODMAN_CONF=/etc/containers/containers.conf
PODMAN_PIDFILE="$STATE/podman.pid"

# Half of a hard limit: this machine cannot raise rlimits, so podman's defaults
# (above the hard limits) make every container start fail with
# "setrlimit RLIMIT_NPROC: Operation not permitted".
half_limit() {
  local hard=$1
  [[ $hard == unlimited ]] && hard=2097152
  echo $((hard / 2))
}

# podman 4.3 lowers its own RLIMIT_NPROC to 32768 (= pid_max here) when started, so a
# container nproc above that fails as well although it is below `ulimit -Hu`.
nproc_hard() {
  local hard pid_max
  hard=$(ulimit -Hu)
  pid_max=$(cat /proc/sys/kernel/pid_max 2>/dev/null || echo 32768)
  ((pid_max > 32768)) && pid_max=32768
  if [[ $hard == unlimited ]] || ((hard > pid_max)); then hard=$pid_max; fi
  echo "$hard"
}

podman_conf_text() {
  local nofile nproc
  nofile=$(half_limit "$(ulimit -Hn)")
  nproc=$(half_limit "$(nproc_hard)")
  cat <<CONF
# Written by it/env/lib/podman.sh (distroless-maven-plugin integration tests).
[containers]
# Below the hard limits, which containers cannot raise on this machine.
default_ulimits = ["nofile=${nofile}:${nofile}", "nproc=${nproc}:${nproc}"]

[engine]
# crun fails here with "cgroups in hybrid mode not supported".
runtime = "runc"
CONF
}

# write_podman_config FILE CONTENT: rewrite only on change, and note that the service must
# restart to read it.
write_podman_config() {
  local file=$1 want=$2
  if [[ -f $file && "$(<"$file")" == "$want" ]]; then
    step "podman: $file up to date"
    return
  fi
  mkdir -p "$(dirname "$file")"
  printf '%s\n' "$want" >"$file"
  PODMAN_CONF_CHANGED=1
  step "podman: wrote $file"
}

ensure_podman_conf() {
  write_podman_config "$PODMAN_CONF" "$(podman_conf_text)"
}

podman_socket_answers() {
  curl -fsS --max-time 2 --unix-socket "$PODMAN_SOCK" http://d/_ping >/dev/null 2>&1
}

ensure_podman_service() {
  # The service reads containers.conf once; restart ours so it sees the new limits.
  if [[ -n ${PODMAN_CONF_CHANGED:-} ]] && pid_alive "$PODMAN_PIDFILE" "$(command -v podman)"; then
    stop_podman_service
  fi
  if podman_socket_answers; then
    step "podman: service answers on $PODMAN_SOCK"
    return
  fi
  # A quick engine check first: a broken podman setup is clearer here than as a
  # socket that never answers.
  run_logged "$LOGS/podman-info.log" podman info
  mkdir -p "$(dirname "$PODMAN_SOCK")"
  # A socket file left by a dead service would make the new one fail to bind.
  pid_alive "$PODMAN_PIDFILE" "$(command -v podman)" || rm -f "$PODMAN_SOCK"
  start_daemon "$PODMAN_PIDFILE" "$LOGS/podman-service.log" \
    podman system service --time=0 "unix://$PODMAN_SOCK"
  wait_for 30 podman_socket_answers ||
    die "podman service did not answer on $PODMAN_SOCK within 30 s (see $LOGS/podman-service.log)"
  step "podman: service started on $PODMAN_SOCK (pid $(<"$PODMAN_PIDFILE"))"
}

stop_podman_service() {
  stop_pidfile "$PODMAN_PIDFILE" "$(command -v podman || echo /usr/bin/podman)" "podman service"
  podman_socket_answers || rm -f "$PODMAN_SOCK"
}

# Pulls through the Docker API (Testcontainers) have no --tls-verify flag: podman reads
# whether a registry is plain HTTP from registries.conf.
PODMAN_REGISTRIES_CONF=/etc/containers/registries.conf.d/50-distroless-it.conf

ensure_podman_insecure_registry() {
  write_podman_config "$PODMAN_REGISTRIES_CONF" "$(printf '# Written by it/env/lib/podman.sh: the test registry speaks plain HTTP.\n[[registry]]\nlocation = "%s"\ninsecure = true' "$REGISTRY")"
}
