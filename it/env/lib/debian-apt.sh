# Private apt instances that only resolve and download .debs, one per channel: a Debian
# suite for one architecture ("trixie" for the machine's own, "trixie-arm64" for another;
# apt downloads any architecture's packages on any machine). They never touch the system's
# apt state; lists and .debs live in the cache.

APT_ROOT="$CACHE_ROOT/apt"
DEB_DIR="$CACHE_ROOT/debs"
DEBIAN_KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
declare -A APT_UPDATED=()   # channels whose lists were refreshed during this run
declare -A DEB_SHA256=()    # .deb file name -> sha256 the archive index gives

# archive_uris : print "main URI" and "security URI" taken from the machine's own apt
# sources (deb822 *.sources or one-line sources.list), first match of each kind.
# Mirror hosts are never written into the repo: whatever the machine uses, we use.
archive_uris() {
  local f
  {
    for f in /etc/apt/sources.list.d/*.sources; do
      [[ -f $f ]] || continue
      # deb822: one stanza per paragraph; classify by its first suite.
      awk 'function flush() {
             if (types ~ /(^| )deb( |$)/ && enabled != "no" && uri != "" && suite != "")
               print (suite ~ /-security$/ ? "security" : "main"), uri
             types = uri = suite = enabled = "" }
           /^[ \t]*$/ { flush(); next }
           /^[ \t]*#/ { next }
           tolower($1) == "types:"   { types = $0; sub(/^[^:]*:[ \t]*/, "", types) }
           tolower($1) == "uris:"    { uri = $2 }
           tolower($1) == "suites:"  { suite = $2 }
           tolower($1) == "enabled:" { enabled = tolower($2) }
           END { flush() }' "$f"
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
      [[ -f $f ]] || continue
      # one-line: deb [opts] URI SUITE COMPONENTS...
      sed -e 's/#.*//' -e 's/\[[^]]*\]//' "$f" |
        awk '$1 == "deb" && NF >= 3 { print ($3 ~ /-security$/ ? "security" : "main"), $2 }'
    done
  } | awk '$2 !~ /^cdrom:/ && !seen[$1]++'
}

# channel SUITE ARCH : the channel's name (also its directory under $APT_ROOT).
channel() { if [[ $2 == "$HOST_ARCH" ]]; then echo "$1"; else echo "$1-$2"; fi; }
channel_suite() { echo "${1%%-*}"; }
channel_arch() { if [[ $1 == *-* ]]; then echo "${1#*-}"; else echo "$HOST_ARCH"; fi; }

apt_dir() { echo "$APT_ROOT/$1"; }

# apt_opts CHANNEL : options that point apt at the private dirs and architecture of CHANNEL.
apt_opts() {
  local d arch
  d=$(apt_dir "$1")
  arch=$(channel_arch "$1")
  printf '%s\n' \
    -o "APT::Architecture=$arch" \
    -o "APT::Architectures=$arch" \
    -o "Dir::Etc::SourceList=$d/sources.list" \
    -o "Dir::Etc::SourceParts=$d/empty" \
    -o "Dir::Etc::Preferences=$d/empty/none" \
    -o "Dir::Etc::PreferencesParts=$d/empty" \
    -o "Dir::State=$d/state" \
    -o "Dir::State::Lists=$d/lists" \
    -o "Dir::State::Status=/dev/null" \
    -o "Dir::Cache=$d/cache" \
    -o "Acquire::Languages=none" \
    -o "Acquire::GzipIndexes=true" \
    -o "APT::Sandbox::User=root"
}

private_apt() {
  local channel=$1; shift
  local opts
  mapfile -t opts < <(apt_opts "$channel")
  apt-get -q "${opts[@]}" "$@"
}

# write_sources CHANNEL : its suite, -updates and -security from the machine's URIs.
write_sources() {
  local channel=$1 suite d main security arch line
  suite=$(channel_suite "$channel")
  d=$(apt_dir "$channel")
  main=$(archive_uris | awk '$1 == "main" { print $2 }')
  security=$(archive_uris | awk '$1 == "security" { print $2 }')
  [[ -n $main ]] || die "no Debian archive URI found in /etc/apt/sources.list{,.d}"
  arch=$(channel_arch "$channel")
  mkdir -p "$d/lists/partial" "$d/cache/archives/partial" "$d/state" "$d/empty"
  {
    line="deb [arch=$arch signed-by=$DEBIAN_KEYRING]"
    echo "$line $main $suite main"
    echo "$line $main $suite-updates main"
    [[ -z $security ]] || echo "$line $security $suite-security main"
  } >"$d/sources.list.new"
  # A changed mirror invalidates the lists we hold.
  if ! cmp -s "$d/sources.list.new" "$d/sources.list"; then
    mv "$d/sources.list.new" "$d/sources.list"
    rm -f "$d/lists/"*_* "$d/resolved."*
  else
    rm -f "$d/sources.list.new"
  fi
}

apt_lists_present() {
  compgen -G "$(apt_dir "$1")/lists/*_Packages*" >/dev/null
}

apt_update() {
  local channel=$1 d
  d=$(apt_dir "$channel")
  run_logged "$LOGS/apt-$channel.log" private_apt "$channel" update
  rm -f "$d/resolved."*
  APT_UPDATED[$channel]=1
  step "bases: refreshed package lists for $channel"
}

# prepare_channel CHANNEL : sources written; lists fetched if absent or a refresh is asked.
prepare_channel() {
  local channel=$1
  write_sources "$channel"
  if [[ ${DISTROLESS_IT_REFRESH:-0} == 1 ]] || ! apt_lists_present "$channel"; then
    [[ -n ${APT_UPDATED[$channel]:-} ]] || apt_update "$channel"
  fi
}

# resolve CHANNEL PKG... : print "PKG FILE SHA256" for each PKG's candidate .deb.
# Resolving takes apt ~1.5 s, so the answer is kept until the lists or the names change.
resolve() {
  local channel=$1; shift
  local d key out
  d=$(apt_dir "$channel")
  key=$( { echo "format 2"; printf '%s\n' "$@" | sort -u; stat -c '%n %s %Y' "$d/lists/"*_* 2>/dev/null; } | sha256sum | cut -c1-16)
  out="$d/resolved.$key"
  if [[ ! -s $out ]]; then
    rm -f "$d/resolved."*
    # --print-uris lines: 'URI' FILE SIZE SHA256:HEX ; FILE is NAME_VERSION_ARCH.deb
    private_apt "$channel" download --print-uris "$@" 2>>"$LOGS/apt-$channel.log" |
      awk '{ f = $2; n = f; sub(/_.*/, "", n); h = $4; sub(/^SHA256:/, "", h); print n, f, h }' |
      sort >"$out.tmp" ||
      { rm -f "$out.tmp"; die "cannot resolve packages in $channel (see $LOGS/apt-$channel.log)"; }
    (($(wc -l <"$out.tmp") == $(printf '%s\n' "$@" | sort -u | wc -l))) ||
      { rm -f "$out.tmp"; die "some packages not found in $channel: $*"; }
    mv "$out.tmp" "$out"
  fi
  cat "$out"
}

deb_intact() {
  [[ -s $DEB_DIR/$1 && "$(sha256sum "$DEB_DIR/$1" | cut -d' ' -f1)" == "${DEB_SHA256[$1]:-}" ]]
}

# fetch_debs CHANNEL FILE... : make sure each .deb FILE is in the cache and intact (a run
# may have been cut off mid-download); downloads by exact NAME=VERSION (file names carry
# the version, with ':' escaped as %3a). Only called when an image is built.
fetch_debs() {
  local channel=$1; shift
  local f name ver want=()
  mkdir -p "$DEB_DIR"
  for f in "$@"; do
    deb_intact "$f" && continue
    rm -f "${DEB_DIR:?}/$f"
    name=${f%%_*}
    ver=${f#*_}; ver=${ver%_*}; ver=${ver//%3a/:}
    want+=("$name=$ver")
  done
  ((${#want[@]})) || return 0
  (cd "$DEB_DIR" && run_logged "$LOGS/apt-$channel.log" private_apt "$channel" download "${want[@]}")
  for f in "$@"; do
    deb_intact "$f" || die "$DEB_DIR/$f is missing or does not match the archive's checksum"
  done
  step "bases: downloaded ${#want[@]} packages from $channel"
}
