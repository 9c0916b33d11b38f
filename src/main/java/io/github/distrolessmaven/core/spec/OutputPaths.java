package io.github.distrolessmaven.core.spec;

import java.nio.file.Path;

/**
 * Where a build writes its results; by default all under {@code target/distroless/}.
 *
 * @param tar the docker-archive the {@code tar} goal writes
 * @param digest the manifest digest, {@code sha256:...}
 * @param imageId the config digest, as {@code docker images} shows it
 * @param imageJson image, digest, tags, base and size as JSON
 * @param securityContext the Kubernetes container securityContext for the image's user
 * @param sbom the image's CycloneDX SBOM
 */
public record OutputPaths(
    Path tar, Path digest, Path imageId, Path imageJson, Path securityContext, Path sbom) {}
