# Other Maven generations, for the scenario that builds one project on each and compares the
# digests: Maven 3.9 and Maven 4, from Maven Central, unpacked once under the cache.

MAVEN_VERSIONS=(3.9.16 4.0.0-rc-4)
# Where the scenario finds them: the POM's it.mavens (the same default) names this folder.
MAVENS_DIR="${DISTROLESS_IT_MAVENS:-/opt/distroless-it/mavens}"

# maven_home VERSION : where that Maven is unpacked.
maven_home() { printf '%s/apache-maven-%s' "$MAVENS_DIR" "$1"; }

ensure_mavens() {
  local version home archive
  for version in "${MAVEN_VERSIONS[@]}"; do
    home=$(maven_home "$version")
    if [[ -x $home/bin/mvn ]]; then
      continue
    fi
    archive="$MAVENS_DIR/apache-maven-$version-bin.tar.gz"
    if [[ ! -s $archive ]]; then
      run_logged "$LOGS/mavens.log" mvn -B -q dependency:copy \
        "-Dartifact=org.apache.maven:apache-maven:$version:tar.gz:bin" \
        "-DoutputDirectory=$MAVENS_DIR"
    fi
    rm -rf "$home.partial"
    mkdir -p "$home.partial"
    tar -xzf "$archive" -C "$home.partial" --strip-components=1
    mv "$home.partial" "$home"
    step "mavens: Maven $version unpacked in $home"
  done
}
