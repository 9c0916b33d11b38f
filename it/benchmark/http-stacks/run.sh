#!/usr/bin/env bash
# Cold-path measurement of three HTTP stacks against the test bed's registries (see README.md).
# Usage: ./run.sh [ROUNDS]      (default 20; env: HTTP_REG, TLS_REG, OUT)
# Each run is a fresh `java` process; within a round all (stack, case) runs are shuffled so
# load drift from other work on the machine hits all stacks alike.
set -euo pipefail
cd "$(dirname "$0")"
ROUNDS=${1:-20}
HTTP_REG=${HTTP_REG:-http://127.0.0.1:15000}
TLS_REG=${TLS_REG:-https://127.0.0.1:15001}
REPO=distroless/java17-debian13          # tags latest, nonroot
BLOB_REPO=distroless/base-nossl-debian13 # single layer of ~6.5 MB
OUT=${OUT:-results}
mkdir -p "$OUT"

command -v /usr/bin/time >/dev/null || { echo "need GNU time: apt-get install -y time" >&2; exit 1; }

# ---- setup: classpath, compile (not measured), blob digest ---------------------------------
[ -s cp.txt ] || mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt
rm -rf classes && mkdir classes
javac -d classes -cp "$(cat cp.txt)" src/*.java src/jibdirect/com/google/cloud/tools/jib/http/JibDirect.java
CP="classes:$(cat cp.txt)"   # same class path for every stack (as in a plugin realm)

read -r DIGEST SIZE < <(curl -sf -H 'Accept: application/vnd.oci.image.manifest.v1+json' \
  "$HTTP_REG/v2/$BLOB_REPO/manifests/latest" |
  python3 -c 'import json,sys; l=json.load(sys.stdin)["layers"][0]; print(l["digest"], l["size"])')
curl -sf -o /dev/null -I -H 'Accept: application/vnd.oci.image.manifest.v1+json' "$HTTP_REG/v2/$REPO/manifests/latest"
curl -sf -o /dev/null -I -H 'Accept: application/vnd.oci.image.manifest.v1+json' "$HTTP_REG/v2/$REPO/manifests/nonroot"
TLS_OK=1; curl -sk -o /dev/null "$TLS_REG/v2/" || TLS_OK=0
echo "blob $BLOB_REPO@$DIGEST ($SIZE bytes); TLS registry reachable: $TLS_OK"
java -version 2>&1 | head -2

# ---- the jobs: "stack case" -> command ----------------------------------------------------
args() { # case -> program arguments
  case $1 in
    head1) echo "head1 $HTTP_REG $REPO latest" ;;
    head2) echo "head2 $HTTP_REG $REPO latest nonroot" ;;
    blob)  echo "blob $HTTP_REG $BLOB_REPO $DIGEST $SIZE" ;;
    tls)   echo "tls $TLS_REG $REPO latest" ;;
  esac
}
main() { # stack -> JVM options + main class
  case $1 in
    urlconn)    echo "UrlConn" ;;
    jdkhc)      echo "JdkHc" ;;                      # version(HTTP_1_1)
    jdkhc-h2)   echo "-Dhc.version=HTTP_2 JdkHc" ;;  # JDK default version
    jib)        echo "Jib" ;;
    jib-direct) echo "com.google.cloud.tools.jib.http.JibDirect" ;;
    noop)       echo "Noop" ;;
  esac
}
JOBS=()
for c in head1 head2 blob; do for s in urlconn jdkhc jib; do JOBS+=("$s $c"); done; done
JOBS+=("jdkhc-h2 head1")
if [ "$TLS_OK" = 1 ]; then
  for s in urlconn jdkhc jib jdkhc-h2 jib-direct; do JOBS+=("$s tls"); done
fi
JOBS+=("noop -")

run_one() { # stack case -> appends a line to $OUT/runs.tsv
  local s=$1 c=$2 a tf o t0 t1
  a=$([ "$c" = - ] && echo "" || args "$c")
  tf=$(mktemp)
  t0=$(date +%s%N)
  o=$(/usr/bin/time -f '%M %U %S' -o "$tf" java -cp "$CP" $(main "$s") $a 2>/dev/null) || o="FAIL"
  t1=$(date +%s%N)
  case $o in OK*) ;; *) echo "run failed: $s $c: $o" >&2; rm -f "$tf"; return 1 ;; esac
  read -r rss u sy < <(tail -1 "$tf"); rm -f "$tf"
  done_ms=$(sed -n 's/.*done_epoch_ms=\([0-9]*\).*/\1/p' <<<"$o")
  printf '%s\t%s\t%d\t%d\t%s\t%d\t%d\t%s\n' "$s" "$c" $(( done_ms - t0 / 1000000 )) $(( (t1 - t0) / 1000000 )) \
    "$(sed -n 's/.*inproc_ms=\([0-9]*\).*/\1/p' <<<"$o")" "$rss" \
    "$(python3 -c "print(round(($u+$sy)*1000))")" "$(cut -d' ' -f1 /proc/loadavg)" >> "$OUT/runs.tsv"
}

# ---- machine load before ------------------------------------------------------------------
{
  echo "== start $(date -Is)  nproc=$(nproc)  loadavg: $(cat /proc/loadavg)"
  ps -eo pid,pcpu,etime,comm --sort=-pcpu | head -6
} | tee "$OUT/load.txt"
cpu() { awk '/^cpu /{print $2+$3+$4+$6+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat; }
read -r B0 T0 < <(cpu)

# ---- warm the OS page cache / registry once (not recorded) --------------------------------
for j in "${JOBS[@]}"; do set -- $j; OUT=/tmp run_one "$1" "$2" >/dev/null 2>&1 || true; done
rm -f /tmp/runs.tsv

# ---- timed rounds -------------------------------------------------------------------------
printf 'stack\tcase\tstart_to_done_ms\tprocess_wall_ms\tinproc_ms\trss_kb\tcpu_ms\tload1\n' > "$OUT/runs.tsv"
for r in $(seq 1 "$ROUNDS"); do
  printf '%s\n' "${JOBS[@]}" | shuf | while read -r s c; do run_one "$s" "$c"; done
  echo "round $r/$ROUNDS done, loadavg $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done
read -r B1 T1 < <(cpu)
echo "== end $(date -Is)  loadavg: $(cat /proc/loadavg)  machine CPU busy during rounds (all processes incl. ours): $(( 100 * (B1 - B0) / (T1 - T0) ))%" | tee -a "$OUT/load.txt"

# ---- classes loaded (separate runs; logging would distort timing) --------------------------
printf 'stack\tcase\tclasses\tfrom_cds\n' > "$OUT/classes.tsv"
for j in "${JOBS[@]}"; do
  set -- $j; a=$([ "$2" = - ] && echo "" || args "$2")
  java -Xlog:class+load=info:file="$OUT/cl.log"::filecount=0 -cp "$CP" $(main "$1") $a >/dev/null 2>&1
  printf '%s\t%s\t%d\t%d\n' "$1" "$2" "$(grep -c ' source: ' "$OUT/cl.log")" \
    "$(grep -c 'source: shared objects file' "$OUT/cl.log")" >> "$OUT/classes.tsv"
done
rm -f "$OUT/cl.log"

# ---- connections opened (keep-alive check), if strace exists ------------------------------
if command -v strace >/dev/null; then
  printf 'stack\tcase\tconnects\n' > "$OUT/connects.tsv"
  for j in "urlconn head2" "jdkhc head2" "jib head2" "urlconn tls" "jdkhc tls" "jib tls" "jib-direct tls"; do
    set -- $j; [ "$2" = tls ] && [ "$TLS_OK" = 0 ] && continue
    port=$([ "$2" = tls ] && echo "${TLS_REG##*:}" || echo "${HTTP_REG##*:}")
    n=$(strace -f -e trace=connect java -cp "$CP" $(main "$1") $(args "$2") 2>&1 >/dev/null |
        grep -cE "sin6?_port=htons\($port\)" || true)
    printf '%s\t%s\t%s\n' "$1" "$2" "$n" >> "$OUT/connects.tsv"
  done
fi

# ---- table --------------------------------------------------------------------------------
python3 table.py "$OUT"
