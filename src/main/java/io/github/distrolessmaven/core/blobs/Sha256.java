package io.github.distrolessmaven.core.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 digests as images name them: {@code sha256:} and 64 lower-case hex digits. */
public final class Sha256 {

  /** A well-formed digest. */
  public static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");

  private Sha256() {}

  /** The digest of {@code bytes}. */
  public static String of(byte[] bytes) {
    return "sha256:" + HexFormat.of().formatHex(newDigest().digest(bytes));
  }

  /**
   * A name for a cache entry made from {@code identity}: the first 16 hex digits of its UTF-8
   * bytes' digest, the same for the same text on every machine.
   */
  public static String shortKey(String identity) {
    return hex(of(identity.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
  }

  /** The hex part of a {@code sha256:...} digest. */
  public static String hex(String digest) {
    return digest.substring("sha256:".length());
  }

  /**
   * Copies {@code in} to {@code out} while hashing it.
   *
   * @return the digest of what was copied and how many bytes
   */
  public static Copied copy(InputStream in, OutputStream out) throws IOException {
    MessageDigest digest = newDigest();
    byte[] buffer = new byte[1 << 16];
    long count = 0;
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      digest.update(buffer, 0, read);
      out.write(buffer, 0, read);
      count += read;
    }
    return new Copied("sha256:" + HexFormat.of().formatHex(digest.digest()), count);
  }

  /** The digest of a file's content, read as a stream. */
  public static String of(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return copy(in, OutputStream.nullOutputStream()).digest();
    }
  }

  /**
   * What {@link #copy} copied.
   *
   * @param digest {@code sha256:...} of the bytes
   * @param size how many bytes
   */
  public record Copied(String digest, long size) {}

  /** A fresh SHA-256 digester, for callers that hash while they stream. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }
}
