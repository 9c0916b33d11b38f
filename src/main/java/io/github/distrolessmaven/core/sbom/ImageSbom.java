package io.github.distrolessmaven.core.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.github.distrolessmaven.core.base.contents.BaseContents;
import io.github.distrolessmaven.core.base.contents.DebianPackage;
import io.github.distrolessmaven.core.base.contents.JavaRuntime;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.layers.Dependency;
import io.github.distrolessmaven.core.layers.MavenCoordinates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * The image's CycloneDX 1.6 SBOM, prepared from its inputs and completed with its digest: the image itself (by manifest digest) as
 * {@code metadata.component}, the application and its Maven runtime dependencies, the base's
 * Debian packages and its Java runtime.
 *
 * <p>Reproducible: the same image and inputs give the same bytes. The serial number is derived
 * from the image digest and the timestamp is the image's creation time, never the clock.
 */
public final class ImageSbom {

  /** The media type of the document, also the artifact type it is attached to the image with. */
  public static final String MEDIA_TYPE = "application/vnd.cyclonedx+json";

  static final Version SPEC_VERSION = Version.VERSION_16;
  private static final String TOOL = "distroless-maven-plugin";

  private final Component application;
  private final Map<String, Component> libraries;
  private final Map<String, Component> runtimes;
  private final Map<String, Component> packages;

  private ImageSbom(Component application, Map<String, Component> libraries,
      Map<String, Component> runtimes, Map<String, Component> packages) {
    this.application = application;
    this.libraries = libraries;
    this.runtimes = runtimes;
    this.packages = packages;
  }

  /**
   * The SBOM of one image in one step; see {@link #prepare} and {@link #forImage}.
   *
   * @throws IOException when a dependency's file cannot be read for its hashes
   */
  public static byte[] create(
      SbomSubject image,
      MavenCoordinates application,
      List<Dependency> dependencies,
      BaseContents base,
      Instant created)
      throws IOException {
    return prepare(application, dependencies, base, null).forImage(image, created);
  }

  /**
   * Everything but the image itself, which is known only once it is built: the build prepares
   * this while jib-core builds, so that hashing the jars costs no time of its own.
   *
   * @param application the project's own coordinates
   * @param dependencies the runtime dependencies put in the image, in classpath order
   * @param base what the base image holds
   * @param hashCache where jar hashes are remembered between builds; null for nowhere
   * @throws IOException when a dependency's file cannot be read for its hashes
   */
  public static ImageSbom prepare(MavenCoordinates application, List<Dependency> dependencies,
      BaseContents base, Path hashCache)
      throws IOException {
    Component app = mavenComponent(application, Component.Type.APPLICATION, null, null);
    JarHashes jarHashes = new JarHashes(hashCache);
    // Hashing a hundred jars is the SBOM's main cost: done on every core.
    List<Component> built;
    try {
      built = dependencies.parallelStream().map(dependency -> {
        try {
          return mavenComponent(
              dependency.coordinates(), Component.Type.LIBRARY, dependency.file(), jarHashes);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    jarHashes.save();
    // Keyed by bom-ref: a jar on the classpath twice must be one component, and the order of
    // components must not depend on hash order.
    Map<String, Component> libraries = new TreeMap<>();
    built.forEach(library -> libraries.putIfAbsent(library.getBomRef(), library));
    Map<String, Component> packages = new TreeMap<>();
    for (DebianPackage pkg : base.packages()) {
      Component component = debianComponent(pkg);
      packages.putIfAbsent(component.getBomRef(), component);
    }
    Map<String, Component> runtimes = new TreeMap<>();
    for (JavaRuntime runtime : base.javaRuntimes()) {
      Component component = javaRuntimeComponent(runtime);
      runtimes.putIfAbsent(component.getBomRef(), component);
    }
    ImageSbom sbom = new ImageSbom(app, libraries, runtimes, packages);
    // Written once for nothing: the first document loads CycloneDX's serializers, and this runs
    // beside jib-core's build, while the real one waits for the image's digest.
    sbom.forImage(new SbomSubject("warm-up", "sha256:" + "0".repeat(64)), Instant.EPOCH);
    return sbom;
  }

  /**
   * @param image the image described
   * @param created the image's creation time
   * @return the SBOM as UTF-8 JSON
   */
  public byte[] forImage(SbomSubject image, Instant created) {
    Component imageComponent = imageComponent(image);
    Bom bom = new Bom();
    bom.setSerialNumber("urn:uuid:"
        + UUID.nameUUIDFromBytes(image.digest().getBytes(StandardCharsets.UTF_8)));
    bom.setVersion(1);
    Metadata metadata = new Metadata();
    metadata.setTimestamp(Date.from(created));
    metadata.setComponent(imageComponent);
    ToolInformation tools = new ToolInformation();
    Component tool = new Component();
    tool.setType(Component.Type.APPLICATION);
    tool.setName(TOOL);
    tools.setComponents(List.of(tool));
    metadata.setToolChoice(tools);
    bom.setMetadata(metadata);

    List<Component> components = new ArrayList<>();
    components.add(application);
    components.addAll(libraries.values());
    components.addAll(runtimes.values());
    components.addAll(packages.values());
    bom.setComponents(components);

    org.cyclonedx.model.Dependency imageNode =
        new org.cyclonedx.model.Dependency(imageComponent.getBomRef());
    imageNode.addDependency(new org.cyclonedx.model.Dependency(application.getBomRef()));
    runtimes.keySet().forEach(ref -> imageNode.addDependency(new org.cyclonedx.model.Dependency(ref)));
    packages.keySet().forEach(ref -> imageNode.addDependency(new org.cyclonedx.model.Dependency(ref)));
    org.cyclonedx.model.Dependency appNode =
        new org.cyclonedx.model.Dependency(application.getBomRef());
    libraries.keySet().forEach(ref -> appNode.addDependency(new org.cyclonedx.model.Dependency(ref)));
    bom.setDependencies(List.of(imageNode, appNode));

    try {
      return BomGeneratorFactory.createJson(SPEC_VERSION, bom)
          .toJsonString(true)
          .getBytes(StandardCharsets.UTF_8);
    } catch (GeneratorException e) {
      throw new IllegalStateException("CycloneDX cannot write its own model: " + e.getMessage(), e);
    }
  }

  private static Component imageComponent(SbomSubject image) {
    Component component = new Component();
    component.setType(Component.Type.CONTAINER);
    component.setName(image.repository());
    component.setVersion(image.digest());
    String purl = purl("oci", null, image.name(), image.digest(),
        Map.of("repository_url", image.repository()));
    component.setPurl(purl);
    component.setBomRef(purl);
    component.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, Sha256.hex(image.digest()))));
    return component;
  }

  private static Component mavenComponent(
      MavenCoordinates coordinates, Component.Type type, Path file, JarHashes jarHashes)
      throws IOException {
    Map<String, String> qualifiers = new LinkedHashMap<>();
    qualifiers.put("type", coordinates.type());
    if (!coordinates.classifier().isEmpty()) {
      qualifiers.put("classifier", coordinates.classifier());
    }
    String purl = purl("maven", coordinates.groupId(), coordinates.artifactId(),
        coordinates.version(), qualifiers);
    Component component = new Component();
    component.setType(type);
    component.setGroup(coordinates.groupId());
    component.setName(coordinates.artifactId());
    component.setVersion(coordinates.version());
    component.setPurl(purl);
    component.setBomRef(purl);
    if (file != null) {
      component.setScope(Component.Scope.REQUIRED);
      if (Files.isRegularFile(file)) {
        JarHashes.Hashes hashes = jarHashes.of(file);
        component.setHashes(List.of(new Hash(Hash.Algorithm.SHA1, hashes.sha1()),
            new Hash(Hash.Algorithm.SHA_256, hashes.sha256())));
      }
    }
    return component;
  }

  private static Component debianComponent(DebianPackage pkg) {
    Component component = new Component();
    component.setType(Component.Type.LIBRARY);
    component.setName(pkg.name());
    component.setVersion(pkg.version());
    component.setPurl(pkg.purl());
    component.setBomRef(pkg.purl());
    pkg.source().ifPresent(source ->
        component.setProperties(List.of(property("distroless:debian.source", source))));
    return component;
  }

  private static Component javaRuntimeComponent(JavaRuntime runtime) {
    Component component = new Component();
    component.setType(Component.Type.PLATFORM);
    component.setName(Path.of(runtime.home()).getFileName().toString());
    component.setVersion(runtime.version());
    component.setDescription("Java runtime");
    runtime.implementor().ifPresent(component::setPublisher);
    component.setBomRef("java-runtime:" + runtime.home());
    component.setProperties(List.of(property("distroless:java.home", runtime.home())));
    return component;
  }

  private static Property property(String name, String value) {
    Property property = new Property();
    property.setName(name);
    property.setValue(value);
    return property;
  }

  private static String purl(
      String type, String namespace, String name, String version, Map<String, String> qualifiers) {
    try {
      return new PackageURL(type, namespace, name, version, new TreeMap<>(qualifiers), null)
          .canonicalize();
    } catch (MalformedPackageURLException e) {
      throw new IllegalArgumentException("cannot name " + name + " " + version + " as a package URL: "
          + e.getMessage(), e);
    }
  }
}
