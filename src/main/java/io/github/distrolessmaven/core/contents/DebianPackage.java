package io.github.distrolessmaven.core.contents;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Debian package installed in a base image, as dpkg records it.
 *
 * @param name the package name, e.g. {@code libc6}
 * @param version the full Debian version, epoch included, e.g. {@code 1:2.3-4+deb12u1}
 * @param architecture the Debian architecture ({@code amd64}, {@code arm64}, {@code all}), or null
 *     when the record names none
 * @param source the source package name, empty when dpkg records none (it omits the field when the
 *     source package has the same name as the binary one)
 */
public record DebianPackage(
    String name, String version, String architecture, Optional<String> source) {

  /**
   * A null source is taken as empty.
   *
   * @throws IllegalArgumentException when the name or version is null or empty
   */
  public DebianPackage {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("A Debian package needs a name");
    }
    if (version == null || version.isEmpty()) {
      throw new IllegalArgumentException("The Debian package " + name + " needs a version");
    }
    source = source == null ? Optional.empty() : source;
  }

  /**
   * The package URL, {@code pkg:deb/debian/NAME@VERSION?arch=ARCH}, encoded as the purl
   * specification requires: an epoch's ':' and a '+' in the version are percent-encoded.
   *
   * @throws IllegalStateException when packageurl-java refuses the name (dpkg allows no name it
   *     would refuse)
   */
  public String purl() {
    TreeMap<String, String> qualifiers = new TreeMap<>();
    if (architecture != null && !architecture.isEmpty()) {
      qualifiers.put("arch", architecture);
    }
    try {
      return new PackageURL("deb", "debian", name, version, qualifiers, null).canonicalize();
    } catch (MalformedPackageURLException e) {
      throw new IllegalStateException(
          "The Debian package "
              + name
              + " "
              + version
              + " has no valid package URL: "
              + e.getMessage(),
          e);
    }
  }
}
