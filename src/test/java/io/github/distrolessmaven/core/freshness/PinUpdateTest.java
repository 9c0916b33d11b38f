package io.github.distrolessmaven.core.freshness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stale pin rewritten where the build file writes it, and nothing else. */
class PinUpdateTest {

  private static final String OLD = "sha256:" + "a".repeat(64);
  private static final String NEW = "sha256:" + "b".repeat(64);
  private static final String REFERENCE = "registry.example/distroless/java17:nonroot@" + OLD;

  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
    return file;
  }

  @Test
  void theWholeReferenceIsRewrittenAndEveryOtherByteKept() throws Exception {
    // CRLF line ends, a comment, odd indentation, a Latin-1 byte: all kept.
    String pom = "<project>\r\n  <!-- pinned on purpose, caf\u00e9 -->\r\n"
        + "      <image>" + REFERENCE + "</image>\r\n</project>\r\n";
    Path file = write("pom.xml", pom);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    PinUpdate.Result result = PinUpdate.apply(List.of(file), REFERENCE, OLD, NEW);

    assertEquals(new PinUpdate.Result(Optional.of(file), 1), result);
    assertEquals(pom.replace(OLD, NEW), Files.readString(file, StandardCharsets.ISO_8859_1));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (var left = Files.list(dir)) {
      assertEquals(List.of(file), left.toList(), "no temporary file left beside the POM");
    }
  }

  @Test
  void theModulesOwnPomComesBeforeItsParentsAndAnotherTagWithTheSameDigestIsKept()
      throws Exception {
    String other = "registry.example/distroless/java17:latest@" + OLD;
    Path module = write("app/pom.xml", "<image>" + REFERENCE + "</image>");
    Path parent = write("pom.xml", "<image>" + REFERENCE + "</image><image>" + other
        + "</image>");

    PinUpdate.apply(List.of(module, parent), REFERENCE, OLD, NEW);

    assertEquals("<image>" + REFERENCE.replace(OLD, NEW) + "</image>", Files.readString(module));
    assertEquals("<image>" + REFERENCE + "</image><image>" + other + "</image>",
        Files.readString(parent));
  }

  @Test
  void aDigestWrittenAloneInAPropertyIsRewrittenWhereTheReferenceIsNotWrittenWhole()
      throws Exception {
    Path module = write("app/pom.xml", "<image>${base}@${base.digest}</image>");
    Path parent = write("pom.xml", "<base.digest>" + OLD + "</base.digest>");

    PinUpdate.Result result = PinUpdate.apply(List.of(module, parent), REFERENCE, OLD, NEW);

    assertEquals(new PinUpdate.Result(Optional.of(parent), 1), result);
    assertEquals("<base.digest>" + NEW + "</base.digest>", Files.readString(parent));
    assertEquals("<image>${base}@${base.digest}</image>", Files.readString(module));
  }

  @Test
  void aPinAnotherModuleUpdatedAlreadyIsFoundAndOneWrittenNowhereIsSaid() throws Exception {
    Path updated = write("pom.xml", "<image>" + REFERENCE.replace(OLD, NEW) + "</image>");
    assertEquals(new PinUpdate.Result(Optional.of(updated), 0),
        PinUpdate.apply(List.of(updated), REFERENCE, OLD, NEW));

    Path elsewhere = write("other/pom.xml", "<image>registry.example/x:1</image>");
    PinUpdate.Result none = PinUpdate.apply(List.of(elsewhere), REFERENCE, OLD, NEW);
    assertFalse(none.file().isPresent());
    assertEquals("<image>registry.example/x:1</image>", Files.readString(elsewhere));
  }
}
