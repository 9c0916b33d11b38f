package io.github.distrolessmaven.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.fixtures.RecordingLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopbackRegistryTest {

  @Test
  void registriesOnThisMachineByName() {
    for (String registry : List.of("localhost", "localhost:5000", "LOCALHOST:5000", "127.0.0.1",
        "127.0.0.1:15000", "127.1.2.3:80", "[::1]", "[::1]:5000")) {
      assertTrue(Registries.isLoopback(registry), registry);
    }
  }

  @Test
  void everyOtherRegistryIsElsewhere() {
    for (String registry : List.of("registry.example.com", "10.0.0.1:5000", "128.0.0.1",
        "127.0.0.256", "127.0.0", "127.0.0.1.example.com", "localhost.example.com:5000",
        "[::2]:5000", "[fe80::1]", "0.0.0.0:5000")) {
      assertFalse(Registries.isLoopback(registry), registry);
    }
  }

  @Test
  void onlyVerifiedHttpsElsewhereUnlessAllowed() {
    Registries registries = new Registries(false, Credentials.NONE, null, new RecordingLog());

    assertEquals(List.of(Registries.Endpoint.HTTPS),
        registries.endpoints("registry.example.com"));
    assertFalse(registries.insecureAllowed("registry.example.com"));
    assertTrue(registries.insecureAllowed("localhost:5000"));
    assertEquals(List.of(Registries.Endpoint.HTTPS, Registries.Endpoint.HTTPS_UNVERIFIED,
        Registries.Endpoint.HTTP), registries.endpoints("localhost:5000"));
  }
}
