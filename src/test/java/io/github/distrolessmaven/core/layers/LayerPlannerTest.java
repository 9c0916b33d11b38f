package io.github.distrolessmaven.core.layers;

import static io.github.distrolessmaven.core.layers.Dependency.Origin.REACTOR_MODULE;
import static io.github.distrolessmaven.core.layers.Dependency.Origin.RELEASE;
import static io.github.distrolessmaven.core.layers.Dependency.Origin.SNAPSHOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layout, layer order, modes and classpath of a small project on disk. */
class LayerPlannerTest {

  @TempDir Path project;

  private Path classes;
  private Path extra;
  private Path conf;
  private List<Dependency> dependencies;

  @BeforeEach
  void writeProject() throws Exception {
    classes = project.resolve("target/classes");
    touch(classes.resolve("com/example/App.class"));
    touch(classes.resolve("com/example/util/Helper.class"));
    touch(classes.resolve("com/example/app.properties"));
    touch(classes.resolve("application.yml"));
    touch(classes.resolve("META-INF/services/com.example.Plugin"));

    // Maven's runtime classpath order, origins interleaved on purpose.
    dependencies =
        List.of(
            jar("org.guava", "guava-1.0.jar", RELEASE),
            jar("com.example", "core-1.0-SNAPSHOT.jar", SNAPSHOT),
            jar("com.example", "module-a-1.0.jar", REACTOR_MODULE),
            jar("com.fasterxml", "jackson-1.0.jar", RELEASE),
            jar("org.util", "util-2.0-SNAPSHOT.jar", SNAPSHOT));

    extra = project.resolve("src/main/jib");
    touch(extra.resolve("opt/app/bin/run.sh"));
    touch(extra.resolve("opt/app/bin/tools/deep.sh"));
    touch(extra.resolve("opt/app/readme.txt"));
    conf = project.resolve("src/main/conf");
    touch(conf.resolve("app.conf"));
    touch(conf.resolve("nested/logging.xml"));
  }

  private static void touch(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, file.getFileName().toString());
  }

  private Dependency jar(String groupId, String name, Dependency.Origin origin) throws Exception {
    Path file = project.resolve("repo").resolve(groupId).resolve(name);
    touch(file);
    return new Dependency(coordinates(groupId, name), file, origin);
  }

  private static MavenCoordinates coordinates(String groupId, String name) {
    return new MavenCoordinates(groupId, name.replaceAll("(-[0-9].*)?\\.jar$", ""), "1.0", "", "jar");
  }

  private LayerPlan planAll(Map<String, Integer> permissions) throws Exception {
    return new LayerPlanner("/app", permissions)
        .plan(
            classes,
            dependencies,
            List.of(new ExtraDirectory(extra, "/"), new ExtraDirectory(conf, "/opt/app/conf")));
  }

  private static List<String> names(LayerPlan plan) {
    return plan.layers().stream().map(PlannedLayer::name).collect(Collectors.toList());
  }

  private static PlannedLayer layer(LayerPlan plan, String name) {
    return plan.layers().stream()
        .filter(layer -> layer.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no layer '" + name + "' in " + names(plan)));
  }

  private static List<String> targets(PlannedLayer layer) {
    return layer.files().stream().map(PlannedFile::target).collect(Collectors.toList());
  }

  private static Map<String, Integer> modes(PlannedLayer layer) {
    Map<String, Integer> modes = new LinkedHashMap<>();
    layer.files().forEach(file -> modes.put(file.target(), file.mode()));
    return modes;
  }

  private static List<PlannedFile> regularFiles(PlannedLayer layer) {
    return layer.files().stream()
        .filter(file -> Files.isRegularFile(file.source()))
        .collect(Collectors.toList());
  }

  @Test
  void layersStackFromLeastToMostOftenChanged() throws Exception {
    assertEquals(
        List.of("dependencies", "snapshot dependencies", "project dependencies", "resources",
            "classes", "extra files"),
        names(planAll(Map.of())));
  }

  @Test
  void emptyLayersAreOmitted() throws Exception {
    LayerPlan plan =
        new LayerPlanner("/app", Map.of())
            .plan(classes, List.of(dependencies.get(1)), List.of());

    assertEquals(List.of("snapshot dependencies", "resources", "classes"), names(plan));
  }

  @Test
  void dependencyLayersHoldTheirJarsOnceWithTheirDirectories() throws Exception {
    LayerPlan plan = planAll(Map.of());

    assertEquals(
        List.of("/app", "/app/libs", "/app/libs/guava-1.0.jar", "/app/libs/jackson-1.0.jar"),
        targets(layer(plan, "dependencies")));
    assertEquals(
        List.of("/app", "/app/libs", "/app/libs/core-1.0-SNAPSHOT.jar",
            "/app/libs/util-2.0-SNAPSHOT.jar"),
        targets(layer(plan, "snapshot dependencies")));
    assertEquals(
        List.of("/app", "/app/libs", "/app/libs/module-a-1.0.jar"),
        targets(layer(plan, "project dependencies")));
    PlannedFile guava = layer(plan, "dependencies").files().get(2);
    assertEquals(dependencies.get(0).file(), guava.source());
  }

  @Test
  void everyLayerIsSortedWithoutDuplicates() throws Exception {
    for (PlannedLayer layer : planAll(Map.of()).layers()) {
      List<String> targets = targets(layer);
      List<String> sorted = targets.stream().sorted().distinct().collect(Collectors.toList());
      assertEquals(sorted, targets, layer.name());
    }
  }

  @Test
  void everyFileHasItsParentDirectoriesInTheSameLayer() throws Exception {
    for (PlannedLayer layer : planAll(Map.of()).layers()) {
      Map<String, Integer> modes = modes(layer);
      for (PlannedFile file : regularFiles(layer)) {
        for (Path parent = Path.of(file.target()).getParent();
            parent != null && !parent.toString().equals("/");
            parent = parent.getParent()) {
          assertEquals(
              Integer.valueOf(0755), modes.get(parent.toString()),
              layer.name() + ": " + parent + " for " + file.target());
        }
      }
    }
  }

  @Test
  void filesAre0644AndDirectories0755() throws Exception {
    for (PlannedLayer layer : planAll(Map.of()).layers()) {
      for (PlannedFile file : layer.files()) {
        int expected = Files.isRegularFile(file.source()) ? 0644 : 0755;
        assertEquals(expected, file.mode(), layer.name() + ": " + file.target());
      }
    }
  }

  @Test
  void resourcesAndClassesAreSplitByExtension() throws Exception {
    LayerPlan plan = planAll(Map.of());

    assertEquals(
        List.of(
            "/app",
            "/app/resources",
            "/app/resources/META-INF",
            "/app/resources/META-INF/services",
            "/app/resources/META-INF/services/com.example.Plugin",
            "/app/resources/application.yml",
            "/app/resources/com",
            "/app/resources/com/example",
            "/app/resources/com/example/app.properties"),
        targets(layer(plan, "resources")));
    assertEquals(
        List.of(
            "/app",
            "/app/classes",
            "/app/classes/com",
            "/app/classes/com/example",
            "/app/classes/com/example/App.class",
            "/app/classes/com/example/util",
            "/app/classes/com/example/util/Helper.class"),
        targets(layer(plan, "classes")));
    assertEquals(
        classes.resolve("com/example/util/Helper.class"),
        layer(plan, "classes").files().get(6).source());
  }

  @Test
  void classpathIsResourcesClassesThenJarsInMavenOrder() throws Exception {
    assertEquals(
        List.of(
            "/app/resources",
            "/app/classes",
            "/app/libs/guava-1.0.jar",
            "/app/libs/core-1.0-SNAPSHOT.jar",
            "/app/libs/module-a-1.0.jar",
            "/app/libs/jackson-1.0.jar",
            "/app/libs/util-2.0-SNAPSHOT.jar"),
        planAll(Map.of()).classpath());
  }

  @Test
  void packagedModeLayersTheJarUnderClasspathInPlaceOfTheClassesAndResources() throws Exception {
    Path jar = project.resolve("target/app-1.0.jar");
    touch(jar);

    LayerPlan plan = new LayerPlanner("/app", Map.of())
        .plan(classes, Optional.of(jar), dependencies.subList(0, 1), List.of());

    assertEquals(List.of("dependencies", "jar"), names(plan));
    assertEquals(List.of("/app", "/app/classpath", "/app/classpath/app-1.0.jar"),
        targets(layer(plan, "jar")));
    assertEquals(jar, layer(plan, "jar").files().get(2).source());
    assertEquals(List.of("/app/classpath/app-1.0.jar", "/app/libs/guava-1.0.jar"),
        plan.classpath());
  }

  @Test
  void noResourcesMeansNoResourcesOnTheClasspath() throws Exception {
    Path onlyClasses = project.resolve("only-classes");
    touch(onlyClasses.resolve("App.class"));

    LayerPlan plan =
        new LayerPlanner("/app", Map.of()).plan(onlyClasses, dependencies.subList(0, 1), List.of());

    assertEquals(List.of("/app/classes", "/app/libs/guava-1.0.jar"), plan.classpath());
    assertEquals(List.of("dependencies", "classes"), names(plan));
  }

  @Test
  void sameFileNameFromTwoGroupsIsPrefixedWithTheGroupId() throws Exception {
    Dependency first = jar("org.one", "common-1.0.jar", RELEASE);
    Dependency second = jar("org.two", "common-1.0.jar", RELEASE);

    LayerPlan plan =
        new LayerPlanner("/app", Map.of())
            .plan(classes, List.of(first, dependencies.get(0), second), List.of());

    assertEquals(
        List.of(
            "/app/resources",
            "/app/classes",
            "/app/libs/org.one-common-1.0.jar",
            "/app/libs/guava-1.0.jar",
            "/app/libs/org.two-common-1.0.jar"),
        plan.classpath());
    List<PlannedFile> jars = regularFiles(layer(plan, "dependencies"));
    assertEquals(first.file(), jars.get(1).source());
    assertEquals("/app/libs/org.one-common-1.0.jar", jars.get(1).target());
    assertEquals(second.file(), jars.get(2).source());
  }

  @Test
  void reactorModuleDirectoryIsLaidOutAsATree() throws Exception {
    Path moduleClasses = project.resolve("module-b/target/classes");
    touch(moduleClasses.resolve("com/example/b/B.class"));
    touch(moduleClasses.resolve("b.properties"));
    Dependency module = new Dependency(coordinates("com.example", "module"), moduleClasses, REACTOR_MODULE);

    LayerPlan plan =
        new LayerPlanner("/app", Map.of())
            .plan(classes, List.of(dependencies.get(0), module), List.of());

    PlannedLayer layer = layer(plan, "project dependencies");
    assertEquals(
        List.of(
            "/app",
            "/app/libs",
            "/app/libs/classes",
            "/app/libs/classes/b.properties",
            "/app/libs/classes/com",
            "/app/libs/classes/com/example",
            "/app/libs/classes/com/example/b",
            "/app/libs/classes/com/example/b/B.class"),
        targets(layer));
    assertEquals(0755, modes(layer).get("/app/libs/classes/com/example/b"));
    assertEquals(0644, modes(layer).get("/app/libs/classes/com/example/b/B.class"));
    assertEquals(moduleClasses.resolve("com/example"), layer.files().get(5).source());
    assertEquals(
        List.of("/app/resources", "/app/classes", "/app/libs/guava-1.0.jar", "/app/libs/classes"),
        plan.classpath());
  }

  @Test
  void twoReactorModuleDirectoriesOfOneGroupDoNotShareALibraryPath() throws Exception {
    Path aClasses = project.resolve("module-a/target/classes");
    Path bClasses = project.resolve("module-b/target/classes");
    touch(aClasses.resolve("a/A.class"));
    touch(bClasses.resolve("b/B.class"));

    LayerPlan plan =
        new LayerPlanner("/app", Map.of())
            .plan(
                classes,
                List.of(
                    new Dependency(coordinates("com.example", "a"), aClasses, REACTOR_MODULE),
                    new Dependency(coordinates("com.example", "b"), bClasses, REACTOR_MODULE)),
                List.of());

    List<String> libs = plan.classpath().subList(2, plan.classpath().size());
    assertEquals(2, libs.size());
    assertNotEquals(libs.get(0), libs.get(1));
    List<String> targets = targets(layer(plan, "project dependencies"));
    assertTrue(targets.contains(libs.get(0) + "/a/A.class"), targets.toString());
    assertTrue(targets.contains(libs.get(1) + "/b/B.class"), targets.toString());
    assertFalse(targets.contains(libs.get(0) + "/b/B.class"), targets.toString());
  }

  @Test
  void extraDirectoriesAreCopiedWithTheirNestedFiles() throws Exception {
    assertEquals(
        List.of(
            "/opt",
            "/opt/app",
            "/opt/app/bin",
            "/opt/app/bin/run.sh",
            "/opt/app/bin/tools",
            "/opt/app/bin/tools/deep.sh",
            "/opt/app/conf",
            "/opt/app/conf/app.conf",
            "/opt/app/conf/nested",
            "/opt/app/conf/nested/logging.xml",
            "/opt/app/readme.txt"),
        targets(layer(planAll(Map.of()), "extra files")));
  }

  @Test
  void linksThatStayInTheDirectoryArePlannedAsThemselves() throws Exception {
    Path fileLink = Files.createSymbolicLink(extra.resolve("opt/app/bin/start"), Path.of("run.sh"));
    Path dirLink = Files.createSymbolicLink(extra.resolve("opt/app/current"), Path.of("bin"));

    PlannedLayer layer = layer(planAll(Map.of()), "extra files");

    Map<String, Path> sources = new java.util.HashMap<>();
    layer.files().forEach(file -> sources.put(file.target(), file.source()));
    assertEquals(fileLink, sources.get("/opt/app/bin/start"));
    assertEquals(dirLink, sources.get("/opt/app/current"));
    assertFalse(sources.containsKey("/opt/app/current/run.sh"), "a directory link is not walked");
  }

  @Test
  void aLinkLeadingOutOfTheDirectoryIsRefusedSoNoHostFileIsCopied() throws Exception {
    Path secret = project.resolve("secret.txt");
    Files.writeString(secret, "host secret");
    for (Path target : List.of(secret, Path.of("../../../../../secret.txt"))) {
      Path link = extra.resolve("opt/app/leak");
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, target);

      InvalidConfigurationException e =
          assertThrows(InvalidConfigurationException.class, () -> planAll(Map.of()));

      assertEquals(Setting.EXTRA_DIRECTORY_FROM, e.setting());
      assertTrue(e.getMessage().contains("the symbolic link " + link + " points to " + target
          + ", outside " + extra), e.getMessage());
      assertFalse(e.getMessage().contains("host secret"));
    }
  }

  @Test
  void aChainOfLinksThatEndsOutsideIsRefused() throws Exception {
    Files.createSymbolicLink(project.resolve("outside"), Path.of("/etc/hostname"));
    Path link = extra.resolve("opt/app/inner");
    Files.createSymbolicLink(link, Path.of("../../../outside"));

    assertThrows(InvalidConfigurationException.class, () -> planAll(Map.of()));
  }

  @Test
  void aDanglingLinkIsRefusedNotDropped() throws Exception {
    Files.createSymbolicLink(extra.resolve("opt/app/gone"), Path.of("nothing-here"));

    assertTrue(assertThrows(InvalidConfigurationException.class, () -> planAll(Map.of()))
        .getMessage().contains("points to nothing-here, which does not exist"));
  }

  @Test
  void anExtraDirectoryCopiesTheFilesItsIncludesMatchAndItsExcludesDoNot() throws Exception {
    Path root = project.resolve("globbed");
    for (String file : List.of("app.conf", "conf/db.conf", "conf/secret/key.conf", "notes.txt")) {
      Files.createDirectories(root.resolve(file).getParent());
      Files.writeString(root.resolve(file), file);
    }
    Path classes = Files.createDirectories(project.resolve("globbed-classes"));

    LayerPlan plan = new LayerPlanner("/app", Map.of()).plan(classes, List.of(), List.of(
        new ExtraDirectory(root, "/etc/app", List.of("*.conf", "**/*.conf"),
            List.of("conf/secret/**"))));

    assertEquals(List.of("/etc", "/etc/app", "/etc/app/app.conf", "/etc/app/conf",
        "/etc/app/conf/db.conf"), targets(layer(plan, "extra files")));
    LayerPlan all = new LayerPlanner("/app", Map.of()).plan(classes, List.of(),
        List.of(new ExtraDirectory(root, "/etc/app")));
    assertEquals(8, targets(layer(all, "extra files")).size(), "no globs: every file");
  }

  @Test
  void permissionsApplyToExtraFilesByGlob() throws Exception {
    Map<String, Integer> modes =
        modes(layer(planAll(Map.of("/opt/app/bin/*", 0755)), "extra files"));

    assertEquals(0755, modes.get("/opt/app/bin/run.sh"));
    assertEquals(0644, modes.get("/opt/app/bin/tools/deep.sh"));
    assertEquals(0644, modes.get("/opt/app/readme.txt"));
    assertEquals(0644, modes.get("/opt/app/conf/app.conf"));
  }

  @Test
  void lastMatchingPermissionWins() throws Exception {
    Map<String, Integer> broadFirst = new LinkedHashMap<>();
    broadFirst.put("/opt/app/**.sh", 0700);
    broadFirst.put("/opt/app/bin/*", 0750);
    Map<String, Integer> narrowFirst = new LinkedHashMap<>();
    narrowFirst.put("/opt/app/bin/*", 0750);
    narrowFirst.put("/opt/app/**.sh", 0700);

    Map<String, Integer> broad = modes(layer(planAll(broadFirst), "extra files"));
    Map<String, Integer> narrow = modes(layer(planAll(narrowFirst), "extra files"));

    assertEquals(0750, broad.get("/opt/app/bin/run.sh"));
    assertEquals(0700, broad.get("/opt/app/bin/tools/deep.sh"));
    assertEquals(0700, narrow.get("/opt/app/bin/run.sh"));
    assertEquals(0644, narrow.get("/opt/app/readme.txt"));
  }

  @Test
  void permissionsDoNotTouchTheApplicationLayers() throws Exception {
    LayerPlan plan = planAll(Map.of("/app/**", 0777));

    for (PlannedLayer layer : plan.layers()) {
      for (PlannedFile file : layer.files()) {
        assertNotEquals(0777, file.mode(), file.target());
      }
    }
  }

  @Test
  void rootAppRoot() throws Exception {
    LayerPlan plan =
        new LayerPlanner("/", Map.of()).plan(classes, dependencies.subList(0, 1), List.of());

    assertEquals(
        List.of("/resources", "/classes", "/libs/guava-1.0.jar"), plan.classpath());
    assertEquals(List.of("/libs", "/libs/guava-1.0.jar"), targets(layer(plan, "dependencies")));
    assertEquals(
        List.of("/classes", "/classes/com", "/classes/com/example",
            "/classes/com/example/App.class", "/classes/com/example/util",
            "/classes/com/example/util/Helper.class"),
        targets(layer(plan, "classes")));
  }

  @Test
  void customAppRoot() throws Exception {
    LayerPlan plan =
        new LayerPlanner("/srv/app", Map.of()).plan(classes, dependencies.subList(0, 1), List.of());

    assertEquals(
        List.of("/srv/app/resources", "/srv/app/classes", "/srv/app/libs/guava-1.0.jar"),
        plan.classpath());
    PlannedLayer libs = layer(plan, "dependencies");
    assertEquals(
        List.of("/srv", "/srv/app", "/srv/app/libs", "/srv/app/libs/guava-1.0.jar"),
        targets(libs));
    assertEquals(0755, modes(libs).get("/srv"));
    assertTrue(targets(layer(plan, "classes")).contains("/srv/app/classes/com/example/App.class"));
  }

  @Test
  void missingExtraDirectoryIsSkipped() throws Exception {
    LayerPlan plan =
        new LayerPlanner("/app", Map.of())
            .plan(
                classes,
                List.of(),
                List.of(
                    new ExtraDirectory(project.resolve("src/main/missing"), "/opt"),
                    new ExtraDirectory(conf, "/etc/app")));

    assertEquals(List.of("resources", "classes", "extra files"), names(plan));
    assertEquals(
        List.of("/etc", "/etc/app", "/etc/app/app.conf", "/etc/app/nested",
            "/etc/app/nested/logging.xml"),
        targets(layer(plan, "extra files")));
  }

  @Test
  void onlyMissingExtraDirectoriesGiveNoExtraLayer() throws Exception {
    LayerPlan plan =
        new LayerPlanner("/app", Map.of())
            .plan(classes, List.of(), List.of(new ExtraDirectory(project.resolve("nope"), "/opt")));

    assertEquals(List.of("resources", "classes"), names(plan));
  }

  @Test
  void laterExtraDirectoryWinsForTheSameFile() throws Exception {
    Path override = project.resolve("src/main/override");
    touch(override.resolve("app.conf"));

    PlannedLayer layer =
        layer(
            new LayerPlanner("/app", Map.of())
                .plan(
                    classes,
                    List.of(),
                    List.of(new ExtraDirectory(conf, "/etc/app"),
                        new ExtraDirectory(override, "/etc/app"))),
            "extra files");

    List<PlannedFile> appConf =
        layer.files().stream()
            .filter(file -> file.target().equals("/etc/app/app.conf"))
            .collect(Collectors.toList());
    assertEquals(1, appConf.size());
    assertEquals(override.resolve("app.conf"), appConf.get(0).source());
  }
}
