# The registry proxy (lib/registry_proxy.py) in front of the plain-HTTP registry: scenarios
# push through it and tell it which requests to fail (429 windows, 5xx, resets). One for every
# scenario; each scopes its faults by its own repository.

REGISTRY_PROXY="127.0.0.1:$((PORT + 2))"
REGISTRY_PROXY_PIDFILE="$STATE/registry-proxy.pid"
# The SHA-256 of the script the running proxy was started from: a proxy of another version (a
# checkout before a rule action was added) is restarted rather than kept.
REGISTRY_PROXY_VERSION_FILE="$STATE/registry-proxy.version"
REGISTRY_PROXY_PYTHON=/usr/bin/python3
# A test bed left running stops its proxy after six hours without a request, as soon as its
# pid file is removed, or once the registry behind it has been gone for a minute.
REGISTRY_PROXY_IDLE_EXIT=21600
REGISTRY_PROXY_UPSTREAM_GRACE=60

registry_proxy_answers() {
  curl -fsS --max-time 2 "http://$REGISTRY_PROXY/_faults" >/dev/null 2>&1
}

registry_proxy_version() {
  sha256sum "$HERE_LIB/registry_proxy.py" | cut -d' ' -f1
}

ensure_registry_proxy() {
  if registry_proxy_answers; then
    if [[ $(cat "$REGISTRY_PROXY_VERSION_FILE" 2>/dev/null) == "$(registry_proxy_version)" ]]; then
      # Rules a killed run left behind would fail the next one's requests.
      curl -fsS --max-time 2 -X DELETE "http://$REGISTRY_PROXY/_faults" >/dev/null
      step "registry proxy: answers on $REGISTRY_PROXY (rules cleared)"
      return
    fi
    step "registry proxy: the one running is of another version; restarting it"
    stop_registry_proxy
  fi
  start_daemon "$REGISTRY_PROXY_PIDFILE" "$LOGS/registry-proxy.err" "$REGISTRY_PROXY_PYTHON" \
    "$HERE_LIB/registry_proxy.py" "$REGISTRY_PROXY" "$REGISTRY" "$LOGS/registry-proxy.tsv" \
    "$REGISTRY_PROXY_IDLE_EXIT" --pid-file "$REGISTRY_PROXY_PIDFILE" \
    --upstream-grace "$REGISTRY_PROXY_UPSTREAM_GRACE"
  if ! wait_for 15 registry_proxy_answers; then
    tail -n 20 "$LOGS/registry-proxy.err" >&2 || true
    die "the registry proxy did not answer on $REGISTRY_PROXY within 15 s (see $LOGS/registry-proxy.err)"
  fi
  registry_proxy_version >"$REGISTRY_PROXY_VERSION_FILE"
  step "registry proxy: started on $REGISTRY_PROXY (pid $(<"$REGISTRY_PROXY_PIDFILE"), log $LOGS/registry-proxy.tsv)"
}

stop_registry_proxy() {
  stop_pidfile "$REGISTRY_PROXY_PIDFILE" "$REGISTRY_PROXY_PYTHON" "registry proxy"
}
