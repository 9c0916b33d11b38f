package io.github.distrolessmaven.core.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.distrolessmaven.core.oci.Json;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The image config as every build writes it, whatever order jib-core's hash maps gave it: the
 * order of a copied HashMap changed in JDK 19, and with it the config digest of the same project.
 */
class CanonicalConfigTest {

  private static ObjectNode config(String json) throws Exception {
    return Json.readObject(json.getBytes(StandardCharsets.UTF_8), "a test's config");
  }

  private static String write(ObjectNode config) {
    return new String(Json.write(config), StandardCharsets.UTF_8);
  }

  @Test
  void labelsPortsVolumesAndTheEnvironmentAreInNameOrder() throws Exception {
    // As jib-core wrote it on JDK 25, and on JDK 17: one image, two orders.
    ObjectNode jdk25 = config("{\"created\":\"1970-01-01T00:00:00Z\",\"architecture\":\"amd64\","
        + "\"os\":\"linux\",\"config\":{\"Env\":[\"PATH=/usr/bin\",\"JAVA_VERSION=17\","
        + "\"A=1\"],\"Entrypoint\":[\"java\"],\"ExposedPorts\":{\"9090/tcp\":{},\"8080/tcp\":{}},"
        + "\"Labels\":{\"org.opencontainers.image.title\":\"app\","
        + "\"org.opencontainers.image.created\":\"1970-01-01T00:00:00Z\","
        + "\"org.opencontainers.image.base.name\":\"base\"},"
        + "\"Volumes\":{\"/tmp\":{},\"/data\":{}}},\"rootfs\":{\"type\":\"layers\"}}");
    ObjectNode jdk17 = config("{\"created\":\"1970-01-01T00:00:00Z\",\"architecture\":\"amd64\","
        + "\"os\":\"linux\",\"config\":{\"Env\":[\"A=1\",\"JAVA_VERSION=17\","
        + "\"PATH=/usr/bin\"],\"Entrypoint\":[\"java\"],\"ExposedPorts\":{\"8080/tcp\":{},"
        + "\"9090/tcp\":{}},\"Labels\":{\"org.opencontainers.image.base.name\":\"base\","
        + "\"org.opencontainers.image.title\":\"app\","
        + "\"org.opencontainers.image.created\":\"1970-01-01T00:00:00Z\"},"
        + "\"Volumes\":{\"/data\":{},\"/tmp\":{}}},\"rootfs\":{\"type\":\"layers\"}}");

    String canonical = write(JibArchive.canonical(jdk25, Optional.empty()));

    assertEquals(canonical, write(JibArchive.canonical(jdk17, Optional.empty())));
    assertEquals("{\"created\":\"1970-01-01T00:00:00Z\",\"architecture\":\"amd64\","
        + "\"os\":\"linux\",\"config\":{\"Env\":[\"A=1\",\"JAVA_VERSION=17\",\"PATH=/usr/bin\"],"
        + "\"Entrypoint\":[\"java\"],\"ExposedPorts\":{\"8080/tcp\":{},\"9090/tcp\":{}},"
        + "\"Labels\":{\"org.opencontainers.image.base.name\":\"base\","
        + "\"org.opencontainers.image.created\":\"1970-01-01T00:00:00Z\","
        + "\"org.opencontainers.image.title\":\"app\"},"
        + "\"Volumes\":{\"/data\":{},\"/tmp\":{}}},\"rootfs\":{\"type\":\"layers\"}}", canonical);
  }

  @Test
  void theVariantGoesRightAfterTheOsAndAnOldOneIsDropped() throws Exception {
    ObjectNode arm = config("{\"architecture\":\"arm64\",\"variant\":\"v7\",\"os\":\"linux\","
        + "\"config\":{}}");

    assertEquals("{\"architecture\":\"arm64\",\"os\":\"linux\",\"variant\":\"v8\",\"config\":{}}",
        write(JibArchive.canonical(arm, Optional.of("v8"))));
    assertEquals("{\"architecture\":\"arm64\",\"os\":\"linux\",\"config\":{}}",
        write(JibArchive.canonical(arm, Optional.empty())));
  }
}
