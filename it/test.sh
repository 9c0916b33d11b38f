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
# What a release to Central needs: sources and javadoc jars (the javadoc built without errors,
# or the install above failed), and the installed POM saying where the project lives.
ls target/distroless-maven-plugin-*-sources.jar target/distroless-maven-plugin-*-javadoc.jar >/dev/null
for element in url licenses developers scm issueManagement; do
  grep -q "<$element>" dependency-reduced-pom.xml || { echo "the installed POM has no <$element>" >&2; exit 1; }
done
echo "sources, javadoc and the POM's project information: ready for Central"
# The plugin reference docs/ links to, generated from the code: a page per goal with every
# parameter, its javadoc, default and property. Checked for every goal and parameter the
# descriptor names, and for what only the javadoc says (a default, a property).
mvn -B -q site -DskipTests -Dit.registry=127.0.0.1:9 -Dit.authRegistry=127.0.0.1:9 \
  -Dit.registryProxy=127.0.0.1:9
python3 it/env/lib/check_reference.py target/classes/META-INF/maven/plugin.xml target/site
