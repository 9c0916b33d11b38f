package io.github.distrolessmaven.core.push;

import java.nio.file.Path;

/**
 * One blob the manifest needs (the config or a layer), unpacked and verified against its digest.
 *
 * @param digest {@code sha256:<hex>}
 * @param size bytes, as the manifest says and the file has
 * @param role "config" or "layer", for the log
 * @param file the unpacked blob
 */
public record BlobFile(String digest, long size, String role, Path file) {}
