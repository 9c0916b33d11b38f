package io.github.distrolessmaven.core.spec;



/**
 * Everything one image build needs, validated: the Maven adapter builds it from the POM, the core
 * builds the image from it. Immutable.
 *
 * @param content what decides the image
 * @param registries how registries are reached
 * @param storage where things are kept between builds
 * @param outputs where results go
 */
public record ImageSpec(
    ImageContent content, RegistryOptions registries, Storage storage, OutputPaths outputs) {}
