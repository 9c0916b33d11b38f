#!/usr/bin/env bash
# The README's test command: bring up the test bed (idempotent), then run every test: the unit
# tests of the core and the integration scenarios under it/scenarios/ against the plugin just
# built.
set -euo pipefail
cd "$(dirname "$0")/.."

bash it/env/setup.sh
# The registry proxy the fault scenarios rely on, against a stub registry (a few seconds).
/usr/bin/python3 -m unittest discover -s it/env/lib -p '*_test.py'
port="${DISTROLESS_IT_REGISTRY_PORT:-15000}"
mvn -B verify -Dit.registry="127.0.0.1:${port}" -Dit.authRegistry="127.0.0.1:$((port + 1))" \
  -Dit.registryProxy="127.0.0.1:$((port + 2))" "$@"
# Building the plugin from source takes one command and no test bed: with -DskipTests nothing
# reaches a registry (port 9 answers nothing), and the jar is installed.
rm -f target/distroless-maven-plugin-*.jar
mvn -B -q -o install -DskipTests -Dit.registry=127.0.0.1:9 -Dit.authRegistry=127.0.0.1:9 \
  -Dit.registryProxy=127.0.0.1:9
ls target/distroless-maven-plugin-*.jar >/dev/null
echo "mvn install -DskipTests: the plugin built with no test bed"
