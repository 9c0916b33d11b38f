#!/usr/bin/env bash
# Brings up the integration-test bed: host packages, podman (+ Docker-API socket), a
# private registry, and distroless-equivalent base images pushed into it.
# Idempotent; a second run with warm caches takes seconds. See README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
HERE_LIB="$HERE/lib"
for f in common host-packages emulation podman registry proxy debian-apt rootfs oci bases mavens jdks; do
  # shellcheck source=/dev/null
  . "$HERE_LIB/$f.sh"
done

[[ $(id -u) == 0 ]] || die "run as root (installs packages, writes /etc/containers, runs podman as root)"
mkdir -p "$STATE" "$LOGS"
# Two builds sharing one machine (parallel IT runs) must not start two registries.
exec 9>"$STATE/setup.lock"
flock 9

ensure_host_packages
ensure_arm64_emulation
ensure_podman_conf
ensure_podman_insecure_registry
ensure_podman_service
ensure_registry
ensure_auth_registry
ensure_registry_proxy
ensure_bases
ensure_mavens
ensure_foreign_jdk

cat >"$STATE/env.properties" <<PROPS
registry=$REGISTRY
authRegistry=$AUTH_REGISTRY
registryProxy=$REGISTRY_PROXY
dockerHost=unix://$PODMAN_SOCK
arm64Emulation=$(arm64_emulation && echo true || echo false)
maven39=$(maven_home 3.9.16)
maven4=$(maven_home 4.0.0-rc-4)
PROPS
step "registry: $REGISTRY"
