# Host tools the test bed needs, from the machine's own Debian suite.

HOST_PACKAGES=(docker-registry podman runc skopeo umoci apache2-utils curl jq python3 qemu-user-static binutils)

host_packages_missing() {
  local p
  for p in "${HOST_PACKAGES[@]}"; do
    [[ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null)" == "ii " ]] || printf '%s\n' "$p"
  done
}

ensure_host_packages() {
  local missing
  mapfile -t missing < <(host_packages_missing)
  if ((${#missing[@]} == 0)); then
    step "apt: host packages present"
    return
  fi
  # Recommends are not needed: podman runs as root with runc and the CNI plugins that
  # golang-github-containers-common pulls in; buildah/slirp4netns/uidmap are rootless-only.
  export DEBIAN_FRONTEND=noninteractive
  run_logged "$LOGS/apt.log" apt-get update -q
  run_logged "$LOGS/apt.log" apt-get install -y -q --no-install-recommends "${missing[@]}"
  step "apt: installed ${missing[*]}"
}
