#!/usr/bin/env bash
# Two builds of this plugin against each other: is a change to the code faster or leaner, or is
# the difference the benchmark shows noise?
#
#   it/benchmark/compare-builds.sh [--rounds N] [--apps small|powerjob] BEFORE.jar AFTER.jar
#
# run.sh compares the plugin with Jib, and its cold case, a whole `mvn compile <goal>` with
# empty caches, varies by 15 to 25% in peak RSS from run to run for either tool. A median of
# three such runs cannot tell whether a change to the plugin moved its own figure. This script
# runs only the plugin, the cold case only (fresh target/, fresh caches, a new target
# repository, straight to the test bed's registry), alternating the two jars in every round
# (BEFORE first in odd rounds, AFTER first in even ones), and prints each run and the medians.
# Each jar is copied in turn over the installed SNAPSHOT in ~/.m2; the installed jar is put
# back at the end, also when the script is interrupted.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib/powerjob.sh
source "$HERE/lib/powerjob.sh"

ROUNDS=8
APP=powerjob
REGISTRY=127.0.0.1:${DISTROLESS_IT_REGISTRY_PORT:-15000}
BASE=$REGISTRY/distroless/java17-debian13:nonroot
PLUGIN=io.github.distrolessmaven:distroless-maven-plugin:0.1.0-SNAPSHOT
PLUGIN_JAR=$HOME/.m2/repository/io/github/distrolessmaven/distroless-maven-plugin/0.1.0-SNAPSHOT/distroless-maven-plugin-0.1.0-SNAPSHOT.jar
WORK=$HERE/work/compare
STAMP=$(date -u +%Y%m%d-%H%M%S)

die() { printf 'compare-builds: %s\n' "$*" >&2; exit 1; }

while (($#)); do
  case $1 in
    --rounds) ROUNDS=${2:?--rounds needs a number}; shift 2 ;;
    --apps) APP=${2:?--apps needs small or powerjob}; shift 2 ;;
    -h | --help) sed -n '2,5p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1" ;;
    *) break ;;
  esac
done
(($# == 2)) || die "give two plugin jars: BEFORE.jar AFTER.jar"
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "--rounds takes a positive number"
[[ $APP == small || $APP == powerjob ]] || die "--apps takes small or powerjob"
BEFORE=$(realpath "$1")
AFTER=$(realpath "$2")
[[ -f $BEFORE && -f $AFTER ]] || die "both jars must exist: $1, $2"
[[ -f $PLUGIN_JAR ]] || die "no installed plugin in ~/.m2: run mvn install in the repository first"
[[ -x /usr/bin/time ]] || die "GNU time is missing: apt-get install time"
curl -fsS --max-time 3 -o /dev/null "http://$REGISTRY/v2/distroless/java17-debian13/manifests/nonroot" \
  -H 'Accept: application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json' ||
  die "no base at $BASE: run it/env/setup.sh"

# Repositories of earlier comparisons only hold garbage (as run.sh does for its own).
rm -rf "${DISTROLESS_IT_STATE:-/var/tmp/distroless-it}/registry/storage/docker/registry/v2/repositories/compare"
mkdir -p "$WORK"
INSTALLED=$WORK/installed.jar
cp "$PLUGIN_JAR" "$INSTALLED"
trap 'cp "$INSTALLED" "$PLUGIN_JAR"' EXIT

if [[ $APP == powerjob ]]; then
  [[ -d $WORK/powerjob ]] || lay_out_powerjob "$WORK/powerjob"
  PROPS=("${POWERJOB_PROPS[@]}")
else
  rm -rf "$WORK/small" && cp -r "$HERE/apps/small" "$WORK/small"
  PROPS=()
fi
DIR=$WORK/$APP
RESULTS=$WORK/$STAMP.tsv
printf 'round\tbuild\twall_s\tpeak_rss_kib\n' >"$RESULTS"

for ((round = 1; round <= ROUNDS; round++)); do
  if ((round % 2)); then order="before after"; else order="after before"; fi
  for build in $order; do
    if [[ $build == before ]]; then cp "$BEFORE" "$PLUGIN_JAR"; else cp "$AFTER" "$PLUGIN_JAR"; fi
    rm -rf "$DIR/target" "$WORK/xdg-cache" "$WORK/xdg-config"
    mkdir -p "$WORK/xdg-cache" "$WORK/xdg-config"
    log=$WORK/$STAMP-$build-$round.log
    XDG_CACHE_HOME=$WORK/xdg-cache XDG_CONFIG_HOME=$WORK/xdg-config \
      /usr/bin/time -f '%e %M' -o "$WORK/timing" \
      mvn -B -nsu -Dstyle.color=never -f "$DIR/pom.xml" "${PROPS[@]}" \
      "-Ddistroless.from.image=$BASE" "-Ddistroless.to.image=$REGISTRY/compare/$build-$STAMP-$round:latest" \
      -Ddistroless.allowInsecureRegistries=true compile "$PLUGIN:build" >"$log" 2>&1 ||
      die "round $round, $build failed: see $log"
    read -r secs rss <"$WORK/timing"
    printf '%s\t%s\t%s\t%s\n' "$round" "$build" "$secs" "$rss" >>"$RESULTS"
    printf 'round %d %-6s %6.2f s %5d MiB\n' "$round" "$build" "$secs" $((rss / 1024))
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for build in before after; do
  secs=$(awk -F'\t' -v b="$build" '$2 == b { print $3 }' "$RESULTS" | median)
  rss=$(awk -F'\t' -v b="$build" '$2 == b { print int($4 / 1024) }' "$RESULTS" | median)
  range=$(awk -F'\t' -v b="$build" '$2 == b { print int($4 / 1024) }' "$RESULTS" | sort -n | sed -n '1p;$p' | paste -sd-)
  printf '%-6s median %.2f s, peak RSS median %.0f MiB (range %s MiB), %d runs\n' \
    "$build" "$secs" "$rss" "$range" "$ROUNDS"
done
printf 'runs: %s\n' "$RESULTS"
