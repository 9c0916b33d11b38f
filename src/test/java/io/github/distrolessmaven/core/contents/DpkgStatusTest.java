package io.github.distrolessmaven.core.contents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DpkgStatusTest {

  @Test
  void readsADistrolessStatusDFile() {
    String text =
        "Package: libc6\n"
            + "Version: 2.41-12\n"
            + "Architecture: amd64\n"
            + "Source: glibc\n"
            + "Description: GNU C Library: Shared libraries\n"
            + " Contains the standard libraries that are used by nearly all programs on\n"
            + " the system.\n";

    assertEquals(
        List.of(new DebianPackage("libc6", "2.41-12", "amd64", Optional.of("glibc"))),
        DpkgStatus.parse(text));
  }

  @Test
  void readsOnlyInstalledPackagesOfAStatusFile() {
    String text =
        "Package: base-files\n"
            + "Status: install ok installed\n"
            + "Architecture: amd64\n"
            + "Version: 13.8\n"
            + "\n"
            + "Package: removed-one\n"
            + "Status: deinstall ok config-files\n"
            + "Architecture: amd64\n"
            + "Version: 1.0\n"
            + "\n"
            + "Package: broken-one\n"
            + "Status: install reinstreq half-installed\n"
            + "Version: 1.0\n"
            + "\n"
            + "Package: libgcc-s1\n"
            + "Status: install ok installed\n"
            + "Architecture: amd64\n"
            + "Source: gcc-14 (14.2.0-19)\n"
            + "Version: 14.2.0-19\n"
            + "\n"
            + "Package: tzdata\n"
            + "Status: install ok installed\n"
            + "Architecture: all\n"
            + "Version: 2025b-4\n";

    assertEquals(
        List.of(
            new DebianPackage("base-files", "13.8", "amd64", Optional.empty()),
            new DebianPackage("libgcc-s1", "14.2.0-19", "amd64", Optional.of("gcc-14")),
            new DebianPackage("tzdata", "2025b-4", "all", Optional.empty())),
        DpkgStatus.parse(text));
  }

  @Test
  void readsFieldNamesInAnyCaseAndCrlfAndWhitespaceOnlySeparators() {
    String text =
        "package: zlib1g\r\nVERSION: 1:1.3.dfsg+really1.3.1-1+b1\r\nArchitecture: arm64\r\n"
            + " \t\r\n"
            + "Package: libssl3t64\r\nVersion: 3.5.1-1\r\nArchitecture: arm64\r\n";

    assertEquals(
        List.of(
            new DebianPackage("zlib1g", "1:1.3.dfsg+really1.3.1-1+b1", "arm64", Optional.empty()),
            new DebianPackage("libssl3t64", "3.5.1-1", "arm64", Optional.empty())),
        DpkgStatus.parse(text));
  }

  @Test
  void ignoresParagraphsWithoutPackageOrVersionAndNonFieldLines() {
    String text =
        "Package: no-version\nArchitecture: amd64\n\n"
            + "Version: 1.0\nArchitecture: amd64\n\n"
            + "d41d8cd98f00b204e9800998ecf8427e  usr/share/doc/x:y\n";

    assertEquals(List.of(), DpkgStatus.parse(text));
  }

  @Test
  void continuationLinesDoNotLeakIntoOtherFields() {
    String text =
        "Package: libfoo\n"
            + "Conffiles:\n"
            + " /etc/foo.conf 0123\n"
            + " Version: 9.9\n"
            + "Version: 1.2\n";

    assertEquals(
        List.of(new DebianPackage("libfoo", "1.2", null, Optional.empty())),
        DpkgStatus.parse(text));
  }
}
