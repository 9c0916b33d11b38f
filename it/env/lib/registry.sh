# A private CNCF distribution registry (Debian's docker-registry) on loopback.

REGISTRY_DIR="$STATE/registry"
REGISTRY_STORAGE="$REGISTRY_DIR/storage"
REGISTRY_CONFIG="$REGISTRY_DIR/config.yml"
REGISTRY_PIDFILE="$STATE/registry.pid"
REGISTRY_BIN=/usr/bin/docker-registry

registry_answers() {
  curl -fsS --max-time 2 "http://$REGISTRY/v2/" >/dev/null 2>&1
}

# apt starts the packaged service on :5000 where init allows it; it would share
# nothing with ours but a port clash with other tests, so keep it off.
disable_system_registry() {
  if [[ -d /run/systemd/system ]]; then
    if systemctl is-enabled --quiet docker-registry 2>/dev/null ||
      systemctl is-active --quiet docker-registry 2>/dev/null; then
      systemctl disable --now docker-registry >>"$LOGS/registry-system.log" 2>&1 || true
      step "registry: disabled system docker-registry service"
    fi
  elif [[ -x /etc/init.d/docker-registry ]]; then
    if pid_alive /var/run/docker-registry.pid "$REGISTRY_BIN"; then
      /etc/init.d/docker-registry stop >>"$LOGS/registry-system.log" 2>&1 || true
      step "registry: stopped system docker-registry service"
    fi
    if compgen -G '/etc/rc[2-5].d/S*docker-registry' >/dev/null; then
      update-rc.d docker-registry disable >>"$LOGS/registry-system.log" 2>&1 || true
    fi
  fi
}

write_registry_config() {
  mkdir -p "$REGISTRY_STORAGE"
  cat >"$REGISTRY_CONFIG" <<YAML
# Written by it/env/lib/registry.sh
version: 0.1
log: {level: warn}
storage:
  filesystem: {rootdirectory: $REGISTRY_STORAGE}
  delete: {enabled: true}
http:
  addr: $REGISTRY
  secret: fixed-test-secret
YAML
}

ensure_registry() {
  disable_system_registry
  if registry_answers; then
    step "registry: answers on $REGISTRY"
    return
  fi
  write_registry_config
  start_daemon "$REGISTRY_PIDFILE" "$LOGS/registry.log" "$REGISTRY_BIN" serve "$REGISTRY_CONFIG"
  if ! wait_for 30 registry_answers; then
    tail -n 20 "$LOGS/registry.log" >&2 || true
    die "registry did not answer on http://$REGISTRY/v2/ within 30 s (port taken? see $LOGS/registry.log)"
  fi
  step "registry: started on $REGISTRY (pid $(<"$REGISTRY_PIDFILE"), storage $REGISTRY_STORAGE)"
}

stop_registry() {
  stop_pidfile "$REGISTRY_PIDFILE" "$REGISTRY_BIN" "registry"
}
