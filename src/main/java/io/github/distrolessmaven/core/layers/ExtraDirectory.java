package io.github.distrolessmaven.core.layers;

import java.nio.file.Path;

/**
 * A directory whose contents are copied into the image as they are.
 *
 * @param from the directory on disk
 * @param into the absolute path in the image it is copied to
 */
public record ExtraDirectory(Path from, String into) {}
