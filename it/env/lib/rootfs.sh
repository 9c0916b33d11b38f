# Assemble a distroless-style root filesystem from .deb files: package contents only
# (no maintainer scripts, no shell), plus the few files distroless adds itself.

HERE_LIB="${HERE_LIB:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}"

# extract_deb ROOT DEB : unpack DEB's data into ROOT and record its control fields
# the way distroless does (/var/lib/dpkg/status.d/<package>), for SBOM scanners.
extract_deb() {
  local root=$1 deb=$2 pkg
  pkg=$(dpkg-deb -f "$deb" Package)
  # --keep-directory-symlink: trixie's base-files ships /bin -> usr/bin etc.; later
  # packages must go through those links, not replace them with directories.
  dpkg-deb --fsys-tarfile "$deb" | tar -x --keep-directory-symlink -C "$root"
  mkdir -p "$root/var/lib/dpkg/status.d"
  dpkg-deb -f "$deb" >"$root/var/lib/dpkg/status.d/$pkg"
}

# merge_usr ROOT : bookworm packages still ship /bin, /lib, /lib64, /sbin as real
# directories (usrmerge did the merge at install time); fold them into /usr.
merge_usr() {
  local root=$1 d
  for d in bin lib lib64 sbin; do
    if [[ -d $root/$d && ! -L $root/$d ]]; then
      mkdir -p "$root/usr/$d"
      cp -a "$root/$d/." "$root/usr/$d/"
      rm -rf "${root:?}/$d"
    fi
    if [[ ! -e $root/$d && ! -L $root/$d ]] && [[ -d $root/usr/$d || $d != lib64 ]]; then
      mkdir -p "$root/usr/$d"
      ln -s "usr/$d" "$root/$d"
    fi
  done
}

# remove_shells ROOT : distroless has no shell; fail loudly if one slipped in
# through a package we did not expect to carry one.
remove_shells() {
  local root=$1 s d
  for d in usr/bin usr/sbin; do
    for s in sh bash rbash dash zsh ksh mksh busybox; do
      rm -f "$root/$d/$s"
    done
  done
  rm -f "$root/etc/shells"
  if find "$root/usr/bin" "$root/usr/sbin" -name sh -o -name bash -o -name dash | grep -q .; then
    die "a shell is left in $root"
  fi
}

write_accounts() {
  local root=$1
  cat >"$root/etc/passwd" <<'TXT'
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
TXT
  cat >"$root/etc/group" <<'TXT'
root:x:0:
tty:x:5:
staff:x:50:
nonroot:x:65532:
nogroup:x:65534:
TXT
  cat >"$root/etc/nsswitch.conf" <<'TXT'
passwd:         files
group:          files
shadow:         files
gshadow:        files
hosts:          files dns
networks:       files
protocols:      db files
services:       db files
ethers:         db files
rpc:            db files
TXT
  chmod 0644 "$root/etc/passwd" "$root/etc/group" "$root/etc/nsswitch.conf"
}

write_dirs() {
  local root=$1
  mkdir -p "$root/tmp" "$root/root" "$root/home/nonroot" "$root/etc/ssl/certs"
  chmod 1777 "$root/tmp"
  chmod 0700 "$root/root" "$root/home/nonroot"
}

# write_ca_bundle ROOT CA_DEB : the bundle update-ca-certificates would make, i.e. the
# package's certificates concatenated (without running its tooling).
write_ca_bundle() {
  local root=$1 deb=$2 tmp
  tmp=$(mktemp -d)
  dpkg-deb -x "$deb" "$tmp"
  find "$tmp/usr/share/ca-certificates" -name '*.crt' -print0 | LC_ALL=C sort -z |
    xargs -0 cat >"$root/etc/ssl/certs/ca-certificates.crt"
  rm -rf "$tmp"
  [[ -s $root/etc/ssl/certs/ca-certificates.crt ]] || die "empty CA bundle from $deb"
  chmod 0644 "$root/etc/ssl/certs/ca-certificates.crt"
  mkdir -p "$root/var/lib/dpkg/status.d"
  dpkg-deb -f "$deb" >"$root/var/lib/dpkg/status.d/ca-certificates"
}

# add_c_utf8 ROOT LIBC_BIN_DEB : the C.UTF-8 locale (from libc-bin, which is not
# installed as a whole), so LANG=C.UTF-8 works; Java 17 otherwise falls back to ASCII.
add_c_utf8() {
  local root=$1 deb=$2 tmp
  tmp=$(mktemp -d)
  dpkg-deb -x "$deb" "$tmp"
  [[ -d $tmp/usr/lib/locale/C.utf8 ]] || die "no C.utf8 locale in $deb"
  mkdir -p "$root/usr/lib/locale"
  cp -a "$tmp/usr/lib/locale/C.utf8" "$root/usr/lib/locale/"
  rm -rf "$tmp"
}

truststore_path() {
  local gen
  gen=$(sha256sum "$HERE_LIB/MakeTruststore.java" | cut -c1-8)
  echo "$CACHE_ROOT/truststores/$(basename "$1" .deb)-$gen.jks"
}

# truststore_for CA_DEB : path of a JKS truststore (password changeit, like Debian's
# ca-certificates-java) made from CA_DEB's certificates; cached per CA package and
# generator version.
truststore_for() {
  local deb=$1 out tmp
  out=$(truststore_path "$deb")
  if [[ ! -s $out ]]; then
    mkdir -p "$(dirname "$out")"
    tmp=$(mktemp -d)
    dpkg-deb -x "$deb" "$tmp"
    local certs=()
    mapfile -d '' certs < <(find "$tmp/usr/share/ca-certificates" -name '*.crt' -print0 | LC_ALL=C sort -z)
    # The host JDK's source launcher runs the tiny generator; keytool alone cannot
    # import a PEM bundle without one JVM start per certificate.
    if run_logged "$LOGS/truststore.log" java "$HERE_LIB/MakeTruststore.java" "$out.tmp" "${certs[@]}"; then
      mv "$out.tmp" "$out"
    elif [[ -s /etc/ssl/certs/java/cacerts ]]; then
      cp /etc/ssl/certs/java/cacerts "$out"
      step "bases: host JDK could not build a truststore; copied the host's cacerts" >&2
    else
      die "cannot make a Java truststore (see $LOGS/truststore.log)"
    fi
    rm -rf "$tmp"
  fi
  echo "$out"
}

# add_java ROOT JRE_DEB CA_DEB : /usr/bin/java link (update-alternatives is a maintainer
# script, so it never ran) and the system truststore the JRE's cacerts link points at.
add_java() {
  local root=$1 jre_deb=$2 ca_deb=$3 java store
  java=$(cd "$root" && find usr/lib/jvm -path '*/bin/java' -type f | head -n 1)
  [[ -n $java ]] || die "no bin/java in $(basename "$jre_deb")"
  ln -sfn "/$java" "$root/usr/bin/java"
  store=$(truststore_for "$ca_deb")
  mkdir -p "$root/etc/ssl/certs/java"
  install -m 0644 "$store" "$root/etc/ssl/certs/java/cacerts"
}

# assemble_rootfs ROOT CA_DEB LIBC_BIN_DEB|"" JRE_DEB|"" DEB... : the whole filesystem,
# ownership fixed to root except the nonroot home, so content never depends on the builder.
assemble_rootfs() {
  local root=$1 ca_deb=$2 libc_bin_deb=$3 jre_deb=$4; shift 4
  local deb
  mkdir -p "$root"
  for deb in "$@"; do
    extract_deb "$root" "$deb"
  done
  merge_usr "$root"
  write_dirs "$root"
  write_accounts "$root"
  write_ca_bundle "$root" "$ca_deb"
  [[ -z $libc_bin_deb ]] || add_c_utf8 "$root" "$libc_bin_deb"
  [[ -z $jre_deb ]] || add_java "$root" "$jre_deb" "$ca_deb"
  remove_shells "$root"
  chown -R 0:0 "$root"
  chown 65532:65532 "$root/home/nonroot"
}
