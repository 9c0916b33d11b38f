package io.github.distrolessmaven.core.contents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DebianPackageTest {

  @Test
  void purlNamesDebianAndTheArchitecture() {
    assertEquals(
        "pkg:deb/debian/libc6@2.41-12?arch=amd64",
        new DebianPackage("libc6", "2.41-12", "amd64", Optional.of("glibc")).purl());
  }

  @Test
  void purlPercentEncodesAnEpochAndPlusSigns() {
    assertEquals(
        "pkg:deb/debian/zlib1g@1%3A1.3.dfsg%2Breally1.3.1-1%2Bb1?arch=arm64",
        new DebianPackage("zlib1g", "1:1.3.dfsg+really1.3.1-1+b1", "arm64", Optional.empty())
            .purl());
    assertEquals(
        "pkg:deb/debian/libstdc%2B%2B6@14.2.0-19?arch=amd64",
        new DebianPackage("libstdc++6", "14.2.0-19", "amd64", Optional.of("gcc-14")).purl());
  }

  @Test
  void purlKeepsArchitectureAllAndOmitsAMissingOne() {
    assertEquals(
        "pkg:deb/debian/tzdata@2025b-4?arch=all",
        new DebianPackage("tzdata", "2025b-4", "all", Optional.empty()).purl());
    assertEquals(
        "pkg:deb/debian/tzdata@2025b-4",
        new DebianPackage("tzdata", "2025b-4", null, Optional.empty()).purl());
  }

  @Test
  void refusesAnEmptyNameOrVersion() {
    assertThrows(
        IllegalArgumentException.class, () -> new DebianPackage("", "1", "all", Optional.empty()));
    assertThrows(
        IllegalArgumentException.class, () -> new DebianPackage("x", "", "all", Optional.empty()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DebianPackage("x", null, "all", Optional.empty()));
  }
}
