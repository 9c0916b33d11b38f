#!/usr/bin/env bash
# The README's test command: bring up the test bed (idempotent), then run every test: the unit
# tests of the core and the integration scenarios under it/scenarios/ against the plugin just
# built.
set -euo pipefail
cd "$(dirname "$0")/.."

bash it/env/setup.sh
port="${DISTROLESS_IT_REGISTRY_PORT:-15000}"
exec mvn -B verify -Dit.registry="127.0.0.1:${port}" -Dit.authRegistry="127.0.0.1:$((port + 1))" \
  -Dit.registryProxy="127.0.0.1:$((port + 2))" "$@"
