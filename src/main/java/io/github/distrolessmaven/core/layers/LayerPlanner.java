package io.github.distrolessmaven.core.layers;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Lays the application out under the app root, one layer per rate of change: release
 * dependencies, snapshot dependencies, reactor modules, resources, classes (or the project's jar),
 * extra directories.
 * Owner and modes are fixed (root, 0644 files, 0755 directories) so that the runtime user cannot
 * change the app and the layers do not depend on the builder's umask.
 */
public final class LayerPlanner {

  static final int FILE_MODE = 0644;
  static final int DIRECTORY_MODE = 0755;

  private final String appRoot;
  private final Map<PathMatcher, Integer> permissions = new LinkedHashMap<>();

  /**
   * @param appRoot absolute image path the app lives under, e.g. {@code /app}
   * @param permissions glob of image paths (e.g. {@code /app/bin/*}) to octal mode, for extra directories
   */
  public LayerPlanner(String appRoot, Map<String, Integer> permissions) {
    this.appRoot = appRoot.equals("/") ? "" : appRoot;
    permissions.forEach(
        (glob, mode) -> this.permissions.put(FileSystems.getDefault().getPathMatcher("glob:" + glob), mode));
  }

  /**
   * The plan of Jib's exploded mode: the project's classes and resources as files.
   *
   * @param classesDirectory the project's output directory (classes and resources)
   * @param dependencies runtime dependencies in Maven's classpath order
   * @param extraDirectories copied last, in the order given; missing ones are skipped
   * @throws InvalidConfigurationException for a symbolic link that leads out of its directory
   *     (or nowhere), or to a directory
   */
  public LayerPlan plan(
      Path classesDirectory, List<Dependency> dependencies, List<ExtraDirectory> extraDirectories)
      throws IOException, InvalidConfigurationException {
    return plan(classesDirectory, Optional.empty(), dependencies, extraDirectories);
  }

  /**
   * @param classesDirectory the project's output directory (classes and resources)
   * @param packagedJar Jib's packaged mode: the project's jar, layered (under {@code
   *     classpath/}, as Jib puts it) in place of the classes directory
   * @param dependencies runtime dependencies in Maven's classpath order
   * @param extraDirectories copied last, in the order given; missing ones are skipped
   * @throws InvalidConfigurationException for a symbolic link that leads out of its directory
   *     (or nowhere), or to a directory
   */
  public LayerPlan plan(Path classesDirectory, Optional<Path> packagedJar,
      List<Dependency> dependencies, List<ExtraDirectory> extraDirectories)
      throws IOException, InvalidConfigurationException {
    List<PlannedLayer> layers = new ArrayList<>();
    List<String> classpath = new ArrayList<>();
    Map<Dependency, String> libNames = libraryNames(dependencies);

    List<PlannedFile> resources = List.of();
    List<PlannedFile> classes;
    if (packagedJar.isPresent()) {
      String jar = appRoot + "/classpath/" + packagedJar.get().getFileName();
      classes = withParents(List.of(new PlannedFile(packagedJar.get(), jar, FILE_MODE)));
      classpath.add(jar);
    } else {
      resources = tree(classesDirectory, appRoot + "/resources",
          path -> !isClass(path), Setting.CLASSES_DIRECTORY);
      classes = tree(classesDirectory, appRoot + "/classes",
          LayerPlanner::isClass, Setting.CLASSES_DIRECTORY);
      if (!resources.isEmpty()) {
        classpath.add(appRoot + "/resources");
      }
      classpath.add(appRoot + "/classes");
    }

    for (Dependency.Origin origin : Dependency.Origin.values()) {
      List<PlannedFile> files = new ArrayList<>();
      for (Dependency dependency : dependencies) {
        if (dependency.origin() != origin) {
          continue;
        }
        String target = appRoot + "/libs/" + libNames.get(dependency);
        files.addAll(Files.isDirectory(dependency.file())
            ? tree(dependency.file(), target, path -> true, Setting.DEPENDENCIES)
            : withParents(List.of(new PlannedFile(dependency.file(), target, FILE_MODE))));
      }
      addIfNotEmpty(layers, layerName(origin), files);
    }
    addIfNotEmpty(layers, "resources", resources);
    addIfNotEmpty(layers, packagedJar.isPresent() ? "jar" : "classes", classes);

    List<PlannedFile> extra = new ArrayList<>();
    for (ExtraDirectory directory : extraDirectories) {
      if (Files.isDirectory(directory.from())) {
        extra.addAll(tree(directory.from(), directory.into(),
            path -> directory.copies(directory.from().relativize(path)),
            Setting.EXTRA_DIRECTORY_FROM));
      }
    }
    addIfNotEmpty(layers, "extra files", applyPermissions(extra));
    for (Dependency dependency : dependencies) {
      classpath.add(appRoot + "/libs/" + libNames.get(dependency));
    }
    return new LayerPlan(layers, classpath);
  }

  /** The name of the layer that holds a Java runtime the build linked. */
  public static final String RUNTIME_LAYER = "java runtime";

  /**
   * A Java runtime (a jlink output folder) as a layer of its own at {@code into}: owned by root
   * and read-only to the user, as the rest of the application; its commands and helpers
   * ({@code bin/java}, {@code lib/jspawnhelper}) executable ({@code 0755}), the rest {@code
   * 0644}, its links as links.
   */
  public static PlannedLayer runtime(Path runtime, String into)
      throws IOException, InvalidConfigurationException {
    List<PlannedFile> files = new ArrayList<>();
    for (PlannedFile file : tree(runtime, into, path -> true, Setting.JLINK_JDK)) {
      boolean executable = Files.isRegularFile(file.source(), LinkOption.NOFOLLOW_LINKS)
          && Files.isExecutable(file.source()) && file.mode() == FILE_MODE;
      files.add(executable ? new PlannedFile(file.source(), file.target(), DIRECTORY_MODE)
          : file);
    }
    return new PlannedLayer(RUNTIME_LAYER, files);
  }

  private static String layerName(Dependency.Origin origin) {
    switch (origin) {
      case RELEASE:
        return "dependencies";
      case SNAPSHOT:
        return "snapshot dependencies";
      default:
        return "project dependencies";
    }
  }

  /**
   * Jar file names, prefixed with the groupId where two dependencies share one, then numbered
   * where even that is shared (reactor modules of one group given as their classes directories).
   */
  private static Map<Dependency, String> libraryNames(List<Dependency> dependencies) {
    Map<String, Integer> counts = new HashMap<>();
    for (Dependency dependency : dependencies) {
      counts.merge(dependency.file().getFileName().toString(), 1, Integer::sum);
    }
    Map<Dependency, String> names = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (Dependency dependency : dependencies) {
      if (names.containsKey(dependency)) {
        continue;
      }
      String name = dependency.file().getFileName().toString();
      String unique = counts.get(name) > 1 ? dependency.groupId() + "-" + name : name;
      for (int n = 2; !used.add(unique); n++) {
        unique = dependency.groupId() + "-" + name + "-" + n;
      }
      names.put(dependency, unique);
    }
    return names;
  }

  /**
   * Files under {@code root} that pass {@code include}, with the directories that hold them. A
   * symbolic link that stays in the tree, to a file or a directory, is planned as itself: its
   * layer holds it as a link, its target as written. One that leads out of the tree (absolute,
   * through {@code ..}, or by a link further on) or nowhere is refused, so that no file of the
   * build machine reaches the image and nothing is dropped silently.
   */
  private static List<PlannedFile> tree(Path root, String target, Predicate<Path> include,
      Setting setting) throws IOException, InvalidConfigurationException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    Path realRoot = root.toRealPath();
    List<PlannedFile> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : (Iterable<Path>) walk.sorted()::iterator) {
        if (Files.isSymbolicLink(path)) {
          checkLink(root, realRoot, path, setting);
          if (include.test(path)) {
            String relative = root.relativize(path).toString().replace('\\', '/');
            files.add(new PlannedFile(path, join(target, relative), FILE_MODE));
          }
          continue;
        }
        if (Files.isRegularFile(path) && include.test(path)) {
          String relative = root.relativize(path).toString().replace('\\', '/');
          files.add(new PlannedFile(path, join(target, relative), FILE_MODE));
        }
      }
    }
    return withParents(files, root, target);
  }

  private static void checkLink(Path root, Path realRoot, Path link, Setting setting)
      throws IOException, InvalidConfigurationException {
    Path written = Files.readSymbolicLink(link);
    boolean inside = !written.isAbsolute()
        && link.getParent().resolve(written).normalize().startsWith(root.normalize());
    Path real = null;
    if (inside) {
      try {
        real = link.toRealPath();
      } catch (IOException e) {
        throw new InvalidConfigurationException(setting, "the symbolic link " + link
            + " points to " + written + ", which does not exist. Remove the link, or make it"
            + " point to a file in " + root + ".");
      }
    }
    if (real == null || !real.startsWith(realRoot)) {
      throw new InvalidConfigurationException(setting, "the symbolic link " + link
          + " points to " + written + ", outside " + root + ". It is refused so that no"
          + " file of this machine goes into the image: copy the file into " + root
          + " instead, or make the link relative and point it inside.");
    }
  }

  private static List<PlannedFile> withParents(List<PlannedFile> files) {
    return withParents(files, null, null);
  }

  /**
   * Adds an entry for every directory above each file, so that their modes and times are ours
   * rather than the defaults of the tar writer. Directories inside {@code root} map to their
   * source directory; those above it take the root (only their mode and time matter).
   */
  private static List<PlannedFile> withParents(List<PlannedFile> files, Path root, String target) {
    if (files.isEmpty()) {
      return files;
    }
    TreeMap<String, PlannedFile> entries = new TreeMap<>();
    for (PlannedFile file : files) {
      entries.put(file.target(), file);
      Path anchor = root != null ? root : file.source().getParent();
      for (String parent = parentOf(file.target()); !parent.isEmpty(); parent = parentOf(parent)) {
        Path source = anchor;
        if (root != null && target != null && parent.startsWith(target + "/")) {
          source = root.resolve(parent.substring(target.length() + 1));
        }
        entries.putIfAbsent(parent, new PlannedFile(source, parent, DIRECTORY_MODE));
      }
    }
    return new ArrayList<>(entries.values());
  }

  private List<PlannedFile> applyPermissions(List<PlannedFile> files) {
    if (permissions.isEmpty()) {
      return files;
    }
    List<PlannedFile> result = new ArrayList<>();
    for (PlannedFile file : files) {
      int mode = file.mode();
      for (Map.Entry<PathMatcher, Integer> rule : permissions.entrySet()) {
        if (rule.getKey().matches(Path.of(file.target()))) {
          mode = rule.getValue();
        }
      }
      result.add(new PlannedFile(file.source(), file.target(), mode));
    }
    return result;
  }

  /**
   * Adds the layer with one entry per target, sorted: several jars or extra directories share
   * parent directories, and a duplicate tar entry would make the layer depend on write order.
   * A later entry for the same target wins, as it would when the tar is extracted.
   */
  private static void addIfNotEmpty(List<PlannedLayer> layers, String name, List<PlannedFile> files) {
    if (!files.isEmpty()) {
      TreeMap<String, PlannedFile> byTarget = new TreeMap<>();
      files.forEach(file -> byTarget.put(file.target(), file));
      layers.add(new PlannedLayer(name, new ArrayList<>(byTarget.values())));
    }
  }

  private static boolean isClass(Path path) {
    return path.getFileName().toString().endsWith(".class");
  }

  private static String join(String directory, String relative) {
    if (relative.isEmpty()) {
      return directory.isEmpty() ? "/" : directory;
    }
    return (directory.equals("/") ? "" : directory) + "/" + relative;
  }

  private static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "" : path.substring(0, slash);
  }
}
