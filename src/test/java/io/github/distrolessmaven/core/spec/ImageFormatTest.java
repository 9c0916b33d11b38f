package io.github.distrolessmaven.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code <container><format>}. */
class ImageFormatTest {

  @ParameterizedTest
  @ValueSource(strings = {"Docker", "docker", "DOCKER", " Docker "})
  void dockerInAnyCase(String value) throws InvalidConfigurationException {
    assertEquals(ImageFormat.DOCKER, ImageFormat.parse(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"OCI", "oci", "Oci"})
  void ociInAnyCase(String value) throws InvalidConfigurationException {
    assertEquals(ImageFormat.OCI, ImageFormat.parse(value));
  }

  @Test
  void blankMeansDocker() throws InvalidConfigurationException {
    assertEquals(ImageFormat.DOCKER, ImageFormat.parse(null));
    assertEquals(ImageFormat.DOCKER, ImageFormat.parse(""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"v2", "docker-v2", "OCI1"})
  void unknownFormatNamesElement(String value) {
    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> ImageFormat.parse(value));

    assertEquals(Setting.CONTAINER_FORMAT, e.setting());
    assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
    assertTrue(e.getMessage().contains("Docker or OCI"), e.getMessage());
  }
}
