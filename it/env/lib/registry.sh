# A private CNCF distribution registry (Debian's docker-registry) on loopback.

REGISTRY_DIR="$STATE/registry"
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

# A second registry that demands a login, for the credential scenarios: user and password
# are test fixtures, also written into it/scenarios/<scenario>/ settings and docker configs.
AUTH_REGISTRY="127.0.0.1:$((PORT + 1))"
AUTH_REGISTRY_USER=it-user
AUTH_REGISTRY_PASSWORD=it-secret-4711

# write_registry_config DIR ADDR [EXTRA_YAML]
write_registry_config() {
  local dir=$1 addr=$2 extra=${3:-}
  mkdir -p "$dir/storage"
  cat >"$dir/config.yml" <<YAML
# Written by it/env/lib/registry.sh
version: 0.1
log: {level: warn}
storage:
  filesystem: {rootdirectory: $dir/storage}
  delete: {enabled: true}
http:
  addr: $addr
  secret: fixed-test-secret
$extra
YAML
}

# start_registry NAME DIR ADDR [EXTRA_YAML]: unless something answers on ADDR already.
start_registry() {
  local name=$1 dir=$2 addr=$3 extra=${4:-}
  local pidfile="$STATE/$name.pid"
  local scheme=http
  [[ $extra == *tls:* ]] && scheme=https
  if curl -ksS --max-time 2 -o /dev/null "$scheme://$addr/v2/" 2>/dev/null; then
    step "$name: answers on $addr"
    return
  fi
  write_registry_config "$dir" "$addr" "$extra"
  start_daemon "$pidfile" "$LOGS/$name.log" "$REGISTRY_BIN" serve "$dir/config.yml"
  # A registry with auth answers 401 on /v2/: any HTTP answer means it is up.
  if ! wait_for 30 curl -ksS --max-time 2 -o /dev/null "$scheme://$addr/v2/"; then
    tail -n 20 "$LOGS/$name.log" >&2 || true
    die "$name did not answer on $scheme://$addr/v2/ within 30 s (port taken? see $LOGS/$name.log)"
  fi
  step "$name: started on $addr (pid $(<"$pidfile"), storage $dir/storage)"
}

ensure_registry() {
  disable_system_registry
  start_registry registry "$REGISTRY_DIR" "$REGISTRY"
}

# Credentials only travel over TLS (Jib refuses to send them over plain HTTP), so this one
# serves HTTPS with a self-signed certificate, as a company registry with a private CA would;
# the plugin accepts it as a registry on this machine (one elsewhere would need
# allowInsecureRegistries).
ensure_auth_registry() {
  local dir="$STATE/auth-registry"
  mkdir -p "$dir"
  if [[ ! -s $dir/htpasswd ]]; then
    htpasswd -Bbn "$AUTH_REGISTRY_USER" "$AUTH_REGISTRY_PASSWORD" >"$dir/htpasswd"
  fi
  if [[ ! -s $dir/tls.crt ]]; then
    run_logged "$LOGS/auth-registry-tls.log" openssl req -x509 -newkey rsa:2048 -nodes -days 3650 \
      -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
      -keyout "$dir/tls.key" -out "$dir/tls.crt"
  fi
  start_registry auth-registry "$dir" "$AUTH_REGISTRY" \
    "  tls: {certificate: $dir/tls.crt, key: $dir/tls.key}
auth: {htpasswd: {realm: distroless-it, path: $dir/htpasswd}}"
}

stop_registry() {
  stop_pidfile "$REGISTRY_PIDFILE" "$REGISTRY_BIN" "registry"
  stop_pidfile "$STATE/auth-registry.pid" "$REGISTRY_BIN" "auth-registry"
}
