package io.github.distrolessmaven.core.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * SHA-1 and SHA-256 of dependency jars, remembered by path, size and modification time in the
 * shared cache: a hundred jars hashed on every build would cost more than the rest of the SBOM,
 * and a jar in the local repository is written once (a new version or SNAPSHOT build is a new
 * write, so a new size or time).
 */
public final class JarHashes {

  /** The two hashes of one file, as lowercase hex. */
  public record Hashes(String sha1, String sha256) {}

  private final Path file;
  private final Properties known;
  private boolean changed;

  /** @param file where the hashes are remembered; null to remember nothing */
  public JarHashes(Path file) {
    this.file = file;
    this.known = PropertiesFiles.readOrEmpty(file);
  }

  /** The hashes of {@code jar}, remembered or computed. Safe to call from several threads. */
  public Hashes of(Path jar) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
    String key = jar.toAbsolutePath().toString();
    String stamp = attributes.size() + ":" + attributes.lastModifiedTime().toMillis();
    String entry;
    synchronized (known) {
      entry = known.getProperty(key);
    }
    if (entry != null && entry.startsWith(stamp + ":")) {
      String[] parts = entry.split(":");
      if (parts.length == 4) {
        return new Hashes(parts[2], parts[3]);
      }
    }
    Hashes hashes = compute(jar);
    synchronized (known) {
      known.setProperty(key, stamp + ":" + hashes.sha1() + ":" + hashes.sha256());
      changed = true;
    }
    return hashes;
  }

  /** Writes what was learnt; failing to is only a slower next build. */
  public void save() {
    if (file == null || !changed) {
      return;
    }
    try {
      PropertiesFiles.write(file, known, "SHA-1 and SHA-256 of dependency jars, by path, size and time");
    } catch (IOException e) {
      // The next build hashes these jars again.
    }
  }

  private static Hashes compute(Path jar) throws IOException {
    MessageDigest sha1 = digest("SHA-1");
    MessageDigest sha256 = digest("SHA-256");
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(jar)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        sha1.update(buffer, 0, n);
        sha256.update(buffer, 0, n);
      }
    }
    HexFormat hex = HexFormat.of();
    return new Hashes(hex.formatHex(sha1.digest()), hex.formatHex(sha256.digest()));
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has " + algorithm, e);
    }
  }
}
