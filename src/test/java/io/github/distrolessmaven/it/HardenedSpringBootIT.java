package io.github.distrolessmaven.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Runs the image that the {@code spring-boot-web} invoker scenario pushed, through the Docker
 * API (podman's socket), the way a hardened deployment would: read-only root file system, every
 * capability dropped, no privilege escalation. Proves the image serves HTTP under those limits.
 * The scenario's last image, which this runs, is the one on a runtime linked with jlink: the
 * linked runtime needs no more than the full base's (scenario security-context-and-hardened-run
 * runs an image on the full base so).
 */
class HardenedSpringBootIT {

  private static final Path SCENARIO = Path.of("target/it/spring-boot-web");

  @Test
  void servesHttpWithReadOnlyRootAndNoCapabilities() throws IOException, InterruptedException {
    JsonNode image = new ObjectMapper()
        .readTree(Files.readString(SCENARIO.resolve("target/distroless/image.json")));
    String reference = image.get("image").asText().replaceFirst(":[^:/]+$", "")
        + "@" + image.get("digest").asText();

    try (GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(reference))
        .withExposedPorts(8080)
        .withTmpFs(Map.of("/tmp", "rw,size=64m"))
        .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
            .withReadonlyRootfs(true)
            .withCapDrop(com.github.dockerjava.api.model.Capability.ALL)
            .withSecurityOpts(java.util.List.of("no-new-privileges")))
        .waitingFor(Wait.forHttp("/").forStatusCode(200))
        .withStartupTimeout(Duration.ofSeconds(90))) {
      container.start();

      String url = "http://" + container.getHost() + ":" + container.getMappedPort(8080) + "/";
      HttpResponse<String> response = HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      assertTrue(response.body().contains("hello from spring boot"), response.body());

      var config = container.getContainerInfo().getConfig();
      assertEquals("65532:65532", config.getUser());
      assertEquals("/usr/lib/jvm/jre/bin/java", config.getEntrypoint()[0]);
      assertTrue(container.getContainerInfo().getHostConfig().getReadonlyRootfs());
    }
  }
}
