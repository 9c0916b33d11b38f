package io.github.distrolessmaven.core.jib;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.image.json.BuildableManifestTemplate;
import com.google.cloud.tools.jib.image.json.ManifestTemplate;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.archive.ImageArchive;
import io.github.distrolessmaven.core.base.local.LocalBaseImage;
import io.github.distrolessmaven.core.base.local.PreparedBase;
import io.github.distrolessmaven.core.labels.OciLabels;
import io.github.distrolessmaven.core.layers.PlannedFile;
import io.github.distrolessmaven.core.layers.PlannedLayer;
import io.github.distrolessmaven.core.output.AtomicFiles;
import io.github.distrolessmaven.core.spec.ExposedPort;
import io.github.distrolessmaven.core.spec.ImageReferences;
import io.github.distrolessmaven.core.spec.ImageSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The one place that drives jib-core: turns an {@link ImageSpec} into an image in a registry or a
 * docker-archive on disk.
 */
public final class JibImageBuilder {

  /** Where the built image goes. */
  public enum Destination {
    /** Push to the target's registry. */
    REGISTRY,
    /** Write a docker-archive to the spec's tar output path. */
    TAR
  }

  static final String TOOL_NAME = "distroless-maven-plugin";

  /** The platform images are built for: jib-core's default, and what a file base must match. */
  static final String PLATFORM_OS = "linux";
  static final String PLATFORM_ARCHITECTURE = "amd64";

  private final BuildLog log;
  private final Consumer<LogEvent> jibLog;

  /** @param log receives progress per layer and Jib's warnings */
  public JibImageBuilder(BuildLog log) {
    this.log = log;
    this.jibLog = new JibLogBridge(log);
  }

  /**
   * Builds the image and puts it where {@code destination} says.
   *
   * @throws InvalidConfigurationException when a reference in the spec does not parse
   * @throws ImageBuildException when a registry, the cache or the file system fails
   */
  public BuiltImage build(ImageSpec spec, Destination destination)
      throws InvalidConfigurationException, ImageBuildException {
    ImageReference target = ImageReferences.parse(spec.targetImage(), "<to><image>");
    RegistryAccess targetAccess =
        new RegistryAccess(spec.targetCredentials(), spec.allowInsecureRegistries(), jibLog);

    JibContainerBuilder container;
    String base;
    String baseDigest;
    if (LocalBaseImage.isLocal(spec.baseImage())) {
      PreparedBase prepared = LocalBaseImage.prepare(
          spec.baseImage(), spec.localBasesDirectory(), PLATFORM_OS, PLATFORM_ARCHITECTURE);
      log.info("Base image " + prepared.description());
      container = Jib.from(TarImage.at(prepared.dockerArchive()));
      baseDigest = prepared.manifestDigest().orElse(null);
      base = spec.baseImage() + (baseDigest == null ? "" : "@" + baseDigest);
    } else {
      ImageReference baseName = ImageReferences.parse(spec.baseImage(), "<from><image>");
      RegistryAccess baseAccess =
          new RegistryAccess(spec.baseCredentials(), spec.allowInsecureRegistries(), jibLog);
      baseDigest = resolveBase(spec, baseName, baseAccess);
      log.info("Base image " + baseName + " at " + baseDigest);
      if (baseName.getDigest().isEmpty()) {
        log.warn("The base is referenced by tag, which can move to another image. Pin it:"
            + " <from><image>" + baseName.withQualifier(baseDigest).toString() + "</image>");
      }
      container = Jib.from(baseAccess.image(baseName.withQualifier(baseDigest)));
      base = baseName.withQualifier(baseDigest).toString();
    }
    configure(container, spec, spec.baseImage(), baseDigest);

    if (destination == Destination.TAR) {
      return buildTar(container, spec, target, base);
    }
    return push(container, spec, target, base, targetAccess);
  }

  /**
   * The base's digest: from the reference itself, from the registry (remembered for offline
   * builds), or offline from what an earlier build remembered.
   */
  private String resolveBase(ImageSpec spec, ImageReference baseName, RegistryAccess access)
      throws ImageBuildException {
    if (baseName.getDigest().isPresent()) {
      return baseName.getDigest().get();
    }
    ResolvedBaseTags memory = new ResolvedBaseTags(spec.baseLayersCache());
    try {
      if (spec.offline()) {
        return memory.recall(baseName.toString()).orElseThrow(() -> new ImageBuildException(
            "The base image " + baseName + " has not been pulled before, and Maven is offline."
                + " Build once without -o to cache it, or pin <from><image> by digest."));
      }
      String digest =
          new BaseImageResolver(access, spec.registryMirrors(), log).digestOf(baseName);
      memory.remember(baseName.toString(), digest);
      return digest;
    } catch (IOException e) {
      throw new ImageBuildException("Cannot read or write the base cache "
          + spec.baseLayersCache() + ": " + e.getMessage(), e);
    }
  }

  private void configure(
      JibContainerBuilder container, ImageSpec spec, String baseName, String baseDigest) {
    Instant created = spec.timestamps().creationTime();
    container
        .setFileEntriesLayers(layers(spec))
        .setEntrypoint(spec.entrypoint())
        .setUser(spec.user())
        .setEnvironment(spec.environment())
        .setExposedPorts(ports(spec.ports()))
        .setLabels(OciLabels.derive(spec.project(), created, baseName, baseDigest, spec.userLabels()))
        .setFormat(spec.format() == io.github.distrolessmaven.core.spec.ImageFormat.OCI
            ? ImageFormat.OCI : ImageFormat.Docker)
        .setCreationTime(created);
    // The base's Cmd must never reach the image: Jib drops it once the entrypoint is set, and an
    // explicit list (empty without <args>) keeps it so whatever Jib's default becomes.
    container.setProgramArguments(spec.args());
    Set<AbsoluteUnixPath> volumes = new LinkedHashSet<>();
    spec.volumes().forEach(volume -> volumes.add(AbsoluteUnixPath.get(volume)));
    container.setVolumes(volumes);
    spec.workingDirectory().ifPresent(dir -> container.setWorkingDirectory(AbsoluteUnixPath.get(dir)));
  }

  private static List<FileEntriesLayer> layers(ImageSpec spec) {
    Instant modified = spec.timestamps().filesModificationTime();
    List<FileEntriesLayer> layers = new ArrayList<>();
    for (PlannedLayer planned : spec.layers().layers()) {
      FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(planned.name());
      for (PlannedFile file : planned.files()) {
        layer.addEntry(new FileEntry(
            file.source(),
            AbsoluteUnixPath.get(file.target()),
            FilePermissions.fromOctalString(String.format("%03o", file.mode())),
            modified,
            "0:0"));
      }
      layers.add(layer.build());
    }
    return layers;
  }

  private static Set<Port> ports(Set<ExposedPort> ports) {
    Set<Port> result = new LinkedHashSet<>();
    for (ExposedPort port : ports) {
      result.add(Port.parseProtocol(port.number(), port.protocol()));
    }
    return result;
  }

  private BuiltImage buildTar(
      JibContainerBuilder container, ImageSpec spec, ImageReference target, String base)
      throws ImageBuildException {
    Path tar = spec.outputs().tar();
    Path jibArchive = null;
    Path combined = null;
    Path scratch = null;
    try {
      jibArchive = AtomicFiles.temporarySibling(tar);
      JibContainer result = containerize(
          container, Containerizer.to(TarImage.at(jibArchive).named(target)), spec, "writing " + tar);
      List<String> tags = new ArrayList<>();
      tags.add(target.getQualifier());
      spec.additionalTags().stream().filter(tag -> !tags.contains(tag)).forEach(tags::add);
      List<String> references = new ArrayList<>();
      // With the qualifier always: Jib leaves ":latest" out of toString(), and docker-archive needs it.
      tags.forEach(tag -> references.add(target.withQualifier(tag).toStringWithQualifier()));
      combined = AtomicFiles.temporarySibling(tar);
      scratch = Files.createTempDirectory(tar.toAbsolutePath().getParent(), ".unpack");
      long size = ImageArchive.rewrite(
          jibArchive, combined, references, result.getDigest().toString(), scratch);
      AtomicFiles.commit(combined, tar);
      return built(result, target, base, size, tags);
    } catch (IOException e) {
      throw new ImageBuildException("Writing " + tar + " failed: " + e.getMessage(), e);
    } finally {
      deleteQuietly(jibArchive);
      deleteQuietly(combined);
      deleteTreeQuietly(scratch);
    }
  }

  private BuiltImage push(
      JibContainerBuilder container,
      ImageSpec spec,
      ImageReference target,
      String base,
      RegistryAccess targetAccess)
      throws ImageBuildException {
    Containerizer containerizer = Containerizer.to(targetAccess.image(target));
    spec.additionalTags().forEach(containerizer::withAdditionalTag);
    JibContainer result = containerize(container, containerizer, spec, "pushing " + target);
    List<String> tags = new ArrayList<>(result.getTags());
    tags.sort(null);
    return built(result, target, base, pushedSize(targetAccess, target, result), tags);
  }

  private JibContainer containerize(
      JibContainerBuilder container, Containerizer containerizer, ImageSpec spec, String subject)
      throws ImageBuildException {
    containerizer
        .setToolName(TOOL_NAME)
        .setAllowInsecureRegistries(spec.allowInsecureRegistries())
        .setOfflineMode(spec.offline())
        .setBaseImageLayersCache(spec.baseLayersCache())
        .setApplicationLayersCache(spec.applicationLayersCache())
        .addEventHandler(LogEvent.class, jibLog);
    for (Map.Entry<String, List<String>> mirror : spec.registryMirrors().entrySet()) {
      containerizer.addRegistryMirrors(mirror.getKey(), mirror.getValue());
    }
    try {
      return container.containerize(containerizer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageBuildException("Interrupted while " + subject, e);
    } catch (CacheDirectoryCreationException e) {
      throw new ImageBuildException("Cannot create the layer cache (" + e.getMessage()
          + "). Check that " + spec.baseLayersCache() + " and " + spec.applicationLayersCache()
          + " are writable.", e);
    } catch (RegistryException | IOException | ExecutionException e) {
      throw JibFailures.describe(e, subject.substring(0, 1).toUpperCase() + subject.substring(1));
    }
  }

  /** Reads the pushed manifest back: the registry's own account of the image's size. */
  private long pushedSize(RegistryAccess access, ImageReference target, JibContainer result)
      throws ImageBuildException {
    try {
      ManifestTemplate manifest = access.client(target.getRegistry(), target.getRepository())
          .pullManifest(result.getDigest().toString()).getManifest();
      if (!(manifest instanceof BuildableManifestTemplate)) {
        return 0;
      }
      BuildableManifestTemplate image = (BuildableManifestTemplate) manifest;
      long size = image.getContainerConfiguration().getSize();
      for (BuildableManifestTemplate.ContentDescriptorTemplate layer : image.getLayers()) {
        size += layer.getSize();
      }
      return size;
    } catch (IOException | RegistryException | CredentialRetrievalException e) {
      throw JibFailures.describe(e, "Reading back " + target + "@" + result.getDigest());
    }
  }

  private static BuiltImage built(
      JibContainer result, ImageReference target, String base, long size,
      List<String> tags) {
    return new BuiltImage(
        target.toString(),
        result.getDigest().toString(),
        result.getImageId().toString(),
        tags,
        base,
        size);
  }

  private static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // The temporary file is hidden and named .partial; a leftover one harms nothing.
    }
  }

  private static void deleteTreeQuietly(Path directory) {
    if (directory == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(JibImageBuilder::deleteQuietly);
    } catch (IOException e) {
      // Hidden and named .unpack; a leftover one harms nothing.
    }
  }
}
