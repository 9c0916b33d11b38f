# Write a rootfs as a one-layer OCI image layout (tags latest and nonroot) without any
# container engine, join such layouts of several architectures under one image index per
# tag, and push tags to the registry only when their digest differs.

OCI_MANIFEST=application/vnd.oci.image.manifest.v1+json
OCI_INDEX=application/vnd.oci.image.index.v1+json
# Fixed timestamps keep layer and config digests a function of the packages alone.
OCI_CREATED=1970-01-01T00:00:00Z
TAR_MTIME=@1

# put_blob LAYOUT FILE : move FILE into LAYOUT's blob store; print its digest.
put_blob() {
  local layout=$1 file=$2 hex
  hex=$(sha256sum "$file" | cut -d' ' -f1)
  mkdir -p "$layout/blobs/sha256"
  mv "$file" "$layout/blobs/sha256/$hex"
  echo "sha256:$hex"
}

blob_size() { stat -c %s "$1/blobs/sha256/${2#sha256:}"; }

# write_layer LAYOUT ROOT : deterministic tar (sorted, numeric owners, fixed mtime, no
# atime/ctime), gzip without name/time; sets LAYER_DIGEST and LAYER_DIFF_ID.
# gzip -1: a JRE layer is ~270 MB of tar; -6 takes twice as long for 10% less.
write_layer() {
  local layout=$1 root=$2 tmp
  tmp=$(mktemp -p "$layout")
  tar -C "$root" --sort=name --numeric-owner --mtime="$TAR_MTIME" \
    --format=posix --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
    -cf "$tmp" .
  # Hash and compress side by side (two cores).
  sha256sum "$tmp" >"$tmp.sha" &
  gzip -n -1 -c "$tmp" >"$tmp.gz"
  wait $!
  LAYER_DIFF_ID="sha256:$(cut -d' ' -f1 "$tmp.sha")"
  rm -f "$tmp" "$tmp.sha"
  LAYER_DIGEST=$(put_blob "$layout" "$tmp.gz")
}

# write_image LAYOUT TAG USER WORKDIR ENV_JSON ENTRYPOINT_JSON ARCH VARIANT : config +
# manifest for the layer written by write_layer; prints a descriptor for index.json.
write_image() {
  local layout=$1 tag=$2 user=$3 workdir=$4 env=$5 entrypoint=$6 arch=$7 variant=$8 tmp cfg manifest
  tmp=$(mktemp -p "$layout")
  jq -cn --arg user "$user" --arg wd "$workdir" --argjson env "$env" \
    --argjson ep "$entrypoint" --arg diff "$LAYER_DIFF_ID" --arg created "$OCI_CREATED" \
    --arg arch "$arch" --arg variant "$variant" '{
      created: $created, architecture: $arch, os: "linux"}
      + (if $variant == "" then {} else {variant: $variant} end) + {
      config: ({User: $user, Env: $env, WorkingDir: $wd}
               + (if $ep == null then {} else {Entrypoint: $ep} end)),
      rootfs: {type: "layers", diff_ids: [$diff]},
      history: [{created: $created, created_by: "it/env distroless-equivalent base"}]
    }' >"$tmp"
  cfg=$(put_blob "$layout" "$tmp")
  tmp=$(mktemp -p "$layout")
  jq -cn --arg cfg "$cfg" --argjson cfgsize "$(blob_size "$layout" "$cfg")" \
    --arg layer "$LAYER_DIGEST" --argjson layersize "$(blob_size "$layout" "$LAYER_DIGEST")" \
    --arg mt "$OCI_MANIFEST" '{
      schemaVersion: 2, mediaType: $mt,
      config: {mediaType: "application/vnd.oci.image.config.v1+json", digest: $cfg, size: $cfgsize},
      layers: [{mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: $layer, size: $layersize}]
    }' >"$tmp"
  manifest=$(put_blob "$layout" "$tmp")
  jq -cn --arg mt "$OCI_MANIFEST" --arg d "$manifest" \
    --argjson size "$(blob_size "$layout" "$manifest")" --arg tag "$tag" \
    '{mediaType: $mt, digest: $d, size: $size, annotations: {"org.opencontainers.image.ref.name": $tag}}'
}

# write_layout LAYOUT ROOT ENV_JSON ENTRYPOINT_JSON ARCH VARIANT : the two distroless tags.
write_layout() {
  local layout=$1 root=$2 env=$3 entrypoint=$4 arch=$5 variant=$6 latest nonroot
  mkdir -p "$layout"
  echo '{"imageLayoutVersion":"1.0.0"}' >"$layout/oci-layout"
  write_layer "$layout" "$root"
  latest=$(write_image "$layout" latest 0 / "$env" "$entrypoint" "$arch" "$variant")
  nonroot=$(write_image "$layout" nonroot 65532 /home/nonroot "$env" "$entrypoint" "$arch" "$variant")
  jq -cn --argjson a "$latest" --argjson b "$nonroot" '{schemaVersion: 2, manifests: [$a, $b]}' \
    >"$layout/index.json"
}

# write_index_layout OUT LAYOUT... : a layout holding every LAYOUT's blobs (hard links) and,
# per tag, an image index of each LAYOUT's image for that tag, with the platform its
# config names.
write_index_layout() {
  local out=$1; shift
  local layout tag entries tmp index manifest config
  mkdir -p "$out/blobs/sha256"
  echo '{"imageLayoutVersion":"1.0.0"}' >"$out/oci-layout"
  for layout in "$@"; do
    cp -alf "$layout/blobs/sha256/." "$out/blobs/sha256/"
  done
  entries='[]'
  for tag in "${TAGS[@]}"; do
    index='[]'
    for layout in "$@"; do
      manifest=$(layout_digest "$layout" "$tag")
      config=$(jq -r '.config.digest' "$layout/blobs/sha256/${manifest#sha256:}")
      index=$(jq -c --arg mt "$OCI_MANIFEST" --arg d "$manifest" \
        --argjson size "$(blob_size "$layout" "$manifest")" \
        --slurpfile cfg "$layout/blobs/sha256/${config#sha256:}" \
        '. + [{mediaType: $mt, digest: $d, size: $size,
               platform: ({architecture: $cfg[0].architecture, os: $cfg[0].os}
                          + (if $cfg[0].variant then {variant: $cfg[0].variant} else {} end))}]' \
        <<<"$index")
    done
    tmp=$(mktemp -p "$out")
    jq -cn --arg mt "$OCI_INDEX" --argjson m "$index" '{schemaVersion: 2, mediaType: $mt, manifests: $m}' >"$tmp"
    index=$(put_blob "$out" "$tmp")
    entries=$(jq -c --arg mt "$OCI_INDEX" --arg d "$index" --argjson size "$(blob_size "$out" "$index")" \
      --arg tag "$tag" '. + [{mediaType: $mt, digest: $d, size: $size,
                             annotations: {"org.opencontainers.image.ref.name": $tag}}]' <<<"$entries")
  done
  jq -cn --argjson m "$entries" '{schemaVersion: 2, manifests: $m}' >"$out/index.json"
}

layout_digest() {
  jq -r --arg t "$2" '.manifests[] | select(.annotations["org.opencontainers.image.ref.name"] == $t) | .digest' \
    "$1/index.json"
}

# registry_digest REPO TAG : digest the registry holds for REPO:TAG, empty if none.
registry_digest() {
  curl -fsSI --max-time 5 -H "Accept: $OCI_MANIFEST, $OCI_INDEX" \
    "http://$REGISTRY/v2/$1/manifests/$2" 2>/dev/null |
    tr -d '\r' | awk 'tolower($1) == "docker-content-digest:" { print $2 }'
}

# push_tag LAYOUT REPO TAG : copy (an index with all its images) unless the registry already
# has the same manifest. Prints "pushed" or "current". OCI manifests and indexes go
# through unchanged, so the digest the registry reports is the one in index.json.
push_tag() {
  local layout=$1 repo=$2 tag=$3 want
  want=$(layout_digest "$layout" "$tag")
  if [[ "$(registry_digest "$repo" "$tag")" == "$want" ]]; then
    echo current
    return
  fi
  run_logged "$LOGS/push.log" skopeo copy -q --all --preserve-digests --dest-tls-verify=false \
    "oci:$layout:$tag" "docker://$REGISTRY/$repo:$tag"
  [[ "$(registry_digest "$repo" "$tag")" == "$want" ]] ||
    die "$REGISTRY/$repo:$tag has not digest $want after push"
  echo pushed
}
