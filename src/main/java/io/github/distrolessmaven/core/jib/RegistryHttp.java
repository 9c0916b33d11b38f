package io.github.distrolessmaven.core.jib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.http.Authorization;
import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.http.Request;
import com.google.cloud.tools.jib.http.Response;
import com.google.cloud.tools.jib.http.ResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain registry GETs that jib-core's client has no method for (the referrers API, an index
 * read as its exact bytes), authenticated as the registry asks: anonymously, with Basic
 * credentials, or with a Bearer token fetched from the registry's token service.
 */
final class RegistryHttp {

  private static final Pattern CHALLENGE_PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final FailoverHttpClient http;
  private final Optional<Credential> credential;

  RegistryHttp(boolean allowInsecure, Optional<Credential> credential, Consumer<LogEvent> logger) {
    this.http = new FailoverHttpClient(allowInsecure, false, logger);
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
    if (challenge != null && challenge.regionMatches(true, 0, "Bearer ", 0, 7)) {
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
    Map<String, String> parameters = new LinkedHashMap<>();
    Matcher matcher = CHALLENGE_PARAMETER.matcher(challenge);
    while (matcher.find()) {
      parameters.put(matcher.group(1).toLowerCase(java.util.Locale.ROOT), matcher.group(2));
    }
    String realm = parameters.get("realm");
    if (realm == null) {
      throw new IOException("the registry asks for a token but names no realm: " + challenge);
    }
    StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
    if (parameters.containsKey("service")) {
      url.append("service=").append(encode(parameters.get("service"))).append('&');
    }
    url.append("scope=").append(encode("repository:" + repository + ":pull"));
    Request.Builder request = new Request.Builder();
    credential.ifPresent(c -> request.setAuthorization(
        Authorization.fromBasicCredentials(c.getUsername(), c.getPassword())));
    try (Response response = http.get(new URL(url.toString()), request.build());
        InputStream body = response.getBody()) {
      JsonNode json = new ObjectMapper().readTree(body);
      String token = json.path("token").asText(json.path("access_token").asText(""));
      if (token.isEmpty()) {
        throw new IOException("the token service " + realm + " answered without a token");
      }
      return token;
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
