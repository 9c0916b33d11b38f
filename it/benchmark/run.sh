#!/usr/bin/env bash
# Benchmark: distroless-maven-plugin against jib-maven-plugin 3.5.2, side by side, one run.
#
#   it/benchmark/run.sh [--runs N] [--cold-runs N] [--apps "small|large|powerjob[-2p] ...|all"]
#                       [--cases "cold no-change one-class tar elsewhere"]
#
# all is small and powerjob. apps/small and apps/large are kept here; powerjob, a real
# open-source Spring Boot application, is laid out from Maven by lib/powerjob.sh. APP-2p is the
# same app built for linux/amd64 and linux/arm64 by both tools (an image index; no tar case,
# which Jib does not write for several platforms).
# For each app and each tool it measures, alternating the tools in
# every round (ours first in odd rounds, Jib first in even ones, so drift hits both alike):
#   cold       fresh caches, fresh target/, a new target repository: mvn compile <build goal>
#   no-change  mvn <build goal> again, nothing changed (the image step alone, as a CI job or a
#              developer runs it after a build: Maven's start is in it, no lifecycle phase)
#   one-class  one class's constant edited, then mvn compile <build goal>
#   tar        mvn <tar goal>, caches warm
#   elsewhere  as cold, but the base comes from the registry itself and the image goes through
#              the proxy, to the tools another registry (no layer can be mounted: every base
#              layer is uploaded), at LINK_BYTES_PER_SECOND per connection: a push over a link
#              such as a CI runner's to a registry elsewhere
# --cases measures some of these only (cold alone, say, to afford many rounds of it). Cold
# rounds take the apps in turn, so APP and APP-2p are measured side by side in time.
# "compile <goal>" is how Jib documents its goals (mvn compile jib:build); neither plugin needs
# the jar, so package (and, for the Spring Boot app, its plugins) would only add the same time
# to both.
# Wall time and peak RSS of the Maven JVM come from GNU time; bytes uploaded and registry
# requests from it/env/lib/registry_proxy.py, which both tools talk to (base and target alike) so that
# what the registry received is counted on the wire. Results: results/<stamp>.tsv (one line
# per run), results/<stamp>.md (the tables, also printed), results/<stamp>/logs/ (Maven logs).
# A FAIL against a target is reported, never turned into a non-zero exit.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shellcheck source=lib/powerjob.sh
source "$HERE/lib/powerjob.sh"

RUNS=5          # rounds for the warm cases
COLD_RUNS=3     # rounds for the cold and elsewhere cases (each pulls the base and pushes every layer)
APPS=all
ALL_CASES="cold no-change one-class tar elsewhere"
CASES=$ALL_CASES  # --cases: fewer cases, for more rounds of one in the same time

REGISTRY=127.0.0.1:${DISTROLESS_IT_REGISTRY_PORT:-15000}
STATE=${DISTROLESS_IT_STATE:-/var/tmp/distroless-it}
STORAGE=$STATE/registry/storage
PROXY_PORT=${BENCH_PROXY_PORT:-15090}
PROXY=127.0.0.1:$PROXY_PORT
# One base for both tools, by tag, reached through the proxy like the targets: tools see one
# registry, so both may mount base layers instead of uploading them.
BASE=$PROXY/distroless/java17-debian13:nonroot
# The elsewhere case's link: 25 MB/s (200 Mbit/s) for each connection's uploads.
LINK_BYTES_PER_SECOND=26214400
JIB_VERSION=3.5.2
PLUGIN_JAR=$HOME/.m2/repository/io/github/distrolessmaven/distroless-maven-plugin/0.1.0-SNAPSHOT/distroless-maven-plugin-0.1.0-SNAPSHOT.jar

STAMP=$(date -u +%Y%m%d-%H%M%S)
RESULTS=$HERE/results
OUT=$RESULTS/$STAMP
TSV=$RESULTS/$STAMP.tsv
WORK=$HERE/work
PROXY_LOG=$OUT/proxy.log
PROXY_PID=

usage() {
  sed -n '2,5p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

say() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

parse_args() {
  while (($#)); do
    case $1 in
      --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
      --cold-runs) COLD_RUNS=${2:?--cold-runs needs a number}; shift 2 ;;
      --apps) APPS=${2:?--apps needs small, large, powerjob, APP-2p or all}; shift 2 ;;
      --cases) CASES=${2:?--cases needs one or more of: $ALL_CASES}; shift 2 ;;
      -h | --help) usage 0 ;;
      *) printf 'bench: unknown argument %s\n' "$1" >&2; usage 2 ;;
    esac
  done
  [[ $RUNS =~ ^[1-9][0-9]*$ && $COLD_RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs and --cold-runs take a positive number"
  [[ $APPS != all ]] || APPS="small powerjob"
  [[ -n ${CASES// /} ]] || die "--cases takes one or more of: $ALL_CASES"
  local kase
  for kase in $CASES; do
    [[ " $ALL_CASES " == *" $kase "* ]] || die "--cases takes one or more of: $ALL_CASES"
  done
  local app
  for app in $APPS; do
    case ${app%-2p} in
      small | large | powerjob) ;;
      *) die "--apps takes small, large, powerjob, each optionally with -2p, or all" ;;
    esac
  done
}

# GNU time gives the peak RSS (%M) that bash's time keyword cannot; python3 runs the proxy and
# the report. Both are Debian packages, installed only when missing and only as root.
ensure_tools() {
  local missing=()
  [[ -x /usr/bin/time ]] || missing+=(time)
  command -v python3 >/dev/null || missing+=(python3)
  command -v jq >/dev/null || missing+=(jq)
  command -v curl >/dev/null || missing+=(curl)
  if ((${#missing[@]})); then
    ((EUID == 0)) || die "missing ${missing[*]}: install them (apt-get install ${missing[*]})"
    say "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  command -v mvn >/dev/null || die "mvn is not on PATH"
  [[ -f $PLUGIN_JAR ]] || die "no distroless-maven-plugin 0.1.0-SNAPSHOT in ~/.m2: run mvn install in $ROOT first"
}

# The test bed's registry holds the bases; setup.sh is idempotent and takes seconds when warm.
ensure_registry() {
  if ! curl -fsS --max-time 3 "http://$REGISTRY/v2/" >/dev/null 2>&1 ||
    ! curl -fsS --max-time 3 -o /dev/null "http://$REGISTRY/v2/distroless/java17-debian13/manifests/nonroot" \
      -H 'Accept: application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json'; then
    say "registry or base missing: running it/env/setup.sh"
    bash "$ROOT/it/env/setup.sh" >"$OUT/setup.log" 2>&1 || die "it/env/setup.sh failed, see $OUT/setup.log"
  fi
  # Repositories of earlier benchmark runs only hold garbage; dropping their links keeps the
  # storage from growing run after run (blobs stay; distribution has no per-repo cache here).
  rm -rf "$STORAGE/docker/registry/v2/repositories/bench"
}

start_proxy() {
  : >"$PROXY_LOG"
  python3 "$HERE/../env/lib/registry_proxy.py" "$PROXY_PORT" "$REGISTRY" "$PROXY_LOG" 2>"$OUT/proxy.err" &
  PROXY_PID=$!
  local i
  for ((i = 0; i < 50; i++)); do
    curl -fsS --max-time 2 "http://$PROXY/v2/" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  die "the counting proxy did not answer on $PROXY (port taken? set BENCH_PROXY_PORT); see $OUT/proxy.err"
}

stop_proxy() {
  if [[ -n $PROXY_PID ]]; then
    kill "$PROXY_PID" 2>/dev/null || true
    wait "$PROXY_PID" 2>/dev/null || true
    PROXY_PID=
  fi
}

# ---- per tool ------------------------------------------------------------------------------

tool_dir() { printf '%s/%s-%s' "$WORK" "$1" "$2"; }            # APP TOOL
# Goals by their whole coordinates: PowerJob's own POM declares neither plugin.
OURS=io.github.distrolessmaven:distroless-maven-plugin:0.1.0-SNAPSHOT
JIB=com.google.cloud.tools:jib-maven-plugin:$JIB_VERSION
build_goal() { [[ $1 == ours ]] && echo "$OURS:build" || echo "$JIB:build"; }
tar_goal() { [[ $1 == ours ]] && echo "$OURS:tar" || echo "$JIB:buildTar"; }

# app_props APP: what an app needs on every Maven command line, the same for every tool.
app_props() {
  if [[ ${1%-2p} == powerjob ]]; then
    printf '%s\n' "${POWERJOB_PROPS[@]}"
  fi
}

# Two platforms, for the APP-2p apps: an image index from each tool.
TWO_PLATFORMS=linux/amd64,linux/arm64

# tool_props TOOL DIR REPO APP: the same settings for both tools, each in its own property
# names. Caches live under DIR so that "cold" can empty them; Jib's update check is off.
tool_props() {
  local tool=$1 dir=$2 repo=$3 app=$4
  if [[ $tool == ours ]]; then
    printf '%s\n' "-Ddistroless.from.image=$BASE" "-Ddistroless.to.image=$PROXY/$repo:latest" \
      -Ddistroless.allowInsecureRegistries=true
    [[ $app != *-2p ]] || printf '%s\n' "-Ddistroless.platforms=$TWO_PLATFORMS"
  else
    printf '%s\n' "-Djib.from.image=$BASE" "-Djib.to.image=$PROXY/$repo:latest" \
      -Djib.allowInsecureRegistries=true -Djib.disableUpdateChecks=true \
      "-Djib.baseImageCache=$dir/xdg-cache/jib-base"
    [[ $app != *-2p ]] || printf '%s\n' "-Djib.from.platforms=$TWO_PLATFORMS"
  fi
}

# A fresh copy of the app for one tool: separate target/ and caches per tool.
copy_app() {
  local app=$1 tool=$2 dir
  dir=$(tool_dir "$app" "$tool")
  rm -rf "$dir"
  mkdir -p "$dir/xdg-cache" "$dir/xdg-config"
  if [[ ${app%-2p} == powerjob ]]; then
    lay_out_powerjob "$dir/app"
  else
    cp -r "$HERE/apps/${app%-2p}" "$dir/app"
  fi
  rm -rf "$dir/app/target"
}

empty_caches() {
  local dir=$1
  rm -rf "$dir/app/target" "$dir/xdg-cache" "$dir/xdg-config"
  mkdir -p "$dir/xdg-cache" "$dir/xdg-config"
}

# The class whose constant the one-class case edits.
stamp_file() {
  local dir=$1
  if [[ -f $dir/app/src/main/java/bench/small/Greeting.java ]]; then
    echo "$dir/app/src/main/java/bench/small/Greeting.java"
  elif [[ -f $dir/app/src/main/java/tech/powerjob/server/PowerJobServerApplication.java ]]; then
    echo "$dir/app/src/main/java/tech/powerjob/server/PowerJobServerApplication.java"
  else
    echo "$dir/app/src/main/java/bench/clinic/system/BuildStamp.java"
  fi
}

# A real content change: "bench-N" becomes "bench-N+1", so every run compiles a new class.
bump_stamp() {
  local file n
  file=$(stamp_file "$1")
  n=$(sed -n 's/.*"bench-\([0-9][0-9]*\)".*/\1/p' "$file")
  [[ $n =~ ^[0-9]+$ ]] || die "no \"bench-N\" constant in $file to change"
  sed -i "s/\"bench-$n\"/\"bench-$((n + 1))\"/" "$file"
}

# mvn_run LOG DIR [MAVEN ARGS...]: Maven under GNU time with this tool's XDG dirs; writes
# "seconds peak_rss_kib rc" to stdout. -nsu: no snapshot update checks (the plugin under test
# is the locally installed SNAPSHOT); no -o, because Jib refuses to push in offline mode.
mvn_run() {
  local log=$1 dir=$2 rc=0 timing
  shift 2
  timing=$(mktemp)
  XDG_CACHE_HOME=$dir/xdg-cache XDG_CONFIG_HOME=$dir/xdg-config \
    /usr/bin/time -f '%e %M' -o "$timing" \
    mvn -B -nsu -Dstyle.color=never -f "$dir/app/pom.xml" "$@" >"$log" 2>&1 || rc=$?
  printf '%s %s\n' "$(tail -n 1 "$timing")" "$rc"
  rm -f "$timing"
}

# proxy_since OFFSET: "uploaded_bytes requests" logged by the proxy after byte OFFSET.
# Uploads are the bodies of PUT, PATCH and POST (blobs, manifests; a mount has none).
proxy_since() {
  sleep 0.2 # the proxy logs a request just after answering it
  tail -c "+$(($1 + 1))" "$PROXY_LOG" |
    awk -F'\t' '$1 == "PUT" || $1 == "PATCH" || $1 == "POST" { up += $4 } { n++ } END { printf "%d %d\n", up, n }'
}

# manifest_layers REPO: "digest size" per layer, then "config digest size", then
# "manifest - bytes", read from the registry directly (not counted: outside the timed runs).
manifest_layers() {
  local body
  body=$(mktemp)
  if curl -fsS -o "$body" "http://$REGISTRY/v2/$1/manifests/latest" \
    -H 'Accept: application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json'; then
    jq -r '.layers[] | "\(.digest) \(.size)"' "$body"
    jq -r '"config \(.config.digest) \(.config.size)"' "$body"
    printf 'manifest - %s\n' "$(wc -c <"$body")"
  fi
  rm -f "$body"
}

# minimal_upload BEFORE AFTER: bytes a client must send to go from one image to the next:
# layers the old image lacks, the config if it changed, and the manifest.
minimal_upload() {
  awk 'FILENAME == ARGV[1] { if ($1 == "config") seen[$2] = 1; else seen[$1] = 1; next }
       $1 == "manifest" { total += $3; next }
       $1 == "config" { if (!seen[$2]) total += $3; next }
       !seen[$1] { total += $2 }
       END { print total + 0 }' "$1" "$2"
}

# image_upload OFFSET MANIFEST_FILE: of the bytes uploaded after OFFSET in the proxy log, those
# that belong to the image in MANIFEST_FILE (its layers and config, and manifest PUTs to the
# tag), leaving out anything else a tool may push beside it (an attached artifact, a
# referrers index). An upload session's bytes are tied to a digest by its final PUT ?digest=.
image_upload() {
  tail -c "+$(($1 + 1))" "$PROXY_LOG" |
    awk -F'\t' '
      FILENAME == ARGV[1] {
        split($0, f, " "); if (f[1] == "config") mine[f[2]] = 1; else if (f[1] != "manifest") mine[f[1]] = 1; next
      }
      $1 == "PUT" && $2 ~ /\/manifests\/latest$/ { total += $4; next }
      $2 ~ /\/blobs\/uploads\// {
        session = $2; sub(/.*\/blobs\/uploads\//, "", session); sub(/\?.*/, "", session)
        sent[session] += $4
        if ($1 == "PUT" && match($2, /digest=sha256(:|%3A|%3a)[0-9a-f]+/)) {
          d = substr($2, RSTART + 7, RLENGTH - 7); sub(/^sha256(%3A|%3a)/, "sha256:", d); digest[session] = d
        }
      }
      END { for (s in sent) if ((s in digest) && (digest[s] in mine)) total += sent[s]; print total + 0 }' "$2" -
}

# measure APP CASE TOOL ROUND REPO GOAL: one timed run, one line in the TSV.
measure() {
  local app=$1 kase=$2 tool=$3 round=$4 repo=$5 goal=$6 dir log offset res bytes plugin minimal=- image_up=- props=()
  dir=$(tool_dir "$app" "$tool")
  log=$OUT/logs/$app-$kase-$tool-$round.log
  [[ $tool == maven ]] && dir=$(tool_dir "$app" ours)
  if [[ $tool != maven ]]; then
    mapfile -t props < <(tool_props "$tool" "$dir" "$repo" "$app")
  fi
  mapfile -t -O "${#props[@]}" props < <(app_props "$app")
  # Upload bytes against the changed layers: for an image's manifest (not an index).
  local count_upload=0
  [[ $kase == one-class && $app != *-2p ]] && count_upload=1
  if ((count_upload)); then
    manifest_layers "$repo" >"$OUT/before.txt"
  fi
  # Which build of the plugin this run used: another session may reinstall it meanwhile.
  plugin=$(sha256sum "$PLUGIN_JAR" | cut -c1-12)
  offset=$(stat -c %s "$PROXY_LOG")
  local phase
  phase=$(phase_for "$kase" "$tool")
  res=$(mvn_run "$log" "$dir" "${props[@]}" ${phase:+"$phase"} ${goal:+"$goal"})
  bytes=$(proxy_since "$offset")
  if ((count_upload)); then
    manifest_layers "$repo" >"$OUT/after.txt"
    minimal=$(minimal_upload "$OUT/before.txt" "$OUT/after.txt")
    image_up=$(image_upload "$offset" "$OUT/after.txt")
  fi
  read -r secs rss rc <<<"$res"
  read -r up reqs <<<"$bytes"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
    "$app" "$kase" "$tool" "$round" "$secs" "$rss" "$up" "$reqs" "$image_up" "$minimal" "$rc" "$plugin" >>"$TSV"
  if [[ $rc != 0 ]]; then
    say "  $app $kase $tool round $round FAILED (exit $rc), see $log"
    tail -n 15 "$log" | sed 's/^/    /'
  else
    say "  $app $kase $tool round $round: ${secs}s, $((rss / 1024)) MiB, $up B up, $reqs requests"
  fi
}

# phase_for CASE TOOL: the lifecycle phase run before the goal: compile where sources changed
# (or nothing was built yet), none where the image step alone is measured, and validate for
# the Maven floor (tool "maven": Maven's start and the project model, no image goal).
phase_for() {
  if [[ $2 == maven ]]; then
    echo validate
    return
  fi
  case $1 in
    cold | elsewhere | one-class | prime) echo compile ;;
    *) ;;
  esac
}

# Ours first in odd rounds, Jib first in even ones.
order() { (($1 % 2)) && echo "ours jib" || echo "jib ours"; }

# Everything both tools need (dependencies, Maven plugins, Jib and its own dependencies, the
# base in each cache) is fetched once here, so no timed run waits for Maven Central. It also
# creates the warm target repositories. Not timed.
warm_up() {
  local app=$1 tool dir res
  for tool in ours jib; do
    copy_app "$app" "$tool"
    dir=$(tool_dir "$app" "$tool")
    local props=()
    mapfile -t props < <(tool_props "$tool" "$dir" "bench/$app-$tool" "$app")
    mapfile -t -O "${#props[@]}" props < <(app_props "$app")
    local goals=("$(build_goal "$tool")")
    [[ $app == *-2p ]] || goals+=("$(tar_goal "$tool")")
    res=$(XDG_CACHE_HOME=$dir/xdg-cache XDG_CONFIG_HOME=$dir/xdg-config \
      mvn -B -Dstyle.color=never -f "$dir/app/pom.xml" "${props[@]}" package "${goals[@]}" \
      >"$OUT/logs/$app-warmup-$tool.log" 2>&1 && echo ok || echo failed)
    [[ $res == ok ]] || { tail -n 30 "$OUT/logs/$app-warmup-$tool.log" >&2; die "warm-up of $app with $tool failed, see $OUT/logs/$app-warmup-$tool.log"; }
  done
}

# wants CASE: whether --cases asked for CASE.
wants() { [[ " $CASES " == *" $1 "* ]]; }

# Cold rounds take every app in turn (round 1 of each app, then round 2, ...), so that an app
# and its -2p twin are measured side by side in time: the second platform's cost is their
# difference, which drift between two separate phases would blur.
bench_cold() {
  say "cold build, $COLD_RUNS rounds of: $APPS"
  cold_rounds cold
}

# cold_rounds CASE: COLD_RUNS rounds of CASE, each with fresh caches and a new repository.
cold_rounds() {
  local kase=$1 round app tool
  for ((round = 1; round <= COLD_RUNS; round++)); do
    for app in $APPS; do
      for tool in $(order "$round"); do
        empty_caches "$(tool_dir "$app" "$tool")"
        measure "$app" "$kase" "$tool" "$round" "bench/$app-$tool-$kase-$STAMP-$round" "$(build_goal "$tool")"
      done
    done
  done
}

# Cold builds that push to another registry than the base's, over a slower link: the proxy
# throttles each upload to these repositories (a rule of its own, removed at the end).
bench_elsewhere() {
  local rule="/v2/bench/[^/]+-elsewhere-[^/]+/blobs/uploads/"
  # The tools read BASE (tool_props): here the registry itself, which the target is not.
  local BASE=$REGISTRY/distroless/java17-debian13:nonroot
  say "cold build pushed elsewhere at $((LINK_BYTES_PER_SECOND / 1048576)) MB/s a connection, $COLD_RUNS rounds of: $APPS"
  curl -fsS -X POST "http://$PROXY/_faults" -o /dev/null \
    -d "{\"path\": \"$rule\", \"action\": \"throttle\", \"bytesPerSecond\": $LINK_BYTES_PER_SECOND}" ||
    die "the proxy took no throttle rule"
  cold_rounds elsewhere
  curl -fsS -X DELETE "http://$PROXY/_faults?path=$(jq -rn --arg p "$rule" '$p | @uri')" -o /dev/null || true
}

# The warm cases of one app, each tool's caches and repository kept from its warm-up.
bench_warm() {
  local app=$1 round tool
  if wants no-change; then
    say "$app: no-change rebuild + push, $RUNS rounds (+ mvn validate alone as the floor)"
    # One untimed run of the very command first: the last cold run pushed elsewhere.
    for tool in ours jib; do
      measure "$app" prime "$tool" 0 "bench/$app-$tool" "$(build_goal "$tool")"
    done
    for ((round = 1; round <= RUNS; round++)); do
      for tool in $(order "$round"); do
        measure "$app" no-change "$tool" "$round" "bench/$app-$tool" "$(build_goal "$tool")"
      done
      measure "$app" no-change maven "$round" - ""
    done
  fi

  if wants one-class; then
    say "$app: one-class change, $RUNS rounds"
    for ((round = 1; round <= RUNS; round++)); do
      for tool in $(order "$round"); do
        bump_stamp "$(tool_dir "$app" "$tool")"
        measure "$app" one-class "$tool" "$round" "bench/$app-$tool" "$(build_goal "$tool")"
      done
    done
  fi

  # Jib writes no tar of several platforms.
  if wants tar && [[ $app != *-2p ]]; then
    say "$app: tar export, $RUNS rounds"
    for ((round = 1; round <= RUNS; round++)); do
      for tool in $(order "$round"); do
        measure "$app" tar "$tool" "$round" "bench/$app-$tool" "$(tar_goal "$tool")"
      done
    done
  fi
}

write_meta() {
  local commit dirty jar_sum
  commit=$(git -C "$ROOT" log -1 --format=%h 2>/dev/null || echo unknown)
  dirty=$(git -C "$ROOT" status --porcelain -- src pom.xml 2>/dev/null | wc -l)
  jar_sum=$(sha256sum "$PLUGIN_JAR" | cut -c1-12)
  {
    printf 'date\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    printf 'commit\t%s%s\n' "$commit" "$( ((dirty)) && echo ' (+ uncommitted changes in src/ or pom.xml)')"
    printf 'plugin_jar\t%s sha256 %s built %s\n' "0.1.0-SNAPSHOT" "$jar_sum" "$(date -u -r "$PLUGIN_JAR" +%Y-%m-%dT%H:%M:%SZ)"
    printf 'jib\t%s\n' "$JIB_VERSION"
    printf 'base\t%s\n' "${BASE#"$PROXY"/}"
    printf 'runs\t%s warm, %s cold\n' "$RUNS" "$COLD_RUNS"
    printf 'cases\t%s\n' "$CASES"
    printf 'machine\t%s cores, %s, %s\n' "$(nproc)" "$(free -g | awk '/^Mem:/ { print $2 " GiB" }')" \
      "$(sed -n 's/^PRETTY_NAME=//p' /etc/os-release | tr -d '"')"
    printf 'java\t%s\n' "$(java -version 2>&1 | head -n 1)"
    printf 'maven\t%s\n' "$(mvn -B -v 2>/dev/null | head -n 1 | sed 's/\x1b\[[0-9;]*m//g; s/ (.*//')"
  } >"$OUT/meta.tsv"
}

main() {
  parse_args "$@"
  local started=$SECONDS jar_before
  mkdir -p "$OUT/logs" "$WORK"
  ensure_tools
  ensure_registry
  printf 'app\tcase\ttool\tround\twall_s\tpeak_rss_kib\tuploaded_bytes\trequests\timage_uploaded_bytes\tminimal_upload_bytes\texit\tplugin\n' >"$TSV"
  write_meta
  jar_before=$(sha256sum "$PLUGIN_JAR")
  trap stop_proxy EXIT
  start_proxy
  say "results: $TSV (logs in $OUT/logs)"
  local app
  for app in $APPS; do
    say "$app: warm-up (downloads, not timed)"
    warm_up "$app"
  done
  ! wants cold || bench_cold
  ! wants elsewhere || bench_elsewhere
  for app in $APPS; do
    bench_warm "$app"
  done
  stop_proxy
  if [[ $(sha256sum "$PLUGIN_JAR") != "$jar_before" ]]; then
    say "WARNING: the plugin jar in ~/.m2 changed during the run: the figures mix two builds"
    printf 'warning\tplugin jar changed during the run\n' >>"$OUT/meta.tsv"
  fi
  printf 'elapsed\t%ss\n' "$((SECONDS - started))" >>"$OUT/meta.tsv"
  python3 "$HERE/lib/report.py" "$TSV" | tee "$RESULTS/$STAMP.md"
  say "done in $((SECONDS - started)) s: $TSV, $RESULTS/$STAMP.md"
}

main "$@"
