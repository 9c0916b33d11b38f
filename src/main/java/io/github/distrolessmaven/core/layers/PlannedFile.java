package io.github.distrolessmaven.core.layers;

import java.nio.file.Path;

/**
 * One entry of a layer: a file or a directory, where it goes, and its mode.
 *
 * @param source the file on disk, or the directory whose entry this is
 * @param target the absolute path in the image
 * @param mode the permission bits, e.g. 0644
 */
public record PlannedFile(Path source, String target, int mode) {}
