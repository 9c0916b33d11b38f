package io.github.distrolessmaven.core.archive;

import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarUtils;

/** What a tar archive starts with: a header block, or the zero block that ends an empty one. */
public final class TarHeaders {

  /** The size of a tar block. */
  public static final int BLOCK = 512;

  private TarHeaders() {}

  /**
   * Whether {@code block} is a tar header: it carries a tar magic, or (pre-POSIX tars have none)
   * a valid header checksum.
   */
  public static boolean isHeader(byte[] block) {
    if (block.length < BLOCK) {
      return false;
    }
    if (TarArchiveInputStream.matches(block, BLOCK)) {
      return true;
    }
    try {
      return TarUtils.verifyCheckSum(block);
    } catch (IllegalArgumentException e) {
      // The checksum field holds no octal number: a zip, a text file, anything but a tar.
      return false;
    }
  }

  /** Whether {@code block} is all zeros, as the end of an archive is. */
  public static boolean isZero(byte[] block) {
    return Arrays.equals(block, new byte[block.length]);
  }
}
