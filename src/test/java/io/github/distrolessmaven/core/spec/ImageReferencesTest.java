package io.github.distrolessmaven.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.oci.ImageReference;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Image references and tags, reported against the element they came from. */
class ImageReferencesTest {

  private static final String DIGEST =
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @Test
  void registryWithPortRepositoryAndTag() throws InvalidConfigurationException {
    ImageReference reference =
        ImageReferences.parse(" registry.example.com:5000/team/app:1.0 ", Setting.TO_IMAGE);

    assertEquals("registry.example.com:5000", reference.registry());
    assertEquals("team/app", reference.repository());
    assertEquals(Optional.of("1.0"), reference.tag());
    assertEquals(Optional.empty(), reference.digest());
  }

  @Test
  void digestReference() throws InvalidConfigurationException {
    ImageReference reference =
        ImageReferences.parse("gcr.io/distroless/java21-debian13@" + DIGEST, Setting.FROM_IMAGE);

    assertEquals("gcr.io", reference.registry());
    assertEquals("distroless/java21-debian13", reference.repository());
    assertEquals(Optional.of(DIGEST), reference.digest());
  }

  @Test
  void shortNameMeansDockerHub() throws InvalidConfigurationException {
    ImageReference reference = ImageReferences.parse("app", Setting.TO_IMAGE);

    assertEquals("library/app", reference.repository());
    assertEquals("latest", reference.qualifier());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Not A Valid//Ref", "registry.example.com/Team/App:1.0", "UPPER",
      "app:bad tag", "app@sha256:short"})
  void invalidReferenceNamesElement(String value) {
    InvalidConfigurationException e =
        assertThrows(
            InvalidConfigurationException.class, () -> ImageReferences.parse(value, Setting.TO_IMAGE));

    assertEquals(Setting.TO_IMAGE, e.setting());
    assertTrue(e.getMessage().contains("'" + value + "' is not a valid image reference"),
        e.getMessage());
    assertTrue(e.getMessage().contains("lower-case repository"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void emptyReferenceNamesElement(String value) {
    InvalidConfigurationException e =
        assertThrows(
            InvalidConfigurationException.class,
            () -> ImageReferences.parse(value, Setting.FROM_IMAGE));

    assertEquals(Setting.FROM_IMAGE, e.setting());
    assertTrue(e.getMessage().contains("is empty"), e.getMessage());
  }

  @Test
  void nullReferenceIsEmpty() {
    InvalidConfigurationException e =
        assertThrows(
            InvalidConfigurationException.class, () -> ImageReferences.parse(null, Setting.TO_IMAGE));

    assertTrue(e.getMessage().contains("is empty"), e.getMessage());
  }

  @Test
  void tagsAreTrimmedDeduplicatedAndKeepTheirOrder() throws InvalidConfigurationException {
    assertEquals(
        List.of("1.0", "latest", "v_2-rc.1"),
        ImageReferences.tags(
            Arrays.asList(" 1.0", "latest", "", null, "1.0 ", "v_2-rc.1", "latest"),
            Setting.TO_TAGS));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-dash", ".dot", "has space", "a:b", "a/b"})
  void invalidTagNamesElement(String tag) {
    InvalidConfigurationException e =
        assertThrows(
            InvalidConfigurationException.class,
            () -> ImageReferences.tags(List.of("ok", tag), Setting.TO_TAGS));

    assertEquals(Setting.TO_TAGS, e.setting());
    assertTrue(e.getMessage().contains("'" + tag + "' is not a valid tag"), e.getMessage());
  }

  @Test
  void tagLongerThan128IsRefused() throws InvalidConfigurationException {
    String longest = "a".repeat(128);

    assertEquals(List.of(longest), ImageReferences.tags(List.of(longest), Setting.TO_TAGS));
    assertThrows(
        InvalidConfigurationException.class,
        () -> ImageReferences.tags(List.of(longest + "a"), Setting.TO_TAGS));
  }
}
