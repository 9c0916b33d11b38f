package io.github.distrolessmaven.core.jlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.oci.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which JDK links, read from its release file. */
class JdkTest {

  @TempDir Path dir;

  private Path jdk(String release, boolean jlink) throws Exception {
    Files.createDirectories(dir.resolve("bin"));
    Files.writeString(dir.resolve("release"), release);
    if (jlink) {
      Path tool = Files.writeString(dir.resolve("bin/jlink"), "");
      Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return dir;
  }

  @Test
  void theFeatureVersionAndTheReleaseValuesAreRead() throws Exception {
    Jdk jdk = Jdk.at(jdk("IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n", true),
        Setting.JLINK_JDK);
    assertEquals(25, jdk.feature());
    assertEquals(Optional.of("Eclipse Adoptium"), jdk.releaseValue("IMPLEMENTOR"));
    assertEquals(Optional.empty(), jdk.jmods());
    assertFalse(jdk.isRunning());
    assertEquals(8, Jdk.at(jdk("JAVA_VERSION=\"1.8.0_402\"\n", true), Setting.JLINK_JDK)
        .feature());
  }

  @Test
  void aFolderWithoutJlinkOrWithoutAVersionIsRefusedNamingTheSetting() throws Exception {
    InvalidConfigurationException noTool = assertThrows(InvalidConfigurationException.class,
        () -> Jdk.at(jdk("JAVA_VERSION=\"21.0.1\"\n", false), Setting.JLINK_JDK));
    assertEquals(Setting.JLINK_JDK, noTool.setting());
    assertTrue(noTool.getMessage().contains("not a JDK with jlink"), noTool.getMessage());
    InvalidConfigurationException noVersion = assertThrows(InvalidConfigurationException.class,
        () -> Jdk.at(jdk("IMPLEMENTOR=\"x\"\n", true), Setting.JLINK_JDK));
    assertTrue(noVersion.getMessage().contains("no JAVA_VERSION"), noVersion.getMessage());
  }

  @Test
  void theRunningJdkIsRecognised() throws Exception {
    Jdk running = Jdk.running();
    assertTrue(running.isRunning());
    assertEquals(Runtime.version().feature(), running.feature());
  }

  @Test
  void itsPlatformAndTheVersionItsJlinkLinksAreRead() throws Exception {
    Jdk arm = Jdk.at(jdk("JAVA_VERSION=\"17.0.21.1\"\nOS_NAME=\"Linux\"\nOS_ARCH=\"aarch64\"\n",
        true), Setting.JLINK_JDKS);
    assertEquals(Optional.of(Platform.of("linux", "arm64")), arm.platform());
    assertTrue(arm.runsOn(Platform.of("linux", "arm64", "v8")));
    assertFalse(arm.runsOn(Platform.LINUX_AMD64));
    assertTrue(new Jdk(dir, 21, "JAVA_VERSION=\"21\"\n").runsOn(Platform.LINUX_AMD64));
    assertEquals("17.0", arm.featureAndInterim());
    assertTrue(arm.linksModulesOf(new Jdk(dir, 17, "JAVA_VERSION=\"17.0.15\"\n")));
    assertFalse(arm.linksModulesOf(new Jdk(dir, 17, "JAVA_VERSION=\"17.1.2\"\n")));
    assertFalse(arm.linksModulesOf(new Jdk(dir, 21, "JAVA_VERSION=\"21\"\n")));
    assertEquals("21.0", new Jdk(dir, 21, "JAVA_VERSION=\"21\"\n").featureAndInterim());
    // A release file that names no platform: the caller decides.
    assertEquals(Optional.empty(), new Jdk(dir, 21, "JAVA_VERSION=\"21\"\n").platform());
    assertEquals(Optional.of(Platform.LINUX_AMD64),
        new Jdk(dir, 21, "OS_NAME=\"Linux\"\nOS_ARCH=\"x86_64\"\n").platform());
  }
}
