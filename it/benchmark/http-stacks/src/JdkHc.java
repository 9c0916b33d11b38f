import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Stack 2: java.net.http.HttpClient. Args: head1|head2|blob|tls base repo ref [ref2|size].
 * -Dhc.version=HTTP_1_1 (default here) or HTTP_2 (the JDK's own default: h2c upgrade on http,
 * ALPN h2 on https).
 */
public class JdkHc {
  static final String ACCEPT = "application/vnd.oci.image.index.v1+json, "
      + "application/vnd.docker.distribution.manifest.list.v2+json, "
      + "application/vnd.oci.image.manifest.v1+json, "
      + "application/vnd.docker.distribution.manifest.v2+json";
  static HttpClient client;
  static boolean tls;

  public static void main(String[] a) throws Exception {
    long t0 = System.nanoTime();
    String mode = a[0];
    tls = mode.equals("tls");
    HttpClient.Builder b = HttpClient.newBuilder()
        .version(HttpClient.Version.valueOf(System.getProperty("hc.version", "HTTP_1_1")))
        .connectTimeout(Duration.ofSeconds(20));
    if (tls) b.sslContext(trustAllContext()); // per client, not per request
    client = b.build();
    StringBuilder out = new StringBuilder();
    switch (mode) {
      case "head1": case "tls": out.append(head(a[1], a[2], a[3])); break;
      case "head2": out.append(head(a[1], a[2], a[3])).append(' ').append(head(a[1], a[2], a[4])); break;
      case "blob": {
        HttpRequest r = HttpRequest.newBuilder(URI.create(a[1] + "/v2/" + a[2] + "/blobs/" + a[3]))
            .header("User-Agent", "http-measure").timeout(Duration.ofSeconds(20)).GET().build();
        HttpResponse<InputStream> resp = client.send(r, HttpResponse.BodyHandlers.ofInputStream());
        long n = 0;
        byte[] buf = new byte[65536];
        try (InputStream in = resp.body()) {
          for (int k; (k = in.read(buf)) > 0; ) n += k;
        }
        if (resp.statusCode() != 200 || n != Long.parseLong(a[4]))
          throw new IllegalStateException(resp.statusCode() + " " + n);
        out.append(resp.statusCode()).append(" bytes=").append(n);
        break;
      }
      default: throw new IllegalArgumentException(mode);
    }
    long done = System.currentTimeMillis();
    System.out.println("OK " + mode + " " + out + " inproc_ms=" + (System.nanoTime() - t0) / 1_000_000 + " done_epoch_ms=" + done);
  }

  static String head(String base, String repo, String ref) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/v2/" + repo + "/manifests/" + ref))
        .header("User-Agent", "http-measure").header("Accept", ACCEPT)
        .timeout(Duration.ofSeconds(20))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<Void> resp = client.send(r, HttpResponse.BodyHandlers.discarding());
    int code = resp.statusCode();
    if (code != 200 && !(tls && code == 401)) throw new IllegalStateException("HTTP " + code);
    String d = resp.headers().firstValue("Docker-Content-Digest").orElse(null);
    return code + (d == null ? "" : ":" + d.substring(7, 19)) + "/" + resp.version();
  }

  static SSLContext trustAllContext() throws Exception {
    // X509ExtendedTrustManager: a plain X509TrustManager would be wrapped by JSSE, which then still
    // checks the host name (HttpClient always sets endpoint identification to HTTPS).
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new TrustManager[] {new X509ExtendedTrustManager() {
      public void checkClientTrusted(X509Certificate[] c, String t) {}
      public void checkServerTrusted(X509Certificate[] c, String t) {}
      public void checkClientTrusted(X509Certificate[] c, String t, java.net.Socket s) {}
      public void checkServerTrusted(X509Certificate[] c, String t, java.net.Socket s) {}
      public void checkClientTrusted(X509Certificate[] c, String t, SSLEngine e) {}
      public void checkServerTrusted(X509Certificate[] c, String t, SSLEngine e) {}
      public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }}, new SecureRandom());
    return ctx;
  }
}
