#!/usr/bin/env bash
# Benchmark of the slim runtime: each app built on the full distroless Java base and on a runtime
# linked with jlink (without and with class data sharing), in one run.
#
#   it/benchmark/jlink.sh [--runs N]
#
# Apps: apps/small (a command-line app, release 17) and apps/spring (Spring PetClinic's starters:
# web, Thymeleaf, data JPA on H2, validation, cache, actuator). For each app and variant it
# prints: the image's compressed size (config and layers, as the registry holds them), the
# median of N container starts (podman run to the app's exit for the small app, to the first
# HTTP 200 for the Spring app; the image pulled before), and the time of distroless:build with
# the runtime linked anew and found linked. Needs the test bed (it/env/setup.sh) and the plugin
# installed (mvn install -DskipTests). Results: results/jlink-<stamp>.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REGISTRY=127.0.0.1:${DISTROLESS_IT_REGISTRY_PORT:-15000}
RUNS=5
while (($#)); do
  case $1 in
    --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
    -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "--runs takes a positive number" >&2; exit 2; }

STAMP=$(date -u +%Y%m%d-%H%M%S)
WORK=$HERE/work/jlink
RESULT=$HERE/results/jlink-$STAMP.md
mkdir -p "$HERE/results"
rm -rf "$WORK" && mkdir -p "$WORK"
say() { printf '[jlink-bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# compressed_size IMAGE@DIGEST : the config's and layers' bytes, as the registry serves them.
compressed_size() {
  local repo=${1%@*} digest=${1#*@}
  repo=${repo#"$REGISTRY"/}; repo=${repo%:*}
  curl -fsS -H 'Accept: application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json' \
    "http://$REGISTRY/v2/$repo/manifests/$digest" |
    python3 -c 'import json, sys; m = json.load(sys.stdin); print(m["config"]["size"] + sum(l["size"] for l in m["layers"]))'
}

# start_once APP IMAGE : seconds from podman run to the app's exit (small) or first HTTP 200.
start_once() {
  local app=$1 image=$2 started port container
  if [[ $app == small ]]; then
    started=$(now)
    podman run --rm "$image" >/dev/null
    echo "$(now) - $started" | bc -l
    return
  fi
  port=$(free_port)
  started=$(now)
  container=$(podman run -d -p "127.0.0.1:$port:8080" "$image")
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" || true) == 200 ]]; do
    sleep 0.05
    if [[ $(podman inspect -f '{{.State.Running}}' "$container") != true ]] \
        || (( $(echo "$(now) - $started > 120" | bc -l) )); then
      podman logs "$container" >&2; podman rm -f "$container" >/dev/null; echo "$image: no HTTP 200 (it stopped, or 120 s passed)" >&2; exit 1
    fi
  done
  echo "$(now) - $started" | bc -l
  podman rm -f "$container" >/dev/null
}

# build APP VARIANT CACHE : one distroless:build; prints its wall seconds.
build() {
  local app=$1 variant=$2 cache=$3 started
  local -a props=("-Ddistroless.to.image=$REGISTRY/bench/jlink-$app-$variant:1"
    "-Ddistroless.registryMirrors=gcr.io=$REGISTRY" -Ddistroless.allowUnpinnedBase=true)
  case $variant in
    jlink) props+=(-Ddistroless.jlink=true) ;;
    jlink-cds) props+=(-Ddistroless.jlink=true -Ddistroless.jlink.cds=true) ;;
  esac
  started=$(now)
  XDG_CACHE_HOME=$cache mvn -B -q -f "$WORK/$app/pom.xml" "${props[@]}" distroless:build \
    > "$WORK/$app-$variant.log" 2>&1 || { cat "$WORK/$app-$variant.log" >&2; exit 1; }
  echo "$(now) - $started" | bc -l
}

{
  echo "# Slim runtime benchmark $STAMP"
  echo
  echo "$RUNS starts per image (median), $(nproc) cores, $(java -version 2>&1 | head -1) linking."
  echo
  echo '| app | image | compressed size | x full | start to ready (median) | build: link | build: linked before |'
  echo '|---|---|---:|---:|---:|---:|---:|'
} > "$RESULT"

for app in small spring; do
  cp -r "$HERE/apps/$app" "$WORK/$app"
  say "$app: compiling"
  mvn -B -q -f "$WORK/$app/pom.xml" compile > "$WORK/$app-compile.log" 2>&1 || { cat "$WORK/$app-compile.log" >&2; exit 1; }
  declare -A size=() link=() linked=() image=() starts=()
  for variant in full jlink jlink-cds; do
    cache=$WORK/cache-$app-$variant
    say "$app $variant: building (first build pulls the base)"
    build "$app" "$variant" "$cache" > /dev/null
    link[$variant]=-
    if [[ $variant != full ]]; then
      rm -rf "$cache/distroless-maven-plugin/runtimes"
      link[$variant]=$(printf '%.2f s' "$(build "$app" "$variant" "$cache")")
    fi
    linked[$variant]=$(printf '%.2f s' "$(build "$app" "$variant" "$cache")")
    digest=$(cat "$WORK/$app/target/distroless/image.digest")
    image[$variant]=$REGISTRY/bench/jlink-$app-$variant@$digest
    size[$variant]=$(compressed_size "${image[$variant]}")
    say "$app $variant: ${size[$variant]} bytes"
    podman pull -q --tls-verify=false "${image[$variant]}" > /dev/null
    start_once "$app" "${image[$variant]}" > /dev/null   # the first start warms the page cache
  done
  # The variants take turns in every round, so that drift in the machine hits them alike.
  for ((i = 0; i < RUNS; i++)); do
    for variant in full jlink jlink-cds; do
      starts[$variant]+="$(start_once "$app" "${image[$variant]}") "
    done
    say "$app: round $((i + 1)) of $RUNS started"
  done
  for variant in full jlink jlink-cds; do
    startup=$(tr ' ' '\n' <<< "${starts[$variant]}" | grep . | median)
    podman rmi -f "${image[$variant]}" > /dev/null 2>&1 || true
    printf '| %s | %s | %.1f MB | %.2f | %.2f s | %s | %s |\n' "$app" "$variant" \
      "$(echo "${size[$variant]} / 1000000" | bc -l)" \
      "$(echo "${size[$variant]} / ${size[full]}" | bc -l)" "$startup" "${link[$variant]}" \
      "${linked[$variant]}" >> "$RESULT"
  done
  unset size link linked image starts
done
cat "$RESULT"
