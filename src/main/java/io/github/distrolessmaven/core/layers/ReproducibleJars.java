package io.github.distrolessmaven.core.layers;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.files.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Jars of the build's own making, layered as if they had been built reproducibly. A reactor
 * module or a SNAPSHOT built without {@code project.build.outputTimestamp} carries the time of
 * its build in every entry, so each clean build would give another layer and another image
 * digest for the same sources. Those jars are rewritten: entries in one order (the manifest
 * first, as {@code JarInputStream} needs, then {@code META-INF/}, then the rest by name), every
 * time the same, no extra fields or file modes, and no build time in Maven's {@code
 * pom.properties}. Other entries' data is copied as compressed, byte for byte, so neither the
 * code nor a signature changes, and the result does not depend on the zlib at hand. Released jars come from a repository as published and are layered as they are;
 * the project's own jar, in Jib's packaged mode, is rewritten the same way.
 */
public final class ReproducibleJars {

  /**
   * 1980-01-01T00:00:02, the first even second a zip's DOS time holds, as a local time: the
   * zip writer stores local date and time, so the bytes are the same in every time zone.
   */
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0, 2);

  private static final String MANIFEST_DIRECTORY = "META-INF/";
  private static final String MANIFEST = "META-INF/MANIFEST.MF";

  private ReproducibleJars() {}

  /**
   * The dependencies with each reactor module's and SNAPSHOT's jar replaced by its reproducible
   * copy under {@code directory/dependencies}, with the same file name (so the image names it as before). A
   * copy is written again only when its jar changed since.
   *
   * @throws InvalidConfigurationException for a jar that is not a readable zip, naming it
   */
  public static List<Dependency> of(List<Dependency> dependencies, Path directory)
      throws IOException, InvalidConfigurationException {
    List<Dependency> result = new ArrayList<>();
    for (Dependency dependency : dependencies) {
      Path file = dependency.file();
      if (dependency.origin() == Dependency.Origin.RELEASE || !Files.isRegularFile(file)) {
        result.add(dependency);
        continue;
      }
      MavenCoordinates coordinates = dependency.coordinates();
      Path copy = copy(file, directory.resolve("dependencies").resolve(coordinates.groupId())
          .resolve(coordinates.artifactId()).resolve(file.getFileName()));
      result.add(new Dependency(coordinates, copy, dependency.origin()));
    }
    return result;
  }

  /**
   * Writes the reproducible copy of {@code jar} to {@code copy}, unless it is there from an
   * earlier build of the same jar (the copy keeps the jar's modification time to tell).
   *
   * @return {@code copy}
   * @throws InvalidConfigurationException for a jar that is not a readable zip, naming it
   */
  public static Path copy(Path jar, Path copy) throws IOException, InvalidConfigurationException {
    FileTime written = Files.getLastModifiedTime(jar);
    if (!Files.isRegularFile(copy) || !Files.getLastModifiedTime(copy).equals(written)) {
      normalize(jar, copy);
      Files.setLastModifiedTime(copy, written);
    }
    return copy;
  }

  /** Writes {@code jar} normalized to {@code target}, atomically. */
  static void normalize(Path jar, Path target) throws IOException, InvalidConfigurationException {
    Path temporary = AtomicFiles.temporarySibling(target);
    try {
      try (ZipFile zip = ZipFile.builder().setPath(jar).get();
          ZipArchiveOutputStream out = new ZipArchiveOutputStream(temporary)) {
        long time = ENTRY_TIME.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
        entries.sort(Comparator.comparing(ReproducibleJars::rank)
            .thenComparing(ZipArchiveEntry::getName));
        // A signature covers pom.properties too: a signed jar keeps it as it is.
        boolean signed = entries.stream()
            .anyMatch(entry -> entry.getName().matches("META-INF/[^/]+\\.SF"));
        String previous = null;
        for (ZipArchiveEntry entry : entries) {
          if (entry.getName().equals(previous)) {
            continue; // a duplicate name: the zip reader sees the first only
          }
          previous = entry.getName();
          if (!signed && isPomProperties(entry.getName())) {
            writeWithoutComments(zip, entry, time, out);
            continue;
          }
          ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
          copy.setMethod(entry.getMethod());
          copy.setCrc(entry.getCrc());
          copy.setSize(entry.getSize());
          copy.setCompressedSize(entry.getCompressedSize());
          copy.setTime(time);
          try (InputStream raw = zip.getRawInputStream(entry)) {
            out.addRawArchiveEntry(copy, raw);
          }
        }
      } catch (ZipException | IllegalArgumentException e) {
        throw new InvalidConfigurationException(Setting.DEPENDENCIES, jar + " is not a readable"
            + " jar (" + e.getMessage() + "). Build it again: mvn clean install in its project.");
      }
      AtomicFiles.commit(temporary, target);
    } finally {
      AtomicFiles.deleteQuietly(temporary);
    }
  }

  /**
   * Maven's {@code pom.properties}: older jar plugins start it with the time of the build as a
   * comment ({@code #Fri Dec 04 09:22:20 UTC 2026}), which no reader of the file sees.
   */
  private static boolean isPomProperties(String name) {
    return name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties");
  }

  /** The entry without its comment lines, stored rather than deflated: the same bytes anywhere. */
  private static void writeWithoutComments(ZipFile zip, ZipArchiveEntry entry, long time,
      ZipArchiveOutputStream out) throws IOException {
    String text;
    try (InputStream in = zip.getInputStream(entry)) {
      text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    StringBuilder kept = new StringBuilder();
    for (String line : text.split("\r?\n")) {
      if (!line.startsWith("#") && !line.isEmpty()) {
        kept.append(line).append('\n');
      }
    }
    byte[] bytes = kept.toString().getBytes(StandardCharsets.ISO_8859_1);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
    copy.setMethod(ZipArchiveEntry.STORED);
    copy.setCrc(crc.getValue());
    copy.setSize(bytes.length);
    copy.setCompressedSize(bytes.length);
    copy.setTime(time);
    out.addRawArchiveEntry(copy, new ByteArrayInputStream(bytes));
  }

  /** The manifest first, then the rest of {@code META-INF/}, then everything else. */
  private static int rank(ZipArchiveEntry entry) {
    String name = entry.getName();
    if (name.equals(MANIFEST_DIRECTORY)) {
      return 0;
    }
    if (name.equalsIgnoreCase(MANIFEST)) {
      return 1;
    }
    return name.startsWith(MANIFEST_DIRECTORY) ? 2 : 3;
  }
}
