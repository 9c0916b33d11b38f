#!/usr/bin/env bash
# Stops the registry and podman service that setup.sh started (pids in the state dir).
# Keeps registry storage and caches, so the next setup.sh is quick. Idempotent.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
HERE_LIB="$HERE/lib"
for f in common podman registry proxy; do
  # shellcheck source=/dev/null
  . "$HERE_LIB/$f.sh"
done

stop_registry_proxy
stop_registry
stop_podman_service
