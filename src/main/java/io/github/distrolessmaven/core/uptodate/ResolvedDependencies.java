package io.github.distrolessmaven.core.uptodate;

import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.layers.Dependency;
import io.github.distrolessmaven.core.layers.MavenCoordinates;
import io.github.distrolessmaven.core.output.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runtime dependencies as the last full resolution found them, kept with what they were
 * resolved from, so that a build in which none of that changed can skip resolving them again
 * (for a hundred dependencies, about half a second of every build).
 *
 * <p>What the resolution was made from is given as a key (the project's declared and managed
 * dependencies, its repositories, the properties that POMs may use, ...; the caller builds it).
 * What it read is checked file by file: every dependency's file and the POM that listed its own
 * dependencies, by size and modification time. Only releases are remembered: a SNAPSHOT or a
 * module of the same build may change what it depends on without any of that showing.
 */
public final class ResolvedDependencies {

  private static final String HEADER = "distroless resolved runtime dependencies, format 1";
  private static final String NONE = "-";

  /**
   * One resolved dependency and the POM that gave its own dependencies.
   *
   * @param pom its POM in the local repository; null when there is none to check
   */
  public record Resolved(Dependency dependency, Path pom) {}

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
        if (f.length != 12) {
          return Optional.empty();
        }
        Path jar = Path.of(f[6]);
        boolean pomUnchanged = f[9].equals(NONE) || unchanged(Path.of(f[9]), f[10], f[11]);
        if (!unchanged(jar, f[7], f[8]) || !pomUnchanged) {
          return Optional.empty();
        }
        dependencies.add(new Dependency(new MavenCoordinates(f[0], f[1], f[2], f[3], f[4]), jar,
            Dependency.Origin.valueOf(f[5])));
      }
      return Optional.of(dependencies);
    } catch (IOException | RuntimeException e) {
      // A record that cannot be read is a record that is not there.
      return Optional.empty();
    }
  }

  /**
   * Remembers {@code resolved} for {@code key}, or forgets the last record where it cannot be
   * remembered safely: a SNAPSHOT or reactor module among them, or a file written after {@code
   * readSince} (when the build started), which the resolution may have read before it changed.
   */
  public void remember(String key, List<Resolved> resolved, Instant readSince) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n')
        .append(Sha256.of(key.getBytes(StandardCharsets.UTF_8))).append('\n');
    for (Resolved entry : resolved) {
      Dependency dependency = entry.dependency();
      MavenCoordinates c = dependency.coordinates();
      if (dependency.origin() != Dependency.Origin.RELEASE
          || !Files.isRegularFile(dependency.file())) {
        forget();
        return;
      }
      List<String> fields = new ArrayList<>(List.of(c.groupId(), c.artifactId(), c.version(),
          c.classifier(), c.type(), dependency.origin().name(), dependency.file().toString()));
      fields.addAll(stat(dependency.file()));
      boolean hasPom = entry.pom() != null && Files.isRegularFile(entry.pom());
      if (changedSince(dependency.file(), readSince)
          || (hasPom && changedSince(entry.pom(), readSince))) {
        forget();
        return;
      }
      if (hasPom) {
        fields.add(entry.pom().toString());
        fields.addAll(stat(entry.pom()));
      } else {
        fields.addAll(List.of(NONE, NONE, NONE));
      }
      for (String field : fields) {
        if (field.indexOf('\t') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
          forget();
          return;
        }
      }
      text.append(String.join("\t", fields)).append('\n');
    }
    Files.createDirectories(file.getParent());
    AtomicFiles.writeString(file, text.toString());
  }

  /** Drops the record, so that the next build resolves. */
  public void forget() throws IOException {
    Files.deleteIfExists(file);
  }

  private static List<String> stat(Path path) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    return List.of(Long.toString(attributes.size()),
        Long.toString(attributes.lastModifiedTime().toMillis()));
  }

  private static boolean changedSince(Path path, Instant since) throws IOException {
    return !Files.getLastModifiedTime(path).toInstant().isBefore(since);
  }

  private static boolean unchanged(Path path, String size, String modified) throws IOException {
    return Files.isRegularFile(path) && stat(path).equals(List.of(size, modified));
  }
}
