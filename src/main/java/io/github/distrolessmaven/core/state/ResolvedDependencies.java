package io.github.distrolessmaven.core.state;

import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.files.AtomicFiles;
import io.github.distrolessmaven.core.layers.Dependency;
import io.github.distrolessmaven.core.layers.MavenCoordinates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The runtime dependencies as the last full resolution found them, kept with what they were
 * resolved from, so that a build in which none of that changed can skip resolving them again
 * (for a hundred dependencies, about half a second of every build).
 *
 * <p>What the resolution was made from is given as a key (the project's declared and managed
 * dependencies, its repositories, the properties that POMs may use, ...; the caller builds it).
 * What it read is checked file by file: every dependency's file by size and modification time,
 * and the POM of every artifact in the resolved graph by its content. Only releases are
 * remembered: the caller refuses a graph with a SNAPSHOT, a module of the same build or a version
 * chosen from repository metadata, which may change with none of that showing.
 */
public final class ResolvedDependencies {

  /** Raise when what is recorded, or what counts as unchanged, changes. */
  private static final String HEADER = "distroless resolved runtime dependencies, format 2";
  private static final String ABSENT = "-";
  /** File systems that keep times to the second or two could date a file written now earlier. */
  private static final Duration CLOCK_SLACK = Duration.ofSeconds(2);

  private final Path file;

  /** @param file where the record is kept, in the project's build directory */
  public ResolvedDependencies(Path file) {
    this.file = file;
  }

  /**
   * The dependencies remembered for {@code key}, if every file they were read from is as it was;
   * empty when anything differs or the record cannot be read.
   */
  public Optional<List<Dependency>> recall(String key) {
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.size() < 2 || !lines.get(0).equals(HEADER)
          || !lines.get(1).equals(Sha256.of(key.getBytes(StandardCharsets.UTF_8)))) {
        return Optional.empty();
      }
      List<Dependency> dependencies = new ArrayList<>();
      for (String line : lines.subList(2, lines.size())) {
        String[] f = line.split("\t", -1);
        if (f.length == 10 && f[0].equals("dependency")) {
          Path jar = Path.of(f[7]);
          // A jar gone or become a folder fails here, or reads as another file.
          if (!stat(jar).equals(List.of(f[8], f[9]))) {
            return Optional.empty();
          }
          dependencies.add(new Dependency(new MavenCoordinates(f[1], f[2], f[3], f[4], f[5]), jar,
              Dependency.Origin.valueOf(f[6])));
        } else if (f.length == 3 && f[0].equals("pom")) {
          if (!content(Path.of(f[1])).equals(f[2])) {
            return Optional.empty();
          }
        } else {
          return Optional.empty();
        }
      }
      return Optional.of(dependencies);
    } catch (IOException | RuntimeException e) {
      // A record that cannot be read is a record that is not there.
      return Optional.empty();
    }
  }

  /**
   * Remembers {@code dependencies} for {@code key}, or forgets the last record where they cannot
   * be remembered safely: one is not a release, or a file was written after {@code readSince}
   * (when the build started), which the resolution may have read before it changed.
   *
   * @param poms the POM of every artifact in the resolved graph, whatever its scope
   */
  public void remember(String key, List<Dependency> dependencies, Collection<Path> poms,
      Instant readSince) throws IOException {
    Instant since = readSince.minus(CLOCK_SLACK);
    StringBuilder text = new StringBuilder(HEADER).append('\n')
        .append(Sha256.of(key.getBytes(StandardCharsets.UTF_8))).append('\n');
    List<String> lines = new ArrayList<>();
    for (Dependency dependency : dependencies) {
      MavenCoordinates c = dependency.coordinates();
      if (dependency.origin() != Dependency.Origin.RELEASE
          || !Files.isRegularFile(dependency.file()) || changedSince(dependency.file(), since)) {
        forget();
        return;
      }
      List<String> fields = new ArrayList<>(List.of("dependency", c.groupId(), c.artifactId(),
          c.version(), c.classifier(), c.type(), dependency.origin().name(),
          dependency.file().toString()));
      fields.addAll(stat(dependency.file()));
      lines.add(String.join("\t", fields));
    }
    for (Path pom : poms) {
      if (Files.exists(pom) && changedSince(pom, since)) {
        forget();
        return;
      }
      lines.add(String.join("\t", "pom", pom.toString(), content(pom)));
    }
    for (String line : lines) {
      if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0 || line.split("\t", -1).length
          != (line.startsWith("pom\t") ? 3 : 10)) {
        // A tab or line break in a path: not worth a quoting scheme.
        forget();
        return;
      }
      text.append(line).append('\n');
    }
    Files.createDirectories(file.getParent());
    AtomicFiles.writeString(file, text.toString());
  }

  /** Drops the record, so that the next build resolves. */
  public void forget() throws IOException {
    Files.deleteIfExists(file);
  }

  /** Size and time of a regular file; a missing file throws, anything else has no size. */
  private static List<String> stat(Path path) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    return List.of(attributes.isRegularFile() ? Long.toString(attributes.size()) : "not a file",
        Long.toString(attributes.lastModifiedTime().toMillis()));
  }

  /** A POM's digest, or {@link #ABSENT}: a POM that appears later changes the graph too. */
  private static String content(Path pom) throws IOException {
    return Files.isRegularFile(pom) ? Sha256.of(Files.readAllBytes(pom)) : ABSENT;
  }

  private static boolean changedSince(Path path, Instant since) throws IOException {
    return !Files.getLastModifiedTime(path).toInstant().isBefore(since);
  }
}
