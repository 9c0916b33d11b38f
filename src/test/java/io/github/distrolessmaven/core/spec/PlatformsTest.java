package io.github.distrolessmaven.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.oci.Platform;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The platforms of {@code <from><platforms>} and {@code -Ddistroless.platforms}. */
class PlatformsTest {

  private static final Platform ARM64_V8 = new Platform("linux", "arm64", Optional.of("v8"));

  @Test
  void noneGivenIsLinuxAmd64AloneWhateverTheMachine() throws InvalidConfigurationException {
    assertEquals(List.of(Platform.LINUX_AMD64), Platforms.of(null));
  }

  @Test
  void buildFileEntriesKeepTheirOrderAndVariant() throws InvalidConfigurationException {
    assertEquals(List.of(ARM64_V8, Platform.LINUX_AMD64), Platforms.of(List.of(
        new Platforms.Entry("linux", "arm64", "v8"), new Platforms.Entry("Linux", "AMD64", " "))));
  }

  @Test
  void propertyListsPlatformsCommaSeparated() throws InvalidConfigurationException {
    assertEquals(List.of(Platform.LINUX_AMD64, ARM64_V8),
        Platforms.parse("linux/amd64, linux/arm64/v8"));
    assertEquals(List.of(ARM64_V8), Platforms.parse("linux/aarch64"), "arm64 is arm64/v8");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "linux", "linux/", "/amd64", "linux/amd64/v2/x",
      "linux/amd64,", "linux/amd64,,linux/arm64"})
  void malformedPropertyIsRefusedNamingTheSetting(String text) {
    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> Platforms.parse(text));
    assertEquals(Setting.FROM_PLATFORMS, e.setting());
    // The mojo names the property the user gave (AbstractRegistryMojoTest).
    assertTrue(e.getMessage().startsWith(Setting.FROM_PLATFORMS.element() + ": "), e.getMessage());
  }

  @Test
  void unknownOsArchitectureOrVariantIsRefusedWithTheChoices() {
    String os = refused(new Platforms.Entry("windows", "amd64", null));
    assertTrue(os.contains("'windows'") && os.contains("Write linux"), os);
    String arch = refused(new Platforms.Entry("linux", "x86", null));
    assertTrue(arch.contains("'x86'") && arch.contains("amd64, arm64"), arch);
    String variant = refused(new Platforms.Entry("linux", "arm64", "v7"));
    assertTrue(variant.contains("'v7'") && variant.contains("v8, v9"), variant);
    String none = refused(new Platforms.Entry("linux", "s390x", "v1"));
    assertTrue(none.contains("Leave the variant out"), none);
    String missing = refused(new Platforms.Entry(null, "arm64", null));
    assertTrue(missing.contains("needs an os and an architecture"), missing);
  }

  @Test
  void aPlatformGivenTwiceIsRefusedAlsoWhenOneNamesTheDefaultVariant() {
    String twice = refused(new Platforms.Entry("linux", "arm64", null),
        new Platforms.Entry("linux", "aarch64", "v8"));
    assertTrue(twice.contains("linux/arm64 and linux/aarch64/v8 are one platform, linux/arm64/v8."
        + " Name each platform once."), twice);
    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> Platforms.parse("linux/amd64,linux/amd64"));
    assertTrue(e.getMessage().contains("linux/amd64 is given twice"), e.getMessage());
  }

  @Test
  void anEmptyListIsRefused() {
    String empty = refused();
    assertTrue(empty.startsWith(Setting.FROM_PLATFORMS.element()), empty);
    assertTrue(empty.contains("no platform is given"), empty);
  }

  @Test
  void theLoadPlatformIsOneOfThoseBuiltAsTheIndexNamesIt() throws InvalidConfigurationException {
    List<Platform> built = List.of(Platform.LINUX_AMD64, ARM64_V8);
    assertEquals(ARM64_V8, Platforms.loadPlatform("linux/arm64", built));
    assertEquals(Platform.LINUX_AMD64, Platforms.loadPlatform(" linux/x86_64 ", built));

    InvalidConfigurationException other = assertThrows(InvalidConfigurationException.class,
        () -> Platforms.loadPlatform("linux/s390x", built));
    assertEquals(Setting.LOAD_PLATFORM, other.setting());
    assertTrue(other.getMessage().contains("linux/s390x is not built; the image is built for"
        + " linux/amd64, linux/arm64/v8"), other.getMessage());
    assertThrows(InvalidConfigurationException.class, () -> Platforms.loadPlatform("arm64", built));
  }

  private static String refused(Platforms.Entry... entries) {
    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> Platforms.of(Arrays.asList(entries)));
    assertEquals(Setting.FROM_PLATFORMS, e.setting());
    return e.getMessage();
  }

  @Test
  void onePlatformOfAnotherSettingIsReadAndAMalformedOneNamesThatSetting() throws Exception {
    assertEquals(Platform.of("linux", "arm64"), Platforms.one(" linux/aarch64 ",
        Setting.JLINK_JDKS));
    assertEquals(ARM64_V8, Platforms.one("linux/arm64/v8", Setting.JLINK_JDKS));
    InvalidConfigurationException malformed = assertThrows(InvalidConfigurationException.class,
        () -> Platforms.one("arm64", Setting.JLINK_JDKS));
    assertEquals(Setting.JLINK_JDKS, malformed.setting());
    assertTrue(malformed.getMessage().startsWith(Setting.JLINK_JDKS.element() + ": 'arm64' is"
        + " not a platform. Write os/architecture[/variant]"), malformed.getMessage());
  }
}
