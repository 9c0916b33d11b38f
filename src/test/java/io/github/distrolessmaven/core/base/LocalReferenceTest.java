package io.github.distrolessmaven.core.base;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.base.LocalReference.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How tar:// and oci:// references are written, and what a wrong one is told. */
class LocalReferenceTest {

  @TempDir Path dir;

  private String refused(String reference) {
    InvalidConfigurationException e =
        assertThrows(
            InvalidConfigurationException.class, () -> LocalBase.checkSyntax(reference, dir));
    assertEquals(Setting.FROM_IMAGE, e.setting());
    return e.getMessage();
  }

  @Test
  void localReferencesAreToldFromRegistryReferences() {
    assertTrue(LocalBase.isLocal("tar:///opt/base.tar"));
    assertTrue(LocalBase.isLocal("oci:///opt/layout:1.0"));
    assertTrue(LocalBase.isLocal(" oci-archive:/opt/base.tar"));
    assertFalse(LocalBase.isLocal("gcr.io/distroless/java17-debian13:nonroot"));
    assertFalse(LocalBase.isLocal("oci:5000/team/app"), "host oci, port 5000");
    assertFalse(LocalBase.isLocal("tar"));
    assertFalse(LocalBase.isLocal(null));
  }

  @Test
  void existingArchiveAndLayoutPass() throws Exception {
    Path tar = Files.createFile(dir.resolve("base.tar"));
    Path layout = Files.createDirectories(dir.resolve("layout"));

    assertDoesNotThrow(() -> LocalBase.checkSyntax("tar://" + tar, dir));
    assertDoesNotThrow(() -> LocalBase.checkSyntax("oci://" + layout, dir));
    assertDoesNotThrow(() -> LocalBase.checkSyntax("oci://" + layout + ":1.0", dir));
  }

  @Test
  void refNameStartsAtTheFirstColonAfterThePath() throws Exception {
    Path layout = Files.createDirectories(dir.resolve("layout"));

    LocalReference reference =
        LocalReference.parse("oci://" + layout + ":docker.io/library/base:1.0", dir);

    assertEquals(Kind.OCI_LAYOUT, reference.kind());
    assertEquals(layout, reference.path());
    assertEquals(Optional.of("docker.io/library/base:1.0"), reference.refName());
  }

  @Test
  void aRelativePathIsReadFromTheProjectsFolderAsJibReadsIt() throws Exception {
    Path tar = Files.createFile(Files.createDirectories(dir.resolve("bases")).resolve("base.tar"));
    Path layout = Files.createDirectories(dir.resolve("layout"));

    assertEquals(tar, LocalReference.parse("tar://bases/base.tar", dir).path());
    assertEquals(tar, LocalReference.parse("tar://./bases/../bases/base.tar", dir).path());
    LocalReference reference = LocalReference.parse("oci://layout:1.0", dir);
    assertEquals(layout, reference.path());
    assertEquals(Optional.of("1.0"), reference.refName());

    String message = refused("tar://missing.tar");
    assertTrue(message.contains(dir.resolve("missing.tar") + " does not exist"), message);
    assertTrue(refused("tar://").contains("names no file"), refused("tar://"));
  }

  @Test
  void missingArchiveIsRefusedWithHowToWriteIt() {
    Path missing = dir.resolve("missing.tar");

    String message = refused("tar://" + missing);

    assertTrue(message.contains(missing + " does not exist"), message);
    assertTrue(message.contains("docker save"), message);
  }

  @Test
  void missingLayoutIsRefused() {
    String message = refused("oci://" + dir.resolve("nothing") + ":1.0");

    assertTrue(message.contains(dir.resolve("nothing") + " does not exist"), message);
  }

  @Test
  void directoryAsArchiveAndFileAsLayoutAreRefusedWithTheOtherScheme() throws Exception {
    Path file = Files.createFile(dir.resolve("base.tar"));

    assertTrue(refused("tar://" + dir).contains("write oci://" + dir), "tar:// on a directory");
    assertTrue(refused("oci://" + file).contains("write tar://" + file), "oci:// on a file");
  }

  @Test
  void emptyRefIsRefused() throws Exception {
    Path layout = Files.createDirectories(dir.resolve("layout"));

    assertTrue(refused("oci://" + layout + ":").contains("names no ref"));
  }

  @Test
  void skopeoSpellingsAreAnsweredWithThisPluginsSpelling() {
    assertTrue(
        refused("oci-archive:/opt/base.tar:1.0").contains("Write it as tar:///opt/base.tar"));
    assertTrue(refused("docker-archive:/opt/base.tar").contains("Write it as tar:///opt/base.tar"));
    assertTrue(refused("oci:/opt/layout:1.0").contains("Write it as oci:///opt/layout:1.0"));
    assertTrue(refused("tar:/opt/base.tar").contains("Write it as tar:///opt/base.tar"));
  }
}
