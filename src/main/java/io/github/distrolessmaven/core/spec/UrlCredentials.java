package io.github.distrolessmaven.core.spec;

import java.util.Locale;

/**
 * Credentials written into a URL ({@code https://user:token@host/...}), which must not reach an
 * image's labels, its SBOM or a log: a URL with them left out.
 */
public final class UrlCredentials {

  private UrlCredentials() {}

  /**
   * {@code url} without the credentials in it: for HTTP(S) any user part at all (a lone token
   * before {@code @} is a secret too), for other schemes a {@code user:password} pair (a bare
   * {@code ssh://git@host} names no secret). A Maven SCM URL ({@code scm:git:https://...}) is
   * read by its last scheme. Text that is no URL is returned as it is.
   *
   * @return {@code url} itself when it holds no credentials; null for null
   */
  public static String strip(String url) {
    if (url == null) {
      return null;
    }
    int separator = url.indexOf("://");
    if (separator < 0) {
      return url;
    }
    String schemes = url.substring(0, separator).toLowerCase(Locale.ROOT);
    String scheme = schemes.substring(schemes.lastIndexOf(':') + 1);
    int start = separator + 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    int at = url.lastIndexOf('@', end - 1);
    if (at < start) {
      return url;
    }
    String userInfo = url.substring(start, at);
    boolean secret = scheme.equals("http") || scheme.equals("https") || userInfo.contains(":");
    return secret ? url.substring(0, start) + url.substring(at + 1) : url;
  }
}
