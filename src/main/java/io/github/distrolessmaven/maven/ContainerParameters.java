package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code <container>}: how the image runs. */
public class ContainerParameters {

  /** The user to run as, numeric {@code UID[:GID]}. Default {@code 65532:65532} (distroless's nonroot). */
  private String user;

  /** Allow {@code <user>} to be root (0, {@code root}, {@code 0:GID}). Default false. */
  private boolean allowRoot;

  /**
   * The class to run. Default: the maven-jar-plugin's manifest {@code mainClass}, else the one
   * class with a main method. Property: {@code distroless.container.mainClass}.
   */
  private String mainClass;

  /** The whole exec-form entrypoint, replacing {@code java ... mainClass}; main-class inference is skipped. */
  private List<String> entrypoint = new ArrayList<>();

  /** JVM flags placed before the classpath in the entrypoint, e.g. {@code -XX:MaxRAMPercentage=75}. */
  private List<String> jvmFlags = new ArrayList<>();

  /** Arguments to the main class: the image's Cmd. Default none (the base's Cmd is never inherited). */
  private List<String> args = new ArrayList<>();

  /** Environment variables added to the base's. */
  private Map<String, String> environment = new LinkedHashMap<>();

  /** Ports to expose: {@code 8080}, {@code 8080/udp}, or a range {@code 7000-7003}. */
  private List<String> ports = new ArrayList<>();

  /** Labels added to the image; they win over the derived {@code org.opencontainers.image.*} ones. */
  private Map<String, String> labels = new LinkedHashMap<>();

  /** Absolute paths to declare as volumes. */
  private List<String> volumes = new ArrayList<>();

  /** The working directory, absolute. Default: the base's ({@code /home/nonroot} on nonroot tags). */
  private String workingDirectory;

  /** Where the app's files go. Default {@code /app}. */
  private String appRoot = "/app";

  /**
   * The image's creation time: ISO-8601, {@code EPOCH} or {@code USE_CURRENT_TIMESTAMP}. Default:
   * {@code project.build.outputTimestamp}, else {@code SOURCE_DATE_EPOCH}, else the epoch.
   */
  private String creationTime;

  /** The modification time of the app's files: ISO-8601 or {@code EPOCH}. Default as for {@code creationTime}. */
  private String filesModificationTime;

  /** {@code Docker} (default) or {@code OCI} media types. Property: {@code distroless.format}. */
  private String format;

  /**
   * Paths in the image put before the computed classpath, in this order, as Jib's
   * {@code <extraClasspath>}: for jars or directories an extra directory adds, e.g. {@code
   * /app/plugins/*}. Each is an absolute path. Property {@code distroless.container.extraClasspath}
   * (comma-separated).
   */
  private List<String> extraClasspath = new ArrayList<>();

  /** Jib's; not read here: accepted so that the build can say so instead of failing on it. */
  private Boolean expandClasspathDependencies;

  /** Jib's; not read here: accepted so that the build can say so instead of failing on it. */
  private Boolean useCurrentTimestamp;

  List<String> getExtraClasspath() {
    return extraClasspath;
  }

  String getUser() {
    return user;
  }

  boolean isAllowRoot() {
    return allowRoot;
  }

  String getMainClass() {
    return mainClass;
  }

  List<String> getEntrypoint() {
    return entrypoint;
  }

  List<String> getJvmFlags() {
    return jvmFlags;
  }

  List<String> getArgs() {
    return args;
  }

  Map<String, String> getEnvironment() {
    return environment;
  }

  List<String> getPorts() {
    return ports;
  }

  Map<String, String> getLabels() {
    return labels;
  }

  List<String> getVolumes() {
    return volumes;
  }

  String getWorkingDirectory() {
    return workingDirectory;
  }

  String getAppRoot() {
    return appRoot;
  }

  String getCreationTime() {
    return creationTime;
  }

  String getFilesModificationTime() {
    return filesModificationTime;
  }

  String getFormat() {
    return format;
  }

  /** Reads a property by name, as the goal does: ours, then Jib's, over the POM. */
  @FunctionalInterface
  interface PropertySource {
    String get(String name);
  }

  /**
   * These settings with every {@code distroless.container.*} property that is given in place of
   * the POM's value: lists comma-separated ({@code jvmFlags}, {@code args}, {@code entrypoint},
   * {@code ports}, {@code volumes}), maps as {@code NAME=value,NAME2=value2} ({@code
   * environment}, {@code labels}); a property replaces the POM's list or map whole.
   *
   * @throws InvalidConfigurationException for a map entry without {@code =}
   */
  ContainerParameters withProperties(PropertySource properties)
      throws InvalidConfigurationException {
    ContainerParameters given = new ContainerParameters();
    given.user = scalar(properties, "user", user);
    given.allowRoot = allowRoot;
    given.mainClass = scalar(properties, "mainClass", mainClass);
    given.entrypoint = list(properties, "entrypoint", entrypoint);
    given.jvmFlags = list(properties, "jvmFlags", jvmFlags);
    given.args = list(properties, "args", args);
    given.environment = map(properties, "environment", environment, Setting.CONTAINER_ENVIRONMENT);
    given.ports = list(properties, "ports", ports);
    given.labels = map(properties, "labels", labels, Setting.CONTAINER_LABELS);
    given.volumes = list(properties, "volumes", volumes);
    given.workingDirectory = scalar(properties, "workingDirectory", workingDirectory);
    given.appRoot = scalar(properties, "appRoot", appRoot);
    given.creationTime = scalar(properties, "creationTime", creationTime);
    given.filesModificationTime =
        scalar(properties, "filesModificationTime", filesModificationTime);
    given.extraClasspath = list(properties, "extraClasspath", extraClasspath);
    String formatProperty = properties.get(Properties.FORMAT);
    given.format = formatProperty != null ? formatProperty : format;
    return given;
  }

  private static String scalar(PropertySource properties, String name, String pom) {
    String value = properties.get(Properties.CONTAINER + name);
    return value != null ? value : pom;
  }

  private static List<String> list(PropertySource properties, String name, List<String> pom) {
    String value = properties.get(Properties.CONTAINER + name);
    return value == null ? pom : Properties.items(value);
  }

  private static Map<String, String> map(PropertySource properties, String name,
      Map<String, String> pom, Setting setting) throws InvalidConfigurationException {
    String value = properties.get(Properties.CONTAINER + name);
    if (value == null) {
      return pom;
    }
    Map<String, String> entries = new LinkedHashMap<>();
    for (String entry : value.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw new InvalidConfigurationException(setting, "'" + entry.trim() + "' in "
            + Properties.CONTAINER + name + " is not NAME=value. Write NAME=value pairs,"
            + " comma-separated, e.g. -D" + Properties.CONTAINER + name + "=A=1,B=2.");
      }
      entries.put(entry.substring(0, equals).trim(), entry.substring(equals + 1));
    }
    return entries;
  }
}
