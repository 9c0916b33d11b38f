package io.github.distrolessmaven.core.spec;

/**
 * What the POM (and git, where present) says about the project, for the image's OCI labels. Any
 * field may be null when the POM does not say it.
 *
 * @param title the project's name, else its artifactId
 * @param description the project's description
 * @param version the project's version
 * @param url the project's URL
 * @param source the SCM URL
 * @param revision the git commit the sources were built from
 * @param licenses the license names, comma-separated
 * @param vendor the organization's name
 */
public record ProjectMetadata(
    String title,
    String description,
    String version,
    String url,
    String source,
    String revision,
    String licenses,
    String vendor) {}
