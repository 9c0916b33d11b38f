package io.github.distrolessmaven.core.sbom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.distrolessmaven.core.contents.BaseContents;
import io.github.distrolessmaven.core.contents.DebianPackage;
import io.github.distrolessmaven.core.contents.Executables;
import io.github.distrolessmaven.core.contents.JavaRuntime;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.layers.Dependency;
import io.github.distrolessmaven.core.layers.MavenCoordinates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSbomTest {

  private static final String DIGEST = "sha256:" + "ab".repeat(32);
  private static final SbomSubject IMAGE = new SbomSubject("registry.example.com:5000/team/app", DIGEST);
  private static final MavenCoordinates APP =
      new MavenCoordinates("com.example", "app", "1.0", "", "jar");
  private static final BaseContents BASE = new BaseContents(
      List.of(),
      List.of(
          new DebianPackage("libc6", "2.41-12", "amd64", Optional.of("glibc")),
          new DebianPackage("zlib1g", "1:1.3.dfsg+really1.3.1-1+b1", "amd64", Optional.empty())),
      List.of(new JavaRuntime("/usr/lib/jvm/java-21-openjdk-amd64", "21.0.9", Optional.of("Debian"))),
      Executables.NONE);

  @TempDir Path dir;

  private byte[] sbom(List<Dependency> dependencies) throws Exception {
    return ImageSbom.create(IMAGE, APP, dependencies, BASE, Instant.parse("2026-01-01T00:00:00Z"));
  }

  private Dependency jar(String artifactId, String content) throws Exception {
    Path file = Files.writeString(dir.resolve(artifactId + "-1.0.jar"), content);
    return new Dependency(new MavenCoordinates("org.lib", artifactId, "1.0", "", "jar"), file,
        Dependency.Origin.RELEASE);
  }

  @Test
  void isValidCycloneDx16() throws Exception {
    byte[] bytes = sbom(List.of(jar("a", "a")));
    List<?> problems = new JsonParser().validate(bytes, org.cyclonedx.Version.VERSION_16);
    assertTrue(problems.isEmpty(), problems::toString);
    assertEquals("1.6", new ObjectMapper().readTree(bytes).get("specVersion").asText());
  }

  @Test
  void theImageByDigestIsTheMetadataComponent() throws Exception {
    JsonNode component = new ObjectMapper().readTree(sbom(List.of())).get("metadata").get("component");
    assertEquals("container", component.get("type").asText());
    assertEquals(DIGEST, component.get("version").asText());
    assertEquals("pkg:oci/app@sha256%3A" + "ab".repeat(32)
        + "?repository_url=registry.example.com%3A5000%2Fteam%2Fapp", component.get("purl").asText());
    assertEquals("ab".repeat(32), component.get("hashes").get(0).get("content").asText());
  }

  @Test
  void dependenciesHavePurlsAndTheHashesOfTheirJars() throws Exception {
    JsonNode components = new ObjectMapper().readTree(sbom(List.of(jar("a", "jar a")))).get("components");
    JsonNode a = find(components, "pkg:maven/org.lib/a@1.0?type=jar");
    assertEquals("library", a.get("type").asText());
    assertEquals("required", a.get("scope").asText());
    assertEquals(hex("SHA-1", "jar a"), hash(a, "SHA-1"));
    assertEquals(Sha256.hex(Sha256.of("jar a".getBytes(StandardCharsets.UTF_8))), hash(a, "SHA-256"));
    assertEquals("application", find(components, "pkg:maven/com.example/app@1.0?type=jar").get("type").asText());
  }

  @Test
  void aReactorModuleGivenAsClassesHasNoHash() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("module/target/classes"));
    Dependency module = new Dependency(new MavenCoordinates("com.example", "module", "1.0", "", "jar"),
        classes, Dependency.Origin.REACTOR_MODULE);
    JsonNode component = find(new ObjectMapper().readTree(sbom(List.of(module))).get("components"),
        "pkg:maven/com.example/module@1.0?type=jar");
    assertFalse(component.has("hashes"));
  }

  @Test
  void basePackagesAndTheJavaRuntimeAreListed() throws Exception {
    JsonNode components = new ObjectMapper().readTree(sbom(List.of())).get("components");
    assertNotNull(find(components, "pkg:deb/debian/libc6@2.41-12?arch=amd64"));
    assertNotNull(find(components, "pkg:deb/debian/zlib1g@1%3A1.3.dfsg%2Breally1.3.1-1%2Bb1?arch=amd64"));
    JsonNode runtime = null;
    for (JsonNode component : components) {
      if ("platform".equals(component.path("type").asText())) {
        runtime = component;
      }
    }
    assertNotNull(runtime, "no Java runtime");
    assertEquals("21.0.9", runtime.get("version").asText());
    assertEquals("Debian", runtime.get("publisher").asText());
  }

  @Test
  void theSameImageGivesTheSameBytes() throws Exception {
    byte[] first = sbom(List.of(jar("a", "a"), jar("b", "b")));
    byte[] second = sbom(List.of(jar("a", "a"), jar("b", "b")));
    assertArrayEquals(first, second);
    JsonNode root = new ObjectMapper().readTree(first);
    assertEquals("2026-01-01T00:00:00Z", root.get("metadata").get("timestamp").asText());
    assertTrue(root.get("serialNumber").asText().startsWith("urn:uuid:"));
  }

  @Test
  void aJarOnTheClasspathTwiceIsOneComponent() throws Exception {
    Dependency a = jar("a", "a");
    JsonNode components = new ObjectMapper().readTree(sbom(List.of(a, a))).get("components");
    int count = 0;
    for (JsonNode component : components) {
      count += component.path("purl").asText().startsWith("pkg:maven/org.lib/a@") ? 1 : 0;
    }
    assertEquals(1, count);
  }

  private static JsonNode find(JsonNode components, String purl) {
    for (JsonNode component : components) {
      if (purl.equals(component.path("purl").asText())) {
        return component;
      }
    }
    throw new AssertionError("no component " + purl + " in " + components);
  }

  private static String hash(JsonNode component, String algorithm) {
    for (JsonNode hash : component.get("hashes")) {
      if (algorithm.equals(hash.get("alg").asText())) {
        return hash.get("content").asText();
      }
    }
    throw new AssertionError("no " + algorithm + " in " + component);
  }

  private static String hex(String algorithm, String content) throws Exception {
    return HexFormat.of().formatHex(
        MessageDigest.getInstance(algorithm).digest(content.getBytes(StandardCharsets.UTF_8)));
  }
}
