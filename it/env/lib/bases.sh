# Distroless-equivalent base images, built from Debian packages and cached by the
# exact package files they contain.

# Bump when the assembly logic (rootfs.sh, oci.sh, this file) changes what is built:
# it is part of every cache key.
ASSEMBLY_VERSION=3

IMAGES=(static-debian13 base-nossl-debian13 base-debian13 cc-debian13
  java-base-debian13 java17-debian13 java21-debian13 java25-debian13)
TAGS=(latest nonroot)
# Every tag is an image index of these platforms, as the distroless registry serves them;
# the first is the machine's own.
ARCHES=("$HOST_ARCH" arm64)
[[ $HOST_ARCH != arm64 ]] || ARCHES=(arm64 amd64)
# variant ARCH : the CPU variant image indexes name for ARCH, if any.
variant() { if [[ $1 == arm64 ]]; then echo v8; fi; }

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

# channels : every suite for every architecture (see debian-apt.sh).
channels() {
  local suite arch
  for suite in trixie bookworm; do
    for arch in "${ARCHES[@]}"; do channel "$suite" "$arch"; done
  done
}

# all_packages CHANNEL : every package any image of its suite needs, plus the packages
# parts are taken from (CA certificates, the C.UTF-8 locale).
all_packages() {
  local name suite
  suite=$(channel_suite "$1")
  {
    printf '%s\n' ca-certificates libc-bin
    for name in "${IMAGES[@]}"; do
      image_spec "$name"
      # shellcheck disable=SC2086  # a space-separated list
      [[ $SPEC_SUITE != "$suite" ]] || printf '%s\n' $SPEC_PKGS
    done
  } | sort -u
}

declare -A RESOLVED=()   # "channel pkg" -> .deb file name
declare -A IMAGE_KEY=()  # "image arch" -> cache key of its layout; "image index" -> of the index

resolve_channel() {
  local channel=$1 out pkg file sha pkgs
  mapfile -t pkgs < <(all_packages "$channel")
  out=$(resolve "$channel" "${pkgs[@]}")
  while read -r pkg file sha; do
    RESOLVED["$channel $pkg"]=$file
    # shellcheck disable=SC2034,SC2004  # associative array declared in debian-apt.sh
    DEB_SHA256[$file]=$sha
  done <<<"$out"
}

# image_channel NAME ARCH : the channel NAME's packages come from for ARCH.
image_channel() {
  image_spec "$1"
  channel "$SPEC_SUITE" "$2"
}

# image_debs NAME ARCH : the .deb files of NAME in install order (base-files first).
image_debs() {
  local pkg channel
  channel=$(image_channel "$1" "$2")
  image_spec "$1"
  for pkg in $SPEC_PKGS; do
    echo "${RESOLVED["$channel $pkg"]}"
  done
}

ca_deb() { echo "${RESOLVED["$1 ca-certificates"]}"; }

# libc_bin_deb NAME ARCH : libc-bin's .deb if image NAME has a libc (static has none).
libc_bin_deb() {
  local channel
  channel=$(image_channel "$1" "$2")
  image_spec "$1"
  if [[ " $SPEC_PKGS " == *" libc6 "* ]]; then echo "${RESOLVED["$channel libc-bin"]}"; fi
}

# extra_debs NAME ARCH : .debs that contribute parts of files to image NAME.
extra_debs() {
  ca_deb "$(image_channel "$1" "$2")"
  libc_bin_deb "$1" "$2"
}

# compute_keys : cache key per image and architecture from its package files and
# ASSEMBLY_VERSION (the machine's own architecture keeps the key it always had), and per
# image index from the keys of its images.
compute_keys() {
  local name arch hash keys
  for name in "${IMAGES[@]}"; do
    keys=()
    for arch in "${ARCHES[@]}"; do
      hash=$( {
        echo "assembly $ASSEMBLY_VERSION $name"
        [[ $arch == "$HOST_ARCH" ]] || echo "architecture $arch $(variant "$arch")"
        image_debs "$name" "$arch" | sort
        extra_debs "$name" "$arch"
      } | sha256sum | cut -c1-16)
      if [[ $arch == "$HOST_ARCH" ]]; then
        IMAGE_KEY["$name $arch"]="$name-$hash"
      else
        IMAGE_KEY["$name $arch"]="$name-$arch-$hash"
      fi
      keys+=("${IMAGE_KEY["$name $arch"]}")
    done
    hash=$(printf '%s\n' "assembly $ASSEMBLY_VERSION" "${keys[@]}" | sha256sum | cut -c1-16)
    IMAGE_KEY["$name index"]="$name-index-$hash"
  done
}

# image_layout NAME ARCH|index : the cached layout of NAME's image for ARCH, or of its index.
image_layout() { echo "$CACHE_ROOT/${IMAGE_KEY["$1 $2"]}"; }
image_cached() { [[ -f "$(image_layout "$1" "$2")/index.json" ]]; }

# plan : resolve package versions from the lists we hold and key every image.
plan() {
  local channel
  for channel in $(channels); do
    prepare_channel "$channel"
    resolve_channel "$channel"
  done
  compute_keys
}

# Channels of images not in the cache; their lists get refreshed before building so a
# new build uses current packages (the cached lists may be days old).
stale_channels() {
  local name arch
  for name in "${IMAGES[@]}"; do
    for arch in "${ARCHES[@]}"; do
      image_cached "$name" "$arch" || image_channel "$name" "$arch"
    done
  done | sort -u
}

# build_image NAME ARCH : NAME's layout for ARCH, from that architecture's packages.
build_image() {
  local name=$1 arch=$2 layout tmp debs=() extras=() paths=() env entrypoint=null jre_deb="" libc_bin="" channel pkg
  channel=$(image_channel "$name" "$arch")
  image_spec "$name"
  layout=$(image_layout "$name" "$arch")
  mapfile -t debs < <(image_debs "$name" "$arch")
  libc_bin=$(libc_bin_deb "$name" "$arch")
  mapfile -t extras < <(extra_debs "$name" "$arch")
  image_spec "$name"
  fetch_debs "$channel" "${debs[@]}" "${extras[@]}"
  for pkg in "${debs[@]}"; do paths+=("$DEB_DIR/$pkg"); done
  [[ -z $SPEC_JRE ]] || jre_deb="$DEB_DIR/${RESOLVED["$channel $SPEC_JRE"]}"
  tmp=$(mktemp -d -p "$CACHE_ROOT" ".build-$name-$arch.XXXXXX")
  BUILD_TMP=$tmp
  assemble_rootfs "$tmp/rootfs" "$DEB_DIR/$(ca_deb "$channel")" "${libc_bin:+$DEB_DIR/$libc_bin}" \
    "$jre_deb" "${paths[@]}"
  env='["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"]'
  if [[ -n $jre_deb ]]; then
    env=$(jq -c --arg v "$(dpkg-deb -f "$jre_deb" Version)" '. + ["LANG=C.UTF-8", "JAVA_VERSION=" + $v]' <<<"$env")
    entrypoint='["/usr/bin/java","-jar"]'
  fi
  write_layout "$tmp/oci" "$tmp/rootfs" "$env" "$entrypoint" "$arch" "$(variant "$arch")"
  printf '%s\n' "${debs[@]}" "${extras[@]}" >"$tmp/oci/packages.txt"
  rm -rf "$layout"
  mv "$tmp/oci" "$layout"   # atomic: a layout dir with index.json is always complete
  rm -rf "$tmp"
  BUILD_TMP=
}

# build_index NAME : NAME's index layout (one image index per tag, over the layouts of
# every architecture), from layouts already built.
build_index() {
  local name=$1 layout tmp arch layouts=()
  layout=$(image_layout "$name" index)
  for arch in "${ARCHES[@]}"; do layouts+=("$(image_layout "$name" "$arch")"); done
  tmp=$(mktemp -d -p "$CACHE_ROOT" ".build-$name-index.XXXXXX")
  BUILD_TMP=$tmp
  write_index_layout "$tmp/oci" "${layouts[@]}"
  rm -rf "$layout"
  mv "$tmp/oci" "$layout"
  rm -rf "$tmp"
  BUILD_TMP=
}

# smoke_test NAME : a freshly built java image must start its JRE as root and nonroot, and
# its arm64 image (emulated, slow: nonroot only) when this machine can run arm64 binaries.
smoke_test() {
  local name=$1 ref="$REGISTRY/distroless/$1" major tag
  image_spec "$name"
  [[ -n $SPEC_JRE ]] || return 0
  major=${SPEC_JRE#openjdk-}; major=${major%%-*}
  # The emulated run first, so podman's storage keeps the machine's own image under the tag.
  if [[ " ${ARCHES[*]} " == *" arm64 "* && $HOST_ARCH != arm64 ]] && arm64_emulation; then
    java_runs "$ref:nonroot" "$major" linux/arm64
  fi
  for tag in "${TAGS[@]}"; do
    java_runs "$ref:$tag" "$major" "linux/$HOST_ARCH"
  done
}

# java_runs REF MAJOR PLATFORM : REF's java -version on PLATFORM names Java MAJOR.
java_runs() {
  local ref=$1 major=$2 platform=$3 out
  # --pull=always: an older build, or another platform's, may sit in podman's storage.
  out=$(podman run --rm --pull=always --platform "$platform" --tls-verify=false "$ref" -version 2>&1) ||
    { printf '%s\n' "$out" >&2; die "$ref ($platform) cannot run java -version"; }
  printf '%s\n' "$ref $platform" "$out" >>"$LOGS/smoke.log"
  grep -q "version \"${major}[.\"]" <<<"$out" || { printf '%s\n' "$out" >&2; die "$ref ($platform) is not Java $major"; }
}

# verify_once NAME : smoke-test each cached index once (also after an interrupted run).
verify_once() {
  local marker
  marker="$(image_layout "$1" index)/smoke-tested"
  [[ -f $marker ]] && return
  smoke_test "$1"
  touch "$marker"
}

# prune_cache : after a rebuild, drop layouts, .debs and truststores no current image
# uses, so the cache does not grow with every Debian point release.
prune_cache() {
  local name dir arch keep=() keep_layouts=" " f channel stores=" "
  for name in "${IMAGES[@]}"; do
    keep_layouts+="$(image_layout "$name" index) "
    for arch in "${ARCHES[@]}"; do
      keep_layouts+="$(image_layout "$name" "$arch") "
      mapfile -t -O "${#keep[@]}" keep < <(image_debs "$name" "$arch"; extra_debs "$name" "$arch")
    done
    for dir in "$CACHE_ROOT/$name-"????????????????  "$CACHE_ROOT/$name-"*-????????????????; do
      [[ -d $dir && $keep_layouts != *" $dir "* ]] && rm -rf "$dir"
    done
  done
  for f in "$DEB_DIR"/*.deb; do
    [[ -e $f ]] || continue
    [[ " ${keep[*]} " == *" ${f##*/} "* ]] || rm -f "$f"
  done
  for channel in $(channels); do stores+="$(truststore_path "$(ca_deb "$channel")") "; done
  for f in "$CACHE_ROOT/truststores"/*.jks; do
    [[ -e $f ]] || continue
    [[ $stores == *" $f "* ]] || rm -f "$f"
  done
}

# refresh_stale_lists : true if lists were refreshed because some image must be built.
refresh_stale_lists() {
  local channel refreshed=1
  for channel in $(stale_channels); do
    [[ -z ${APT_UPDATED[$channel]:-} ]] || continue
    apt_update "$channel"
    refreshed=0
  done
  return "$refreshed"
}

# ensure_image NAME : build each architecture's image and the index if not cached, push
# tags the registry lacks, smoke-test.
ensure_image() {
  local name=$1 t0=$SECONDS what="" arch tag status pushed=() built=()
  for arch in "${ARCHES[@]}"; do
    image_cached "$name" "$arch" && continue
    build_image "$name" "$arch"
    built+=("$arch")
  done
  if ((${#built[@]})) || ! image_cached "$name" index; then
    build_index "$name"
    IMAGES_BUILT=1
  fi
  if ((${#built[@]})); then what="built ${built[*]} in $((SECONDS - t0))s"; else what=cached; fi
  for tag in "${TAGS[@]}"; do
    # A plain assignment, so a failed push stops the script (set -e).
    status=$(push_tag "$(image_layout "$name" index)" "distroless/$name" "$tag")
    [[ $status == current ]] || pushed+=("$tag")
  done
  verify_once "$name"
  if ((${#pushed[@]})); then what+=", pushed ${pushed[*]}"; else what+=", registry current"; fi
  step "bases: $name ${ARCHES[*]} $what (key ${IMAGE_KEY["$name index"]#"$name"-index-})"
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
