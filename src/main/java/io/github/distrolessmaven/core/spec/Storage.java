package io.github.distrolessmaven.core.spec;

import java.nio.file.Path;

/**
 * The two folders a build keeps things in between builds; which files are where inside them is
 * {@code state.StateFiles}' to say.
 *
 * @param sharedCache shared by every project of the user: base layers and what is known about
 *     bases and registries ({@code ${XDG_CACHE_HOME:-~/.cache}/distroless-maven-plugin})
 * @param projectDirectory the project's own ({@code target/distroless}), which {@code mvn
 *     clean} forgets
 */
public record Storage(Path sharedCache, Path projectDirectory) {}
