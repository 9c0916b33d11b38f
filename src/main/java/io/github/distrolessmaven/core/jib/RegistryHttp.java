package io.github.distrolessmaven.core.jib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.http.Authorization;
import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.http.Request;
import com.google.cloud.tools.jib.http.Response;
import com.google.cloud.tools.jib.http.ResponseException;
import io.github.distrolessmaven.core.registry.BearerChallenge;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Optional;

/**
 * Plain registry GETs that jib-core's client has no method for (the referrers API, an index
 * read as its exact bytes), authenticated as the registry asks: anonymously, with Basic
 * credentials, or with a Bearer token fetched from the registry's token service.
 */
final class RegistryHttp {

  private final FailoverHttpClient http;
  private final Optional<Credential> credential;

  RegistryHttp(FailoverHttpClient http, Optional<Credential> credential) {
    this.http = http;
    this.credential = credential;
  }

  /**
   * @param path under {@code /v2/<repository>/}, e.g. {@code manifests/tag}
   * @return the body, or empty when the registry answers 404 (no such thing, or no such API)
   * @throws ResponseException for any other refusal, with its status code
   */
  Optional<byte[]> get(String registry, String repository, String path, List<String> accept)
      throws IOException {
    URL url = new URL("https://" + registry + "/v2/" + repository + "/" + path);
    Optional<Authorization> authorization = Optional.empty();
    for (int attempt = 0; ; attempt++) {
      Request.Builder request = new Request.Builder().setAccept(accept);
      authorization.ifPresent(request::setAuthorization);
      try (Response response = http.get(url, request.build());
          InputStream body = response.getBody()) {
        return Optional.of(body.readAllBytes());
      } catch (ResponseException e) {
        if (e.getStatusCode() == 404) {
          return Optional.empty();
        }
        if (e.getStatusCode() != 401 || attempt > 0) {
          throw e;
        }
        authorization = Optional.of(answer(e.getHeaders().getAuthenticate(), repository, e));
      }
    }
  }

  private Authorization answer(String challenge, String repository, ResponseException refusal)
      throws IOException {
    if (BearerChallenge.isBearer(challenge)) {
      return Authorization.fromBearerToken(token(challenge, repository));
    }
    if (credential.isPresent()) {
      return Authorization.fromBasicCredentials(
          credential.get().getUsername(), credential.get().getPassword());
    }
    throw refusal;
  }

  /** A pull token from the service the challenge names, as {@code docker pull} gets one. */
  private String token(String challenge, String repository) throws IOException {
    String url = BearerChallenge.pullTokenUrl(challenge, repository).orElseThrow(() ->
        new IOException("the registry asks for a token but names no realm: " + challenge));
    Request.Builder request = new Request.Builder();
    credential.ifPresent(c -> request.setAuthorization(
        Authorization.fromBasicCredentials(c.getUsername(), c.getPassword())));
    try (Response response = http.get(new URL(url), request.build());
        InputStream body = response.getBody()) {
      JsonNode json = new ObjectMapper().readTree(body);
      String token = json.path("token").asText(json.path("access_token").asText(""));
      if (token.isEmpty()) {
        throw new IOException("the token service " + url + " answered without a token");
      }
      return token;
    }
  }

}
