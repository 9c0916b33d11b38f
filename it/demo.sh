#!/usr/bin/env bash
# The README's main job, end to end: build the plugin, bring up a local registry with
# distroless-equivalent bases (served as gcr.io through a registry mirror), build the example
# app's image with `mvn package distroless:build`, run it with podman, show its output and digest.
set -euo pipefail
cd "$(dirname "$0")/.."

port="${DISTROLESS_IT_REGISTRY_PORT:-15000}"
registry="127.0.0.1:${port}"

echo "==> Test bed: registry, podman, base images"
bash it/env/setup.sh

echo "==> Building the plugin"
mvn -B -q install -DskipTests

echo "==> Building the example app's image (it/demo)"
mvn -B -f it/demo/pom.xml package distroless:build \
  -Ddemo.registry="$registry" \
  -Ddistroless.registryMirrors="gcr.io=$registry"

image="$(jq -r .image it/demo/target/distroless/image.json)"
digest="$(cat it/demo/target/distroless/image.digest)"

echo "==> Running $image under podman, read-only, all capabilities dropped"
podman run --rm --quiet --tls-verify=false --pull=always --read-only --cap-drop=ALL \
  --security-opt=no-new-privileges "$image"

echo "==> Image:  $image"
echo "==> Digest: $digest"
