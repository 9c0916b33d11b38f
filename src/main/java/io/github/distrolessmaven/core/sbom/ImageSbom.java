package io.github.distrolessmaven.core.sbom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.contents.BaseContents;
import io.github.distrolessmaven.core.contents.DebianPackage;
import io.github.distrolessmaven.core.contents.JavaRuntime;
import io.github.distrolessmaven.core.layers.Dependency;
import io.github.distrolessmaven.core.layers.MavenCoordinates;
import io.github.distrolessmaven.core.oci.Json;
import io.github.distrolessmaven.core.oci.MediaTypes;
import io.github.distrolessmaven.core.state.JarHashes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The image's CycloneDX 1.6 SBOM, prepared from its inputs and completed with its digest: the
 * image itself (by manifest digest) as {@code metadata.component}, the application and its Maven
 * runtime dependencies, the base's Debian packages and its Java runtime.
 *
 * <p>Reproducible: the same image and inputs give the same bytes. The serial number is derived
 * from the image digest and the timestamp is the image's creation time, never the clock.
 *
 * <p>Written field by field with jackson-core: the document uses a small, fixed part of the
 * specification, and a full CycloneDX object model took longer to load than the document takes
 * to write. Its tests validate it against the specification's schema.
 */
public final class ImageSbom {

  /** The media type of the document, also the artifact type it is attached to the image with. */
  public static final String MEDIA_TYPE = MediaTypes.CYCLONEDX_JSON;

  static final String SPEC_VERSION = "1.6";
  private static final String TOOL = "distroless-maven-plugin";
  private static final JsonFactory JSON = Json.FACTORY;

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
    return prepare(application, dependencies, base, Optional.empty(), hashCache);
  }

  /**
   * As {@link #prepare(MavenCoordinates, List, BaseContents, Path)}, with a Java runtime the
   * build linked and put in the image: a component of its own, with its modules.
   *
   * @param linkedRuntime the runtime's {@code release} file and its home in the image
   */
  public static ImageSbom prepare(MavenCoordinates application, List<Dependency> dependencies,
      BaseContents base, Optional<LinkedRuntime> linkedRuntime, Path hashCache)
      throws IOException {
    Component app = mavenComponent(application, "application", null, null);
    JarHashes jarHashes = new JarHashes(hashCache);
    // Hashing a hundred jars is the SBOM's main cost: done on every core.
    List<Component> built;
    try {
      built = dependencies.parallelStream().map(dependency -> {
        try {
          return mavenComponent(
              dependency.coordinates(), "library", dependency.file(), jarHashes);
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
    built.forEach(library -> libraries.putIfAbsent(library.bomRef(), library));
    Map<String, Component> packages = new TreeMap<>();
    for (DebianPackage pkg : base.packages()) {
      Component component = debianComponent(pkg);
      packages.putIfAbsent(component.bomRef(), component);
    }
    Map<String, Component> runtimes = new TreeMap<>();
    for (JavaRuntime runtime : base.javaRuntimes()) {
      Component component = javaRuntimeComponent(runtime);
      runtimes.putIfAbsent(component.bomRef(), component);
    }
    if (linkedRuntime.isPresent()) {
      String text = Files.readString(linkedRuntime.get().release(), StandardCharsets.UTF_8);
      Optional<JavaRuntime> runtime =
          JavaRuntime.parseRelease(linkedRuntime.get().home(), text);
      if (runtime.isPresent()) {
        Component component = javaRuntimeComponent(runtime.get());
        component.description = "Java runtime linked with jlink";
        String modules = JavaRuntime.releaseValues(text).get("MODULES");
        if (modules != null) {
          component.properties.put("distroless:java.modules", modules.trim());
        }
        runtimes.put(component.bomRef(), component);
      }
    }
    return new ImageSbom(app, libraries, runtimes, packages);
  }

  /**
   * A runtime the build linked.
   *
   * @param release its {@code release} file on disk
   * @param home its home in the image, e.g. {@code /usr/lib/jvm/jre}
   */
  public record LinkedRuntime(Path release, String home) {}

  /**
   * @param image the image described
   * @param created the image's creation time
   * @return the SBOM as UTF-8 JSON
   */
  public byte[] forImage(SbomSubject image, Instant created) {
    Component imageComponent = imageComponent(image);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // Indented with \n on every platform: the bytes must not depend on where they were written.
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      json.setPrettyPrinter(new DefaultPrettyPrinter()
          .withObjectIndenter(indenter).withArrayIndenter(indenter));
      json.writeStartObject();
      json.writeStringField("bomFormat", "CycloneDX");
      json.writeStringField("specVersion", SPEC_VERSION);
      json.writeStringField("serialNumber", "urn:uuid:"
          + UUID.nameUUIDFromBytes(image.digest().getBytes(StandardCharsets.UTF_8)));
      json.writeNumberField("version", 1);

      json.writeObjectFieldStart("metadata");
      json.writeStringField("timestamp",
          DateTimeFormatter.ISO_INSTANT.format(created.truncatedTo(ChronoUnit.SECONDS)));
      json.writeObjectFieldStart("tools");
      json.writeArrayFieldStart("components");
      new Component("application", null, null, TOOL).write(json);
      json.writeEndArray();
      json.writeEndObject();
      json.writeFieldName("component");
      imageComponent.write(json);
      json.writeEndObject();

      json.writeArrayFieldStart("components");
      application.write(json);
      for (Map<String, Component> group : List.of(libraries, runtimes, packages)) {
        for (Component component : group.values()) {
          component.write(json);
        }
      }
      json.writeEndArray();

      List<String> imageNeeds = new ArrayList<>();
      imageNeeds.add(application.bomRef());
      imageNeeds.addAll(runtimes.keySet());
      imageNeeds.addAll(packages.keySet());
      json.writeArrayFieldStart("dependencies");
      writeDependency(json, imageComponent.bomRef(), imageNeeds);
      writeDependency(json, application.bomRef(), List.copyOf(libraries.keySet()));
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      // Written to memory: there is no I/O to fail.
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeDependency(JsonGenerator json, String ref, List<String> dependsOn)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("ref", ref);
    json.writeArrayFieldStart("dependsOn");
    for (String needed : dependsOn) {
      json.writeString(needed);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static Component imageComponent(SbomSubject image) {
    String purl = purl("oci", null, image.name(), image.digest(),
        Map.of("repository_url", image.repository()));
    Component component = new Component("container", purl, null, image.repository());
    component.version = image.digest();
    component.purl = purl;
    component.hashes.put("SHA-256", Sha256.hex(image.digest()));
    return component;
  }

  private static Component mavenComponent(
      MavenCoordinates coordinates, String type, Path file, JarHashes jarHashes)
      throws IOException {
    Map<String, String> qualifiers = new LinkedHashMap<>();
    qualifiers.put("type", coordinates.type());
    if (!coordinates.classifier().isEmpty()) {
      qualifiers.put("classifier", coordinates.classifier());
    }
    String purl = purl("maven", coordinates.groupId(), coordinates.artifactId(),
        coordinates.version(), qualifiers);
    Component component =
        new Component(type, purl, coordinates.groupId(), coordinates.artifactId());
    component.version = coordinates.version();
    component.purl = purl;
    if (file != null) {
      component.scope = "required";
      if (Files.isRegularFile(file)) {
        JarHashes.Hashes hashes = jarHashes.of(file);
        component.hashes.put("SHA-1", hashes.sha1());
        component.hashes.put("SHA-256", hashes.sha256());
      }
    }
    return component;
  }

  private static Component debianComponent(DebianPackage pkg) {
    Component component = new Component("library", pkg.purl(), null, pkg.name());
    component.version = pkg.version();
    component.purl = pkg.purl();
    pkg.source().ifPresent(source -> component.properties.put("distroless:debian.source", source));
    return component;
  }

  private static Component javaRuntimeComponent(JavaRuntime runtime) {
    Component component = new Component("platform", "java-runtime:" + runtime.home(), null,
        Path.of(runtime.home()).getFileName().toString());
    component.version = runtime.version();
    component.description = "Java runtime";
    component.publisher = runtime.implementor().orElse(null);
    component.properties.put("distroless:java.home", runtime.home());
    return component;
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

  /**
   * One entry of {@code components} (or {@code metadata}), with the fields this SBOM uses, written
   * in the specification's order. Filled in once while the SBOM is prepared, then only read.
   */
  private static final class Component {
    private final String type;
    private final String bomRef;
    private final String group;
    private final String name;
    private String publisher;
    private String version;
    private String description;
    private String scope;
    private String purl;
    /** Algorithm, as the specification names it, to hex digest. */
    private final Map<String, String> hashes = new LinkedHashMap<>();
    private final Map<String, String> properties = new LinkedHashMap<>();

    Component(String type, String bomRef, String group, String name) {
      this.type = type;
      this.bomRef = bomRef;
      this.group = group;
      this.name = name;
    }

    String bomRef() {
      return bomRef;
    }

    void write(JsonGenerator json) throws IOException {
      json.writeStartObject();
      json.writeStringField("type", type);
      writeIfPresent(json, "bom-ref", bomRef);
      writeIfPresent(json, "publisher", publisher);
      writeIfPresent(json, "group", group);
      json.writeStringField("name", name);
      writeIfPresent(json, "version", version);
      writeIfPresent(json, "description", description);
      writeIfPresent(json, "scope", scope);
      writePairs(json, "hashes", "alg", "content", hashes);
      writeIfPresent(json, "purl", purl);
      writePairs(json, "properties", "name", "value", properties);
      json.writeEndObject();
    }

    /** {@code pairs} as an array of two-field objects; nothing when there are none. */
    private static void writePairs(JsonGenerator json, String field, String keyName,
        String valueName, Map<String, String> pairs) throws IOException {
      if (pairs.isEmpty()) {
        return;
      }
      json.writeArrayFieldStart(field);
      for (Map.Entry<String, String> pair : pairs.entrySet()) {
        json.writeStartObject();
        json.writeStringField(keyName, pair.getKey());
        json.writeStringField(valueName, pair.getValue());
        json.writeEndObject();
      }
      json.writeEndArray();
    }

    private static void writeIfPresent(JsonGenerator json, String field, String value)
        throws IOException {
      if (value != null) {
        json.writeStringField(field, value);
      }
    }
  }
}
