package io.github.distrolessmaven.core.contents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BaseContentsTest {

  private static final DebianPackage LIBC6_AMD64 =
      new DebianPackage("libc6", "2.41-12", "amd64", Optional.of("glibc"));
  private static final DebianPackage LIBC6_ALL =
      new DebianPackage("libc6", "2.41-12", "all", Optional.empty());
  private static final DebianPackage ZLIB =
      new DebianPackage("zlib1g", "1:1.3", "amd64", Optional.empty());
  private static final JavaRuntime JDK =
      new JavaRuntime("/usr/lib/jvm/java-21", "21.0.8", Optional.of("Debian"));
  private static final JavaRuntime JRE =
      new JavaRuntime("/opt/java/openjdk", "17.0.16", Optional.empty());

  private static final Executables RUNNABLE = new Executables(
      Set.of("/usr/bin/dash", "/usr/lib/jvm/jre/bin/java"),
      Map.of("/usr/bin/java", "/usr/lib/jvm/jre/bin/java", "/bin", "usr/bin"));

  @Test
  void sortsAndCopies() {
    List<String> shells = new ArrayList<>(List.of("/usr/bin/bash", "/bin/sh"));
    BaseContents contents =
        new BaseContents(shells, List.of(ZLIB, LIBC6_AMD64, LIBC6_ALL), List.of(JDK, JRE),
            Executables.NONE);
    shells.clear();

    assertEquals(List.of("/bin/sh", "/usr/bin/bash"), contents.shells());
    assertEquals(List.of(LIBC6_ALL, LIBC6_AMD64, ZLIB), contents.packages());
    assertEquals(List.of(JRE, JDK), contents.javaRuntimes());
  }

  @Test
  void jsonRoundTripsAndIsTheSameForTheSameContents() throws IOException {
    BaseContents contents =
        new BaseContents(
            List.of("/busybox/sh", "/bin/sh"), List.of(ZLIB, LIBC6_AMD64), List.of(JDK, JRE),
            RUNNABLE);
    BaseContents reordered =
        new BaseContents(
            List.of("/bin/sh", "/busybox/sh"), List.of(LIBC6_AMD64, ZLIB), List.of(JRE, JDK),
            new Executables(Set.of("/usr/lib/jvm/jre/bin/java", "/usr/bin/dash"),
                Map.of("/bin", "usr/bin", "/usr/bin/java", "/usr/lib/jvm/jre/bin/java")));

    assertEquals(contents, BaseContents.fromJson(contents.toJson()));
    assertEquals(contents.toJson(), reordered.toJson());
    assertTrue(contents.toJson().startsWith("{\"formatVersion\":2,"), contents.toJson());
  }

  @Test
  void jsonOfEmptyContentsRoundTrips() throws IOException {
    BaseContents empty = new BaseContents(List.of(), List.of(), List.of(), Executables.NONE);

    assertEquals(empty, BaseContents.fromJson(empty.toJson()));
  }

  @Test
  void refusesJsonOfAnotherFormatVersionOrNone() {
    String current = new BaseContents(List.of("/bin/sh"), List.of(), List.of(), Executables.NONE).toJson();

    assertThrows(
        IOException.class,
        () -> BaseContents.fromJson(current.replace("\"formatVersion\":2", "\"formatVersion\":1")));
    assertThrows(
        IOException.class,
        () ->
            BaseContents.fromJson(
                "{\"shells\":[\"/bin/sh\"],\"packages\":[],\"javaRuntimes\":[]}"));
  }

  @Test
  void refusesMalformedOrIncompleteJson() {
    assertThrows(IOException.class, () -> BaseContents.fromJson("{\"formatVersion\":1,"));
    assertThrows(IOException.class, () -> BaseContents.fromJson("[]"));
    assertThrows(IOException.class, () -> BaseContents.fromJson(""));
    assertThrows(
        IOException.class,
        () -> BaseContents.fromJson("{\"formatVersion\":1,\"shells\":[],\"packages\":[]}"));
    assertThrows(
        IOException.class,
        () ->
            BaseContents.fromJson(
                "{\"formatVersion\":1,\"shells\":[],\"javaRuntimes\":[],"
                    + "\"packages\":[{\"name\":\"x\",\"version\":\"\"}]}"));
    assertThrows(
        IOException.class,
        () ->
            BaseContents.fromJson(
                "{\"formatVersion\":1,\"shells\":[7],\"packages\":[],\"javaRuntimes\":[]}"));
  }
}
