package io.github.distrolessmaven.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The core's setting references, spelled as a Maven user writes them. */
class SettingNamesTest {

  @ParameterizedTest
  @EnumSource(Setting.class)
  void everySettingHasAMavenNameAndEveryFormIsSpelledOut(Setting setting) {
    SettingNames.Name name = SettingNames.of(setting);
    assertTrue(name.element() != null || name.property() != null, setting.name());
    for (String reference : new String[] {setting.element(), setting.element("x"),
        setting.property(), setting.property("x"), setting.propertyName()}) {
      String spelled = SettingNames.render("see " + reference + ".");
      assertFalse(spelled.contains("{@"), reference + " stayed a reference: " + spelled);
    }
  }

  @Test
  void elementsPropertiesAndValuesAreSpelledAsInThePom() {
    assertEquals("<to><image>", SettingNames.render(Setting.TO_IMAGE.element()));
    assertEquals("-Ddistroless.to.image", SettingNames.render(Setting.TO_IMAGE.property()));
    assertEquals("-Ddistroless.container.mainClass=com.example.App",
        SettingNames.render(Setting.CONTAINER_MAIN_CLASS.property("com.example.App")));
    assertEquals("<container><allowRoot>true</allowRoot>",
        SettingNames.render(Setting.CONTAINER_ALLOW_ROOT.element("true")));
    assertEquals("<allowShell>true</allowShell>",
        SettingNames.render(Setting.ALLOW_SHELL.element("true")));
    assertEquals("<from><image>gcr.io/distroless/java17-debian13:nonroot@sha256:a</image>",
        SettingNames.render(
            Setting.FROM_IMAGE.element("gcr.io/distroless/java17-debian13:nonroot@sha256:a")));
    assertEquals("distroless.registryMirrors",
        SettingNames.render(Setting.REGISTRY_MIRRORS.propertyName()));
    assertEquals("<extraDirectories><permissions><permission><mode>",
        SettingNames.render(Setting.PERMISSION_MODE.element()));
  }

  @Test
  void aSettingWithoutAPropertyIsNamedByItsElementInEveryForm() {
    assertEquals("<container><user>", SettingNames.render(Setting.CONTAINER_USER.property()));
    assertEquals("project.build.outputDirectory",
        SettingNames.render(Setting.CLASSES_DIRECTORY.element()));
    assertEquals("-o (offline)", SettingNames.render(Setting.OFFLINE.element()));
  }

  @Test
  void aPropertyOnlySettingIsNamedByItsProperty() {
    assertEquals("distroless.tar", SettingNames.render(Setting.ARCHIVE.element()));
    assertEquals("-Ddistroless.tar=path/to/image.tar",
        SettingNames.render(Setting.ARCHIVE.property("path/to/image.tar")));
  }

  @Test
  void aFailureIsHeadedByTheSettingAsTheUserGaveIt() {
    assertEquals("<to><image>: is not set. Set <to><image> or -Ddistroless.to.image.",
        SettingNames.render(new InvalidConfigurationException(Setting.TO_IMAGE,
            "is not set. Set " + Setting.TO_IMAGE.element() + " or "
                + Setting.TO_IMAGE.property() + ".").getMessage()));
    assertEquals("distroless.registryMirrors: 'x' has no '='",
        SettingNames.render(InvalidConfigurationException.inProperty(
            Setting.REGISTRY_MIRRORS, "'x' has no '='").getMessage()));
  }

  @Test
  void textWithoutReferencesAndUnknownKeysAreLeftAlone() {
    String json = "{\"a\":1} {@} {@no.such.key} plain";
    assertEquals(json, SettingNames.render(json));
    assertNull(SettingNames.render(null));
  }
}
