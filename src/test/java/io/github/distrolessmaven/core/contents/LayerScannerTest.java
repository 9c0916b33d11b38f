package io.github.distrolessmaven.core.contents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.fixtures.TestLayer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LayerScannerTest {

  private static final String LIBC6 =
      "Package: libc6\nVersion: 2.41-12\nArchitecture: amd64\nSource: glibc\n";
  private static final String TZDATA = "Package: tzdata\nVersion: 2025b-4\nArchitecture: all\n";

  @Test
  void findsShOfAUsrMergedBaseThroughBinLinkAndDash() throws IOException {
    BaseContents contents =
        scan(
            new TestLayer()
                .dir("./")
                .dir("./usr/")
                .dir("./usr/bin/")
                .file("./usr/bin/dash", "ELF")
                .symlink("./usr/bin/sh", "dash")
                .symlink("./bin", "usr/bin"));

    assertEquals(
        List.of("/bin/dash", "/bin/sh", "/usr/bin/dash", "/usr/bin/sh"), contents.shells());
  }

  @Test
  void recordsWhatTheImageCanRunAndItsLinks() throws IOException {
    BaseContents contents =
        scan(
            new TestLayer()
                .dir("./usr/lib/jvm/jre/bin/")
                .executable("./usr/lib/jvm/jre/bin/java", "ELF")
                .file("./usr/lib/jvm/jre/release", "JAVA_VERSION=\"21\"")
                .dir("./etc/alternatives/")
                .symlink("./etc/alternatives/java", "/usr/lib/jvm/jre/bin/java")
                .dir("./usr/bin/")
                .symlink("./usr/bin/java", "/etc/alternatives/java")
                .symlink("./bin", "usr/bin"),
            new TestLayer().hardLink("./usr/bin/java2", "./usr/lib/jvm/jre/bin/java"));

    Executables executables = contents.executables();
    assertEquals(Set.of("/usr/lib/jvm/jre/bin/java", "/usr/bin/java2"), executables.files());
    assertEquals("usr/bin", executables.links().get("/bin"));
    assertEquals(Optional.of("/usr/lib/jvm/jre/bin/java"), executables.resolve("/bin/java"));
    assertEquals(Optional.empty(), executables.resolve("/usr/lib/jvm/jre/release"),
        "not executable");
    assertEquals(contents, BaseContents.fromJson(contents.toJson()));
  }

  @Test
  void reportsNoShellForADanglingOrLoopingLink() throws IOException {
    BaseContents contents =
        scan(
            new TestLayer()
                .symlink("bin/sh", "/usr/bin/dash")
                .symlink("bin/bash", "../bin/zsh")
                .symlink("bin/zsh", "bash"));

    assertEquals(List.of(), contents.shells());
  }

  @Test
  void followsAsManyLinksAsLinuxDoesAndNoMore() throws IOException {
    // sh takes 40 hops to reach dash, bash 41: Linux gives up (ELOOP) after 40.
    TestLayer layer = new TestLayer().file("bin/dash", "ELF").symlink("bin/l1", "dash");
    for (int i = 2; i <= 40; i++) {
      layer.symlink("bin/l" + i, "l" + (i - 1));
    }
    layer.symlink("bin/sh", "l39").symlink("bin/bash", "l40");

    assertEquals(List.of("/bin/dash", "/bin/sh"), scan(layer).shells());
  }

  @Test
  void followsRelativeLinksWithDotDotAndAbsoluteLinksFromTheRoot() throws IOException {
    BaseContents contents =
        scan(
            new TestLayer()
                .file("bin/dash", "ELF")
                .symlink("usr/local/bin/sh", "../../../bin/dash")
                .symlink("sbin/ash", "/usr/local/bin/sh"));

    assertEquals(List.of("/bin/dash", "/sbin/ash", "/usr/local/bin/sh"), contents.shells());
  }

  @Test
  void findsBusyboxShOfDistrolessDebug() throws IOException {
    BaseContents contents =
        scan(
            new TestLayer().file("busybox/busybox", "ELF"),
            new TestLayer()
                .hardLink("busybox/sh", "busybox/busybox")
                .symlink("busybox/ls", "busybox")
                .file("busybox/cat", "ELF"));

    assertEquals(List.of("/busybox/busybox", "/busybox/sh"), contents.shells());
  }

  @Test
  void acceptsNamesWithAndWithoutLeadingDotSlashOrSlash() throws IOException {
    BaseContents contents =
        scan(new TestLayer().file("/bin/bash", "ELF").file("./bin/zsh", "ELF").file("sbin/sh", ""));

    assertEquals(List.of("/bin/bash", "/bin/zsh", "/sbin/sh"), contents.shells());
  }

  @Test
  void refusesALayerWhoseEntryLeadsOutOfTheRoot() {
    IOException e = assertThrows(IOException.class,
        () -> scan(new TestLayer().file("../../etc/cron.d/x", "* * * * * root sh")));

    assertTrue(e.getMessage().contains("../../etc/cron.d/x"), e.getMessage());
  }

  @Test
  void forgetsAShellWhitedOutByAnUpperLayer() throws IOException {
    BaseContents contents =
        scan(
            new TestLayer().file("bin/sh", "ELF").file("bin/bash", "ELF"),
            new TestLayer().whiteout("bin/sh"));

    assertEquals(List.of("/bin/bash"), contents.shells());
  }

  @Test
  void keepsWhatTheSameLayerAddsBesideItsWhiteout() throws IOException {
    BaseContents contents =
        scan(
            new TestLayer().file("bin/sh", "old"),
            new TestLayer().file("bin/sh", "new").whiteout("bin/sh"));

    assertEquals(List.of("/bin/sh"), contents.shells());
  }

  @Test
  void whiteoutOfADirectoryRemovesItsSubtree() throws IOException {
    BaseContents contents =
        scan(
            new TestLayer()
                .file("usr/lib/jvm/java-21/release", "JAVA_VERSION=\"21\"\n")
                .file("usr/bin/bash", "ELF"),
            new TestLayer().whiteout("usr/lib/jvm").whiteout("usr"),
            new TestLayer().file("usr/lib/jvm/other/bin/java", "ELF"));

    assertEquals(List.of(), contents.javaRuntimes());
    assertEquals(List.of(), contents.shells());
  }

  @Test
  void opaqueDirectoryHidesLowerEntriesButKeepsTheSameLayers() throws IOException {
    TestLayer lower =
        new TestLayer().file("bin/sh", "ELF").file("bin/bash", "ELF").file("bin/sub/x", "");
    // The specification asks writers to put the marker first; some put it last.
    for (boolean markerFirst : new boolean[] {true, false}) {
      TestLayer upper = new TestLayer().dir("bin/");
      if (markerFirst) {
        upper.opaque("bin");
      }
      upper.file("bin/dash", "ELF").dir("bin/sub/").file("bin/sub/y", "");
      if (!markerFirst) {
        upper.opaque("bin");
      }

      BaseContents contents = scan(lower, upper);

      assertEquals(List.of("/bin/dash"), contents.shells(), "marker first: " + markerFirst);
    }
  }

  @Test
  void opaqueDirectoryHidesLowerDpkgRecordsInsideSubdirectories() throws IOException {
    BaseContents contents =
        scan(
            new TestLayer()
                .file("var/lib/dpkg/status.d/libc6", LIBC6)
                .file("var/lib/dpkg/status.d/tzdata", TZDATA),
            new TestLayer().file("var/lib/dpkg/status.d/tzdata", TZDATA).opaque("var/lib"));

    assertEquals(List.of("tzdata"), names(contents));
  }

  @Test
  void fileReplacesLowerLinkAndLinkReplacesLowerFile() throws IOException {
    BaseContents contents =
        scan(
            new TestLayer().symlink("bin/sh", "missing").file("bin/bash", "ELF"),
            new TestLayer().file("bin/sh", "ELF").symlink("bin/bash", "missing"));

    assertEquals(List.of("/bin/sh"), contents.shells());
  }

  @Test
  void fileReplacesLowerDirectoryAndDirectoryReplacesLowerFile() throws IOException {
    BaseContents contents =
        scan(
            new TestLayer()
                .file("usr/lib/jvm/java-21/release", "JAVA_VERSION=\"21\"\n")
                .file("bin", "not a directory yet"),
            new TestLayer().file("usr/lib/jvm", "now a file").dir("bin/").file("bin/sh", "ELF"));

    assertEquals(List.of(), contents.javaRuntimes());
    assertEquals(List.of("/bin/sh"), contents.shells());
  }

  @Test
  void directoryEntryReplacesLowerLinkToADirectory() throws IOException {
    BaseContents contents =
        scan(
            new TestLayer().file("usr/bin/sh", "ELF").symlink("bin", "usr/bin"),
            new TestLayer().dir("bin/"));

    assertEquals(List.of("/usr/bin/sh"), contents.shells());
  }

  @Test
  void writesThroughALowerLinkInTheParents() throws IOException {
    BaseContents contents =
        scan(
            new TestLayer().dir("usr/bin/").symlink("bin", "usr/bin"),
            new TestLayer().file("bin/bash", "ELF"));

    assertEquals(List.of("/bin/bash", "/usr/bin/bash"), contents.shells());
  }

  @Test
  void readsDpkgRecordsAndForgetsWhitedOutOnes() throws IOException {
    BaseContents contents =
        scan(
            new TestLayer()
                .file("var/lib/dpkg/status.d/libc6", LIBC6)
                .file("var/lib/dpkg/status.d/libc6.md5sums", "abc  usr/lib/libc.so.6\n")
                .file("var/lib/dpkg/status.d/tzdata", TZDATA),
            new TestLayer().whiteout("var/lib/dpkg/status.d/tzdata"),
            new TestLayer()
                .file(
                    "var/lib/dpkg/status",
                    "Package: base-files\nStatus: install ok installed\nVersion: 13.8\n"
                        + "Architecture: amd64\n\n"
                        + LIBC6.replace("Source", "Status: install ok installed\nSource")));

    assertEquals(
        List.of(
            new DebianPackage("base-files", "13.8", "amd64", Optional.empty()),
            new DebianPackage("libc6", "2.41-12", "amd64", Optional.of("glibc"))),
        contents.packages());
  }

  @Test
  void readsJavaRuntimesBesideTheirJava() throws IOException {
    BaseContents contents =
        scan(
            new TestLayer()
                .file(
                    "usr/lib/jvm/java-21-openjdk-amd64/release",
                    "IMPLEMENTOR=\"Debian\"\nJAVA_VERSION=\"21.0.8\"\n")
                .symlink("usr/lib/jvm/default-java", "java-21-openjdk-amd64")
                .file("opt/java/openjdk/release", "JAVA_VERSION=\"17.0.16\"\n")
                .file("opt/java/openjdk/bin/java", "ELF")
                .file("opt/app/release", "JAVA_VERSION=\"1\"\n"));

    assertEquals(
        List.of(
            new JavaRuntime("/opt/java/openjdk", "17.0.16", Optional.empty()),
            new JavaRuntime("/usr/lib/jvm/java-21-openjdk-amd64", "21.0.8", Optional.of("Debian"))),
        contents.javaRuntimes());
  }

  @Test
  void skipsARecordLargerThanTheCapAndScansOn() throws IOException {
    byte[] huge = new byte[KeptFiles.MAX_SIZE + 1];
    Arrays.fill(huge, (byte) '\n');
    byte[] record = TZDATA.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    System.arraycopy(record, 0, huge, 0, record.length);

    BaseContents contents =
        scan(
            new TestLayer()
                .file("var/lib/dpkg/status.d/tzdata", huge)
                .file("usr/share/big.bin", new byte[8 << 20])
                .file("var/lib/dpkg/status.d/libc6", LIBC6));

    assertEquals(List.of("libc6"), names(contents));
  }

  @Test
  void readsGzipAndPlainLayersAlike() throws IOException {
    TestLayer layer = new TestLayer().file("bin/sh", "ELF");

    LayerScanner gzip = new LayerScanner();
    gzip.apply(new ByteArrayInputStream(layer.gzip()));
    LayerScanner plain = new LayerScanner();
    plain.apply(new ByteArrayInputStream(layer.tar()));

    assertEquals(List.of("/bin/sh"), gzip.result().shells());
    assertEquals(gzip.result(), plain.result());
  }

  private static BaseContents scan(TestLayer... layers) throws IOException {
    LayerScanner scanner = new LayerScanner();
    for (TestLayer layer : layers) {
      scanner.apply(new ByteArrayInputStream(layer.tar()));
    }
    return scanner.result();
  }

  private static List<String> names(BaseContents contents) {
    return contents.packages().stream().map(DebianPackage::name).toList();
  }
}
