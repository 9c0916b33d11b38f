package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.Setting;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a Maven user writes each {@link Setting}: its POM element and its command-line property.
 * The core refers to settings by key; every message and log line it writes passes through
 * {@link #render} on its way to Maven, which spells each reference as this plugin's user knows it.
 */
final class SettingNames {

  /** {@code {@key}}, {@code {@key=value}}, {@code {@-Dkey}}, {@code {@-Dkey=value}}, {@code {@Pkey}}. */
  private static final Pattern REFERENCE =
      Pattern.compile("\\{@(-D|P)?([A-Za-z][A-Za-z.]*)(?:=([^}]*))?\\}");

  /**
   * @param element the POM element path, e.g. {@code <to><image>}, or how Maven names a setting
   *     that is not one (e.g. {@code maven.compiler.release}); null when it has no such name
   * @param property the command-line property, e.g. {@code distroless.to.image}; null for none
   */
  record Name(String element, String property) {}

  private SettingNames() {}

  static Name of(Setting setting) {
    return switch (setting) {
      case FROM_IMAGE -> new Name("<from><image>", Properties.FROM_IMAGE);
      case FROM_AUTH -> new Name("<from><auth>", null);
      case FROM_PLATFORMS -> new Name("<from><platforms>", Properties.PLATFORMS);
      case LOAD_PLATFORM -> new Name(null, Properties.LOAD_PLATFORM);
      case TO_IMAGE -> new Name("<to><image>", Properties.TO_IMAGE);
      case TO_TAGS -> new Name("<to><tags>", Properties.TO_TAGS);
      case TO_AUTH -> new Name("<to><auth>", null);
      case AUTH -> new Name("<auth>", null);
      case CRED_HELPER -> new Name("<credHelper>", null);
      case CREDENTIAL_SERVERS -> new Name("settings.xml <server>", null);
      case DOCKER_CONFIG -> new Name("docker config", null);
      case CONTAINER_USER -> new Name("<container><user>", null);
      case CONTAINER_ALLOW_ROOT -> new Name("<container><allowRoot>", null);
      case CONTAINER_MAIN_CLASS -> new Name("<container><mainClass>", Properties.MAIN_CLASS);
      case CONTAINER_ENTRYPOINT -> new Name("<container><entrypoint>", null);
      case CONTAINER_JVM_FLAGS -> new Name("<container><jvmFlags>", null);
      case PROJECT_URL -> new Name("the POM's <url>", null);
      case PROJECT_SCM_URL -> new Name("the POM's <scm><url>", null);
      case CONTAINER_ENVIRONMENT -> new Name("<container><environment>", null);
      case CONTAINER_PORTS -> new Name("<container><ports>", null);
      case CONTAINER_LABELS -> new Name("<container><labels>", null);
      case CONTAINER_VOLUMES -> new Name("<container><volumes>", null);
      case CONTAINER_WORKING_DIRECTORY -> new Name("<container><workingDirectory>", null);
      case CONTAINER_APP_ROOT -> new Name("<container><appRoot>", null);
      case CONTAINER_CREATION_TIME -> new Name("<container><creationTime>", null);
      case CONTAINER_FILES_MODIFICATION_TIME ->
          new Name("<container><filesModificationTime>", null);
      case CONTAINER_FORMAT -> new Name("<container><format>", Properties.FORMAT);
      case CONTAINER_EXTRA_CLASSPATH ->
          new Name("<container><extraClasspath>", Properties.CONTAINER + "extraClasspath");
      case CONTAINERIZING_MODE ->
          new Name("<containerizingMode>", Properties.CONTAINERIZING_MODE);
      case EXTRA_DIRECTORY_FROM -> new Name("<extraDirectories><paths><path><from>", null);
      case EXTRA_DIRECTORY_INTO -> new Name("<extraDirectories><paths><path><into>", null);
      case PERMISSION -> new Name("<extraDirectories><permissions><permission>", null);
      case PERMISSION_MODE -> new Name("<extraDirectories><permissions><permission><mode>", null);
      case REGISTRY_MIRRORS ->
          new Name("<registryMirrors><registryMirror>", Properties.REGISTRY_MIRRORS);
      case ALLOW_INSECURE_REGISTRIES ->
          new Name("<allowInsecureRegistries>", Properties.ALLOW_INSECURE_REGISTRIES);
      case ALLOW_SHELL -> new Name("<allowShell>", Properties.ALLOW_SHELL);
      case ALLOW_END_OF_LIFE_BASE ->
          new Name("<allowEndOfLifeBase>", Properties.ALLOW_END_OF_LIFE_BASE);
      case ALLOW_UNPINNED_BASE ->
          new Name("<allowUnpinnedBase>", Properties.ALLOW_UNPINNED_BASE);
      case FAIL_ON_STALE_BASE ->
          new Name("<failOnStaleBase>", Properties.FAIL_ON_STALE_BASE);
      case UPDATE_PIN -> new Name("<updatePin>", Properties.UPDATE_PIN);
      case JLINK_ENABLED -> new Name("<jlink><enabled>", Properties.JLINK);
      case JLINK_JDK -> new Name("<jlink><jdk>", Properties.JLINK + ".jdk");
      case JLINK_JDKS -> new Name("<jlink><jdks>", Properties.JLINK + ".jdks");
      case JLINK_MODULES -> new Name("<jlink><modules>", null);
      case JLINK_ADD_MODULES -> new Name("<jlink><addModules>", Properties.JLINK + ".addModules");
      case JLINK_CDS -> new Name("<jlink><cds>", Properties.JLINK + ".cds");
      case CONTAINERIZE -> new Name(null, Properties.CONTAINERIZE);
      case ARCHIVE -> new Name(null, Properties.TAR);
      case OUTPUT_PATHS_TAR -> new Name("<outputPaths><tar>", null);
      case OFFLINE -> new Name("-o (offline)", null);
      case PACKAGING -> new Name("the POM's <packaging>", null);
      case CLASSES_DIRECTORY -> new Name("project.build.outputDirectory", null);
      case DEPENDENCIES -> new Name("<dependencies>", null);
      case JAR_MAIN_CLASS -> new Name("maven-jar-plugin <archive><manifest><mainClass>", null);
      case JAVA_RELEASE -> new Name("maven.compiler.release", null);
      case JAVA_TARGET -> new Name("maven.compiler.target", null);
      case OUTPUT_TIMESTAMP -> new Name("project.build.outputTimestamp", null);
      case SOURCE_DATE_EPOCH -> new Name("SOURCE_DATE_EPOCH", null);
    };
  }

  /**
   * Whether the setting's property adds to what the POM gives instead of replacing it: the
   * registry mirrors of both are used.
   */
  static boolean propertyAdds(Setting setting) {
    return setting == Setting.REGISTRY_MIRRORS;
  }

  /** The text with every setting reference in it spelled out. */
  static String render(String text) {
    if (text == null || text.indexOf("{@") < 0) {
      return text;
    }
    Matcher matcher = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Setting setting = Setting.ofKey(matcher.group(2));
      String spelled = setting == null
          ? matcher.group()
          : spell(of(setting), matcher.group(1), matcher.group(3));
      matcher.appendReplacement(out, Matcher.quoteReplacement(spelled));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String spell(Name name, String form, String value) {
    boolean asProperty = "-D".equals(form) || "P".equals(form);
    if (asProperty && name.property() != null) {
      String property = "P".equals(form) ? name.property() : "-D" + name.property();
      return value == null ? property : property + "=" + value;
    }
    String element = name.element() != null ? name.element() : name.property();
    if (value == null) {
      return element;
    }
    // <container><allowRoot> with true: <container><allowRoot>true</allowRoot>
    int last = element.lastIndexOf('<');
    return element.startsWith("<") && element.endsWith(">")
        ? element + value + "</" + element.substring(last + 1)
        : element + "=" + value;
  }
}
