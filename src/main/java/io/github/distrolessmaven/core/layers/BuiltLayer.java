package io.github.distrolessmaven.core.layers;

import java.nio.file.Path;

/**
 * An application layer as built, compressed, in the cache.
 *
 * @param name the layer's name, e.g. {@code classes}
 * @param digest of the compressed layer, {@code sha256:...}
 * @param diffId of the uncompressed layer, {@code sha256:...}
 * @param size of the compressed layer, in bytes
 * @param file the compressed layer
 */
public record BuiltLayer(String name, String digest, String diffId, long size, Path file) {}
