#!/usr/bin/env bash
# lib/powerjob.sh DEST: lays out PowerJob's server (tech.powerjob:powerjob-server-starter 4.3.9,
# Apache License 2.0), a real open-source Spring Boot application, as a Maven project in DEST:
# its own POM, and its sources jar split into src/main/java and src/main/resources. Both come
# from the Maven repositories Maven is set up with (through mvn dependency:get), so nothing of
# PowerJob is kept in this repository. Its 198 runtime jars come the same way, on the first
# build.
#
# One line is added to PowerJobServerApplication: a constant "bench-0" that the benchmark's
# one-class case edits, as a developer edits a class. Building it needs a Lombok that runs on
# Java 17: run.sh passes -Dlombok.version (POWERJOB_PROPS below) to every build, both tools.
set -euo pipefail

GROUP=tech.powerjob
ARTIFACT=powerjob-server-starter
VERSION=4.3.9
POWERJOB_PROPS=(-Dlombok.version=1.18.36)

lay_out_powerjob() {
  local dest=$1 repo dir scratch f
  # The local repository run.sh also reads the plugin from.
  repo=$HOME/.m2/repository
  dir=$repo/${GROUP//.//}/$ARTIFACT/$VERSION
  if [[ ! -f $dir/$ARTIFACT-$VERSION.pom || ! -f $dir/$ARTIFACT-$VERSION-sources.jar ]]; then
    mvn -B -q -Dstyle.color=never dependency:get -Dtransitive=false \
      -Dartifact=$GROUP:$ARTIFACT:$VERSION:pom
    mvn -B -q -Dstyle.color=never dependency:get -Dtransitive=false \
      -Dartifact=$GROUP:$ARTIFACT:$VERSION:jar:sources
  fi
  rm -rf "$dest"
  mkdir -p "$dest/src/main/java" "$dest/src/main/resources"
  cp "$dir/$ARTIFACT-$VERSION.pom" "$dest/pom.xml"
  scratch=$(mktemp -d)
  (cd "$scratch" && jar xf "$dir/$ARTIFACT-$VERSION-sources.jar")
  # The sources jar's own manifest and Maven metadata are not PowerJob's resources.
  rm -rf "$scratch/META-INF"
  (cd "$scratch" && find . -type f) | while IFS= read -r f; do
    case $f in
      *.java) mkdir -p "$dest/src/main/java/$(dirname "$f")" && cp "$scratch/$f" "$dest/src/main/java/$f" ;;
      *) mkdir -p "$dest/src/main/resources/$(dirname "$f")" && cp "$scratch/$f" "$dest/src/main/resources/$f" ;;
    esac
  done
  rm -rf "$scratch"
  f=$dest/src/main/java/tech/powerjob/server/PowerJobServerApplication.java
  sed -i 's/^public class PowerJobServerApplication {$/&\n\n    static final String BENCH_STAMP = "bench-0";/' "$f"
  grep -q 'static final String BENCH_STAMP = "bench-0";' "$f" ||
    { echo "powerjob.sh: $f is not as expected: no constant added" >&2; return 1; }
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  lay_out_powerjob "${1:?usage: powerjob.sh DEST}"
fi
