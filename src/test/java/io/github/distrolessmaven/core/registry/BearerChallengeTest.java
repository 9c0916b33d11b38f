package io.github.distrolessmaven.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerChallengeTest {

  @Test
  void buildsThePullTokenUrlFromRealmAndService() {
    String challenge = "Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\","
        + "scope=\"repository:team/app:pull\"";
    assertTrue(BearerChallenge.isBearer(challenge));
    assertEquals(Optional.of("https://auth.example.com/token?service=registry.example.com"
        + "&scope=repository%3Ateam%2Fapp%3Apull"), BearerChallenge.pullTokenUrl(challenge, "team/app"));
  }

  @Test
  void aRealmWithAQueryGetsMoreParameters() {
    assertEquals(Optional.of("https://auth.example.com/token?x=1&scope=repository%3Aapp%3Apull"),
        BearerChallenge.pullTokenUrl("Bearer realm=\"https://auth.example.com/token?x=1\"", "app"));
  }

  @Test
  void basicOrRealmlessChallengesGiveNoUrl() {
    assertFalse(BearerChallenge.isBearer("Basic realm=\"registry\""));
    assertTrue(BearerChallenge.pullTokenUrl("Bearer service=\"x\"", "app").isEmpty());
  }

  @Test
  void tokenResponsesOfBothShapesAreRead() {
    assertEquals(Optional.of("abc.def-ghi"),
        TokenResponse.token("{\"token\": \"abc.def-ghi\", \"expires_in\": 300}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(Optional.of("xyz"),
        TokenResponse.token("{\"access_token\":\"xyz\"}".getBytes(StandardCharsets.UTF_8)));
    assertTrue(TokenResponse.token("{}".getBytes(StandardCharsets.UTF_8)).isEmpty());
  }
}
