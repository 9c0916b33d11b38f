# Distroless-equivalent base images, built from Debian packages and cached by the
# exact package files they contain.

# Bump when the assembly logic (rootfs.sh, oci.sh, this file) changes what is built:
# it is part of every cache key.
ASSEMBLY_VERSION=3

IMAGES=(static-debian13 base-nossl-debian13 base-debian13 cc-debian13
  java-base-debian13 java17-debian13 java21-debian13 java25-debian13)
TAGS=(latest nonroot)

# Package sets as in the distroless repository (see /work/shared/TESTENV.md).
T_STATIC="base-files netbase tzdata tzdata-legacy media-types"
T_NOSSL="$T_STATIC libc6"
T_BASE="$T_NOSSL libssl3t64"
T_CC="$T_BASE libgcc-s1 libgomp1 libstdc++6 gcc-14-base"
JAVA_LIBS="zlib1g libjpeg62-turbo liblcms2-2 libfreetype6 fonts-dejavu-core fontconfig-config
  libexpat1 libfontconfig1 libuuid1 libbrotli1 libcrypt1 libstdc++6 libgcc-s1"
T_JAVA_BASE="$T_NOSSL $JAVA_LIBS gcc-14-base libpng16-16t64 libbz2-1.0"
# openjdk-17 exists only in bookworm, so java17 is a bookworm image throughout (its
# JRE must run on the libc it was built for): gcc-12-base, libpng16-16, no tzdata-legacy.
B_JAVA_BASE="base-files netbase tzdata media-types libc6 $JAVA_LIBS gcc-12-base libpng16-16 libbz2-1.0"

# image_spec NAME : sets SPEC_SUITE, SPEC_PKGS (first is base-files), SPEC_JRE.
image_spec() {
  SPEC_SUITE=trixie SPEC_JRE=
  case $1 in
    static-debian13) SPEC_PKGS=$T_STATIC ;;
    base-nossl-debian13) SPEC_PKGS=$T_NOSSL ;;
    base-debian13) SPEC_PKGS=$T_BASE ;;
    cc-debian13) SPEC_PKGS=$T_CC ;;
    java-base-debian13) SPEC_PKGS=$T_JAVA_BASE ;;
    java17-debian13) SPEC_SUITE=bookworm SPEC_JRE=openjdk-17-jre-headless ;;
    java21-debian13) SPEC_JRE=openjdk-21-jre-headless ;;
    java25-debian13) SPEC_JRE=openjdk-25-jre-headless ;;
    *) die "unknown image $1" ;;
  esac
  case $1 in
    java17-*) SPEC_PKGS="$B_JAVA_BASE $SPEC_JRE" ;;
    java2*) SPEC_PKGS="$T_JAVA_BASE $SPEC_JRE" ;;
  esac
  SPEC_PKGS=$(xargs <<<"$SPEC_PKGS")   # one line, single spaces
}

suites() { printf '%s\n' trixie bookworm; }

# all_packages SUITE : every package any image of SUITE needs, plus the packages
# parts are taken from (CA certificates, the C.UTF-8 locale).
all_packages() {
  local name
  {
    printf '%s\n' ca-certificates libc-bin
    for name in "${IMAGES[@]}"; do
      image_spec "$name"
      # shellcheck disable=SC2086  # a space-separated list
      [[ $SPEC_SUITE != "$1" ]] || printf '%s\n' $SPEC_PKGS
    done
  } | sort -u
}

declare -A RESOLVED=()   # "suite pkg" -> .deb file name
declare -A IMAGE_KEY=()  # image name -> cache key

resolve_suite() {
  local suite=$1 out pkg file sha pkgs
  mapfile -t pkgs < <(all_packages "$suite")
  out=$(resolve "$suite" "${pkgs[@]}")
  while read -r pkg file sha; do
    RESOLVED["$suite $pkg"]=$file
    # shellcheck disable=SC2034,SC2004  # associative array declared in debian-apt.sh
    DEB_SHA256[$file]=$sha
  done <<<"$out"
}

# image_debs NAME : the .deb files of NAME in install order (base-files first).
image_debs() {
  local pkg
  image_spec "$1"
  for pkg in $SPEC_PKGS; do
    echo "${RESOLVED["$SPEC_SUITE $pkg"]}"
  done
}

ca_deb() { echo "${RESOLVED["$1 ca-certificates"]}"; }

# libc_bin_deb NAME : libc-bin's .deb if image NAME has a libc (static has none).
libc_bin_deb() {
  image_spec "$1"
  if [[ " $SPEC_PKGS " == *" libc6 "* ]]; then echo "${RESOLVED["$SPEC_SUITE libc-bin"]}"; fi
}

# extra_debs NAME : .debs that contribute parts of files to image NAME.
extra_debs() {
  image_spec "$1"
  ca_deb "$SPEC_SUITE"
  libc_bin_deb "$1"
}

# compute_keys : cache key per image from its package files and ASSEMBLY_VERSION.
compute_keys() {
  local name hash
  for name in "${IMAGES[@]}"; do
    image_spec "$name"
    hash=$( {
      echo "assembly $ASSEMBLY_VERSION $name"
      image_debs "$name" | sort
      extra_debs "$name"
    } | sha256sum | cut -c1-16)
    IMAGE_KEY[$name]="$name-$hash"
  done
}

image_layout() { echo "$CACHE_ROOT/${IMAGE_KEY[$1]}"; }
image_cached() { [[ -f "$(image_layout "$1")/index.json" ]]; }

# plan : resolve package versions from the lists we hold and key every image.
plan() {
  local suite
  for suite in $(suites); do
    prepare_suite "$suite"
    resolve_suite "$suite"
  done
  compute_keys
}

# Suites of images not in the cache; their lists get refreshed before building so a
# new build uses current packages (the cached lists may be days old).
stale_suites() {
  local name
  for name in "${IMAGES[@]}"; do
    image_cached "$name" && continue
    image_spec "$name"
    echo "$SPEC_SUITE"
  done | sort -u
}

build_image() {
  local name=$1 layout tmp debs=() extras=() paths=() env entrypoint=null jre_deb="" libc_bin="" suite pkg
  image_spec "$name"
  suite=$SPEC_SUITE
  layout=$(image_layout "$name")
  mapfile -t debs < <(image_debs "$name")
  libc_bin=$(libc_bin_deb "$name")
  mapfile -t extras < <(extra_debs "$name")
  fetch_debs "$suite" "${debs[@]}" "${extras[@]}"
  for pkg in "${debs[@]}"; do paths+=("$DEB_DIR/$pkg"); done
  [[ -z $SPEC_JRE ]] || jre_deb="$DEB_DIR/${RESOLVED["$suite $SPEC_JRE"]}"
  tmp=$(mktemp -d -p "$CACHE_ROOT" ".build-$name.XXXXXX")
  BUILD_TMP=$tmp
  assemble_rootfs "$tmp/rootfs" "$DEB_DIR/$(ca_deb "$suite")" "${libc_bin:+$DEB_DIR/$libc_bin}" \
    "$jre_deb" "${paths[@]}"
  env='["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"]'
  if [[ -n $jre_deb ]]; then
    env=$(jq -c --arg v "$(dpkg-deb -f "$jre_deb" Version)" '. + ["LANG=C.UTF-8", "JAVA_VERSION=" + $v]' <<<"$env")
    entrypoint='["/usr/bin/java","-jar"]'
  fi
  write_layout "$tmp/oci" "$tmp/rootfs" "$env" "$entrypoint"
  printf '%s\n' "${debs[@]}" "${extras[@]}" >"$tmp/oci/packages.txt"
  rm -rf "$layout"
  mv "$tmp/oci" "$layout"   # atomic: a layout dir with index.json is always complete
  rm -rf "$tmp"
  BUILD_TMP=
}

# smoke_test NAME : a freshly built java image must start its JRE as root and nonroot.
smoke_test() {
  local name=$1 ref="$REGISTRY/distroless/$1" major tag out
  image_spec "$name"
  [[ -n $SPEC_JRE ]] || return 0
  major=${SPEC_JRE#openjdk-}; major=${major%%-*}
  for tag in "${TAGS[@]}"; do
    # --pull=always: an older build under the same tag may sit in podman's storage.
    out=$(podman run --rm --pull=always --tls-verify=false "$ref:$tag" -version 2>&1) ||
      { printf '%s\n' "$out" >&2; die "$ref:$tag cannot run java -version"; }
    printf '%s\n' "$ref:$tag" "$out" >>"$LOGS/smoke.log"
    grep -q "version \"${major}[.\"]" <<<"$out" || { printf '%s\n' "$out" >&2; die "$ref:$tag is not Java $major"; }
  done
}

# verify_once NAME : smoke-test each cached layout once (also after an interrupted run).
verify_once() {
  local marker
  marker="$(image_layout "$1")/smoke-tested"
  [[ -f $marker ]] && return
  smoke_test "$1"
  touch "$marker"
}

# prune_cache : after a rebuild, drop layouts, .debs and truststores no current image
# uses, so the cache does not grow with every Debian point release.
prune_cache() {
  local name dir keep=() f
  for name in "${IMAGES[@]}"; do
    for dir in "$CACHE_ROOT/$name-"????????????????; do
      [[ -d $dir && $dir != "$(image_layout "$name")" ]] && rm -rf "$dir"
    done
    mapfile -t -O "${#keep[@]}" keep < <(image_debs "$name"; extra_debs "$name")
  done
  for f in "$DEB_DIR"/*.deb; do
    [[ -e $f ]] || continue
    [[ " ${keep[*]} " == *" ${f##*/} "* ]] || rm -f "$f"
  done
  for f in "$CACHE_ROOT/truststores"/*.jks; do
    [[ -e $f ]] || continue
    [[ $f == "$(truststore_path "$(ca_deb trixie)")" || $f == "$(truststore_path "$(ca_deb bookworm)")" ]] ||
      rm -f "$f"
  done
}

# refresh_stale_lists : true if lists were refreshed because some image must be built.
refresh_stale_lists() {
  local suite refreshed=1
  for suite in $(stale_suites); do
    [[ -z ${APT_UPDATED[$suite]:-} ]] || continue
    apt_update "$suite"
    refreshed=0
  done
  return "$refreshed"
}

# ensure_image NAME : build if not cached, push tags the registry lacks, smoke-test.
ensure_image() {
  local name=$1 t0=$SECONDS what tag status pushed=()
  if image_cached "$name"; then
    what=cached
  else
    build_image "$name"
    what="built in $((SECONDS - t0))s"
    IMAGES_BUILT=1
  fi
  for tag in "${TAGS[@]}"; do
    # A plain assignment, so a failed push stops the script (set -e).
    status=$(push_tag "$(image_layout "$name")" "distroless/$name" "$tag")
    [[ $status == current ]] || pushed+=("$tag")
  done
  verify_once "$name"
  if ((${#pushed[@]})); then what+=", pushed ${pushed[*]}"; else what+=", registry current"; fi
  step "bases: $name $what (key ${IMAGE_KEY[$name]#"$name"-})"
}

ensure_bases() {
  local name
  mkdir -p "$CACHE_ROOT"
  BUILD_TMP="" IMAGES_BUILT=0
  trap '[[ -z ${BUILD_TMP:-} ]] || rm -rf "$BUILD_TMP"' EXIT
  plan
  if refresh_stale_lists; then plan; fi
  for name in "${IMAGES[@]}"; do
    ensure_image "$name"
  done
  ((IMAGES_BUILT == 0)) || prune_cache
}
