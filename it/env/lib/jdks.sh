# A JDK of another architecture, for the scenario that links a Java runtime for each platform
# of a multi-platform image (jlink of this machine's JDK reads its packaged modules, jmods/):
# Debian's openjdk-17 for the other architecture of the bases, unpacked once. Its feature and
# interim version match this machine's JDK 17 (bookworm's), as jlink requires.

# Where the scenario finds it: the POM's it.jdks (the same default) names this folder.
JDKS_DIR="${DISTROLESS_IT_JDKS:-/opt/distroless-it/jdks}"
FOREIGN_ARCH=arm64
[[ $HOST_ARCH != arm64 ]] || FOREIGN_ARCH=amd64
FOREIGN_JDK_PACKAGES=(openjdk-17-jre-headless openjdk-17-jdk-headless)

# foreign_jdk_home : the unpacked JDK's home folder.
foreign_jdk_home() { printf '%s/java-17-openjdk-%s' "$JDKS_DIR" "$FOREIGN_ARCH"; }

ensure_foreign_jdk() {
  local channel home files=() pkg file sha tmp
  channel=$(channel bookworm "$FOREIGN_ARCH")
  prepare_channel "$channel"
  while read -r pkg file sha; do
    files+=("$file")
    # shellcheck disable=SC2034,SC2004  # associative array declared in debian-apt.sh
    DEB_SHA256[$file]=$sha
  done < <(resolve "$channel" "${FOREIGN_JDK_PACKAGES[@]}")
  home=$(foreign_jdk_home)
  # Unpacked again only when the archive has newer packages.
  if [[ -f $home/.packages && "$(cat "$home/.packages")" == "${files[*]}" ]]; then
    return 0
  fi
  fetch_debs "$channel" "${files[@]}"
  tmp="$home.partial"
  rm -rf "$tmp"
  mkdir -p "$tmp/root"
  for file in "${files[@]}"; do
    dpkg-deb -x "$DEB_DIR/$file" "$tmp/root"
  done
  [[ -f $tmp/root/usr/lib/jvm/java-17-openjdk-$FOREIGN_ARCH/jmods/java.base.jmod ]] ||
    die "the $FOREIGN_ARCH JDK 17 packages hold no jmods/java.base.jmod"
  mv "$tmp/root/usr/lib/jvm/java-17-openjdk-$FOREIGN_ARCH" "$tmp/home"
  printf '%s' "${files[*]}" >"$tmp/home/.packages"
  rm -rf "$home"
  mv "$tmp/home" "$home"
  rm -rf "$tmp"
  step "jdks: JDK 17 for $FOREIGN_ARCH unpacked in $home"
}
