package io.github.distrolessmaven.core.registry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry's {@code WWW-Authenticate: Bearer realm="...",service="..."} challenge, and the
 * token-service URL that answers it with a token, as {@code docker pull} and {@code docker push}
 * ask for one.
 */
public final class BearerChallenge {

  private static final Pattern PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private BearerChallenge() {}

  /** Whether the challenge asks for a Bearer token. */
  public static boolean isBearer(String challenge) {
    return challenge != null && challenge.regionMatches(true, 0, "Bearer", 0, 6);
  }

  /** The URL of a pull token for repository; empty when the challenge names no realm. */
  public static Optional<String> pullTokenUrl(String challenge, String repository) {
    return tokenUrl(challenge, List.of("repository:" + repository + ":pull"));
  }

  /**
   * The URL of a token for {@code scopes}, e.g. {@code repository:team/app:pull,push}; empty
   * when the challenge names no realm.
   */
  public static Optional<String> tokenUrl(String challenge, List<String> scopes) {
    Map<String, String> parameters = new LinkedHashMap<>();
    Matcher matcher = PARAMETER.matcher(challenge);
    while (matcher.find()) {
      parameters.put(matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2));
    }
    String realm = parameters.get("realm");
    if (realm == null) {
      return Optional.empty();
    }
    StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
    if (parameters.containsKey("service")) {
      url.append("service=").append(encode(parameters.get("service"))).append('&');
    }
    url.append(String.join("&", scopes.stream().map(scope -> "scope=" + encode(scope)).toList()));
    return Optional.of(url.toString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
