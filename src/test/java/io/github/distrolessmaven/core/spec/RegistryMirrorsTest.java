package io.github.distrolessmaven.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mirrors from {@code distroless.registryMirrors} and from {@code <registryMirror>}. */
class RegistryMirrorsTest {


  @Test
  void oneRegistryOneMirror() throws InvalidConfigurationException {
    assertEquals(Map.of("gcr.io", List.of("a:5000")), RegistryMirrors.parse("gcr.io=a:5000"));
  }

  @Test
  void severalRegistriesAndMirrorsKeepTheirOrder() throws InvalidConfigurationException {
    Map<String, List<String>> mirrors = RegistryMirrors.parse("gcr.io=a:5000,b:5001;quay.io=c");

    assertEquals(List.of("gcr.io", "quay.io"), new ArrayList<>(mirrors.keySet()));
    assertEquals(List.of("a:5000", "b:5001"), mirrors.get("gcr.io"));
    assertEquals(List.of("c"), mirrors.get("quay.io"));
  }

  @Test
  void blanksAndTrailingSeparatorsAreIgnored() throws InvalidConfigurationException {
    Map<String, List<String>> mirrors =
        RegistryMirrors.parse(" gcr.io = a:5000 , ,b ; ;quay.io=c;");

    assertEquals(Map.of("gcr.io", List.of("a:5000", "b"), "quay.io", List.of("c")), mirrors);
  }

  @Test
  void nullOrBlankIsNoMirrors() throws InvalidConfigurationException {
    assertEquals(Map.of(), RegistryMirrors.parse(null));
    assertEquals(Map.of(), RegistryMirrors.parse("  "));
  }

  @Test
  void missingEqualsIsRefused() {
    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> RegistryMirrors.parse("gcr.io"));

    assertEquals(Setting.REGISTRY_MIRRORS, e.setting());
    assertTrue(e.getMessage().startsWith(Setting.REGISTRY_MIRRORS.propertyName() + ": "));
    assertTrue(e.getMessage().contains("'gcr.io' has no '='"), e.getMessage());
    assertTrue(e.getMessage().contains("gcr.io=mirror.example.com:5000"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gcr.io=", "gcr.io= , ", "gcr.io=a:5000;quay.io="})
  void emptyMirrorListIsRefused(String value) {
    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> RegistryMirrors.parse(value));

    assertEquals(Setting.REGISTRY_MIRRORS, e.setting());
    assertTrue(e.getMessage().startsWith(Setting.REGISTRY_MIRRORS.propertyName() + ": "));
    assertTrue(e.getMessage().contains("has no mirror"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gcr.io=bad host", "gcr.io=http://a:5000", "gcr.io=a:port", "=a:5000",
      "gcr io=a:5000"})
  void badHostIsRefused(String value) {
    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> RegistryMirrors.parse(value));

    assertEquals(Setting.REGISTRY_MIRRORS, e.setting());
    assertTrue(e.getMessage().startsWith(Setting.REGISTRY_MIRRORS.propertyName() + ": "));
  }

  @Test
  void putAddsPomMirrorsAndMergesRepeatedRegistries() throws InvalidConfigurationException {
    Map<String, List<String>> mirrors = new LinkedHashMap<>();

    RegistryMirrors.put(mirrors, "gcr.io", List.of("a:5000"));
    RegistryMirrors.put(mirrors, "[::1]:5000", List.of("b"));
    RegistryMirrors.put(mirrors, " gcr.io ", List.of("c.example.com:443"));

    assertEquals(List.of("gcr.io", "[::1]:5000"), new ArrayList<>(mirrors.keySet()));
    assertEquals(List.of("a:5000", "c.example.com:443"), mirrors.get("gcr.io"));
  }

  @Test
  void putNamesThePomElement() {
    Map<String, List<String>> mirrors = new LinkedHashMap<>();

    InvalidConfigurationException noRegistry =
        assertThrows(InvalidConfigurationException.class,
            () -> RegistryMirrors.put(mirrors, null, List.of("a")));
    InvalidConfigurationException noMirror =
        assertThrows(InvalidConfigurationException.class,
            () -> RegistryMirrors.put(mirrors, "gcr.io", List.of()));
    InvalidConfigurationException badMirror =
        assertThrows(InvalidConfigurationException.class,
            () -> RegistryMirrors.put(mirrors, "gcr.io", List.of("a b")));

    assertEquals(Setting.REGISTRY_MIRRORS, noRegistry.setting());
    assertTrue(noRegistry.getMessage().startsWith(Setting.REGISTRY_MIRRORS.element() + ": "));
    assertEquals(Setting.REGISTRY_MIRRORS, noMirror.setting());
    assertTrue(noMirror.getMessage().startsWith(Setting.REGISTRY_MIRRORS.element() + ": "));
    assertEquals(Setting.REGISTRY_MIRRORS, badMirror.setting());
    assertTrue(badMirror.getMessage().startsWith(Setting.REGISTRY_MIRRORS.element() + ": "));
    assertTrue(badMirror.getMessage().contains("'a b'"), badMirror.getMessage());
    assertEquals(Map.of(), mirrors);
  }

  @Test
  void putRefusesAnEmptyMirrorElement() {
    // An empty <mirror/> reaches us as null.
    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class,
            () -> RegistryMirrors.put(
                new LinkedHashMap<>(), "gcr.io", Arrays.asList("a:5000", null)));

    assertEquals(Setting.REGISTRY_MIRRORS, e.setting());
    assertTrue(e.getMessage().startsWith(Setting.REGISTRY_MIRRORS.element() + ": "));
  }

  @Test
  void copyOfIsDeepAndUnmodifiable() throws InvalidConfigurationException {
    Map<String, List<String>> original = new LinkedHashMap<>();
    RegistryMirrors.put(original, "gcr.io", new ArrayList<>(List.of("a")));

    Map<String, List<String>> copy = RegistryMirrors.copyOf(original);
    original.get("gcr.io").add("b");

    assertEquals(List.of("a"), copy.get("gcr.io"));
    assertThrows(UnsupportedOperationException.class, () -> copy.get("gcr.io").add("c"));
    assertThrows(UnsupportedOperationException.class, () -> copy.remove("gcr.io"));
  }
}
