package io.github.distrolessmaven.core.uptodate;

import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.output.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * SHA-256 of the application's classes and resources, remembered by path and file status in the
 * project's layer cache, so that a file Maven left alone is not read again on the next build. A
 * web app's static files are megabytes; hashed at every build, in a JVM that has not yet
 * compiled SHA-256, they cost a large part of a one-class rebuild.
 *
 * <p>The status is the size, the modification time and the change time (which no tool can set
 * back: any write or rename moves it), to the nanosecond, and the file's identity (its inode).
 * A file whose times are less than {@link #SETTLE} old is hashed but not remembered: it could
 * change again within the same tick of the file system's clock, leaving its status as it was.
 */
final class FileHashes {

  /** How old a file's times must be for its hash to be remembered. */
  static final Duration SETTLE = Duration.ofSeconds(2);

  private final Path file;
  private final Instant now;
  private final Properties known = new Properties();
  /** What this build looked up: only that is written back, so deleted files drop out. */
  private final Properties used = new Properties();

  /**
   * @param file where the hashes are remembered; null to remember nothing
   * @param now the time that decides which files have settled
   */
  FileHashes(Path file, Instant now) {
    this.file = file;
    this.now = now;
    if (file != null && Files.isRegularFile(file)) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        known.load(reader);
      } catch (IOException | IllegalArgumentException e) {
        known.clear();
      }
    }
  }

  /** Remembers nothing: every file is hashed. */
  static FileHashes none() {
    return new FileHashes(null, Instant.EPOCH);
  }

  /**
   * The SHA-256 of {@code source}, remembered or computed. Safe to call from several threads.
   *
   * @param attributes its attributes, read by the caller
   * @return {@code sha256:...}
   */
  String of(Path source, BasicFileAttributes attributes) throws IOException {
    FileTime changed = changeTime(source);
    String key = source.toAbsolutePath().toString();
    String stamp = attributes.size() + ":" + nanos(attributes.lastModifiedTime()) + ":"
        + (changed == null ? "-" : nanos(changed)) + ":" + attributes.fileKey();
    String entry;
    synchronized (known) {
      entry = known.getProperty(key);
    }
    String prefix = stamp + "=";
    if (entry != null && entry.startsWith(prefix)) {
      synchronized (used) {
        used.setProperty(key, entry);
      }
      return entry.substring(prefix.length());
    }
    String hash = Sha256.of(source);
    Instant settled = now.minus(SETTLE);
    if (changed != null && attributes.lastModifiedTime().toInstant().isBefore(settled)
        && changed.toInstant().isBefore(settled)) {
      synchronized (used) {
        used.setProperty(key, prefix + hash);
      }
    }
    return hash;
  }

  /** Writes what this build looked up; failing to is only a slower next build. */
  void save() {
    if (file == null) {
      return;
    }
    try {
      StringWriter text = new StringWriter();
      synchronized (used) {
        if (used.equals(known)) {
          return;
        }
        used.store(text, "SHA-256 of classes and resources, by path and file status");
      }
      Files.createDirectories(file.getParent());
      AtomicFiles.writeString(file, text.toString());
    } catch (IOException e) {
      // The next build hashes these files again.
    }
  }

  /** The file's change time, where the file system tells it; else null (nothing remembered). */
  private static FileTime changeTime(Path source) {
    try {
      return (FileTime) Files.getAttribute(source, "unix:ctime");
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException
        | ClassCastException e) {
      return null;
    }
  }

  private static long nanos(FileTime time) {
    return time.to(TimeUnit.NANOSECONDS);
  }
}
