package io.github.distrolessmaven.core.state;

import io.github.distrolessmaven.core.blobs.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * "Now" is the earlier of this JVM's clock and the file system's (a file server's clock may be
 * behind). Hashes are remembered only on file systems known to keep a real change time; on
 * others (FAT, network mounts) every file is read at every build.
 */
final class FileHashes {

  /** How old a file's times must be for its hash to be remembered. */
  static final Duration SETTLE = Duration.ofSeconds(2);

  /** File systems whose change time moves at every write, to the nanosecond or near it. */
  private static final Set<String> TRUSTED_FILE_SYSTEMS =
      Set.of("ext4", "ext3", "xfs", "btrfs", "zfs", "tmpfs", "overlay", "f2fs", "apfs");

  private final Path file;
  private final Instant now;
  private final Properties known;
  /** What this build looked up: only that is written back, so deleted files drop out. */
  private final Properties used = new Properties();
  /** Whether each device (as its file key names it) is on a trusted file system. */
  private final Map<String, Boolean> trustedDevices = new ConcurrentHashMap<>();

  /**
   * @param file where the hashes are remembered; null to remember nothing
   * @param now the time that decides which files have settled
   */
  FileHashes(Path file, Instant now) {
    this.file = file;
    this.now = now;
    this.known = PropertiesFiles.readOrEmpty(file);
  }

  /** Remembers nothing: every file is hashed. */
  static FileHashes none() {
    return new FileHashes(null, Instant.EPOCH);
  }

  /**
   * The earlier of this JVM's clock and the file system's, read from a file written now in
   * {@code directory}.
   */
  static Instant now(Path directory) {
    Instant now = Instant.now();
    try {
      Files.createDirectories(directory);
      Path probe = directory.resolve(".clock");
      Files.write(probe, new byte[0]);
      Instant written = Files.getLastModifiedTime(probe).toInstant();
      return written.isBefore(now) ? written : now;
    } catch (IOException e) {
      // Without a probe, nothing is remembered: a time this old settles no file.
      return Instant.EPOCH;
    }
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
    if (entry != null && entry.startsWith(prefix)
        && Sha256.DIGEST.matcher(entry.substring(prefix.length())).matches()) {
      synchronized (used) {
        used.setProperty(key, entry);
      }
      return entry.substring(prefix.length());
    }
    String hash = Sha256.of(source);
    Instant settled = now.minus(SETTLE);
    if (changed != null && attributes.lastModifiedTime().toInstant().isBefore(settled)
        && changed.toInstant().isBefore(settled) && trusted(source, attributes)) {
      synchronized (used) {
        used.setProperty(key, prefix + hash);
      }
    }
    return hash;
  }

  /** Writes what this build looked up; failing to is only a slower next build. */
  void save() {
    if (file == null || used.equals(known)) {
      return;
    }
    try {
      PropertiesFiles.write(file, used, "SHA-256 of classes and resources, by path and file status");
    } catch (IOException e) {
      // The next build hashes these files again.
    }
  }

  /** Whether the file's file system keeps a change time that can be trusted. */
  private boolean trusted(Path source, BasicFileAttributes attributes) {
    Object key = attributes.fileKey();
    String device = key == null ? null : key.toString().replaceFirst(",ino=.*", "");
    if (device == null) {
      return false;
    }
    return trustedDevices.computeIfAbsent(device, d -> {
      try {
        return TRUSTED_FILE_SYSTEMS.contains(Files.getFileStore(source).type());
      } catch (IOException | RuntimeException e) {
        return false;
      }
    });
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
