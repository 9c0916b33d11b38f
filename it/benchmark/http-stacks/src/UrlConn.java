import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** Stack 1: java.net.HttpURLConnection. Args: head1|head2|blob|tls base repo ref [ref2|size]. */
public class UrlConn {
  static final String ACCEPT = "application/vnd.oci.image.index.v1+json, "
      + "application/vnd.docker.distribution.manifest.list.v2+json, "
      + "application/vnd.oci.image.manifest.v1+json, "
      + "application/vnd.docker.distribution.manifest.v2+json";
  static SSLSocketFactory trustAll;

  public static void main(String[] a) throws Exception {
    long t0 = System.nanoTime();
    String mode = a[0];
    StringBuilder out = new StringBuilder();
    switch (mode) {
      case "head1": out.append(head(a[1], a[2], a[3])); break;
      case "head2": out.append(head(a[1], a[2], a[3])).append(' ').append(head(a[1], a[2], a[4])); break;
      case "tls":
        trustAll = trustAllFactory();
        out.append(head(a[1], a[2], a[3]));
        break;
      case "blob": {
        HttpURLConnection c = open(a[1] + "/v2/" + a[2] + "/blobs/" + a[3]);
        int code = c.getResponseCode();
        long n = 0;
        byte[] buf = new byte[65536];
        try (InputStream in = c.getInputStream()) {
          for (int r; (r = in.read(buf)) > 0; ) n += r;
        }
        if (code != 200 || n != Long.parseLong(a[4])) throw new IllegalStateException(code + " " + n);
        out.append(code).append(" bytes=").append(n);
        break;
      }
      default: throw new IllegalArgumentException(mode);
    }
    long done = System.currentTimeMillis();
    System.out.println("OK " + mode + " " + out + " inproc_ms=" + (System.nanoTime() - t0) / 1_000_000 + " done_epoch_ms=" + done);
  }

  static HttpURLConnection open(String url) throws Exception {
    HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
    c.setRequestProperty("User-Agent", "http-measure");
    c.setConnectTimeout(20_000);
    c.setReadTimeout(20_000);
    if (trustAll != null && c instanceof HttpsURLConnection) {
      HttpsURLConnection s = (HttpsURLConnection) c;   // per connection, not global
      s.setSSLSocketFactory(trustAll);
      s.setHostnameVerifier((h, sess) -> true);
    }
    return c;
  }

  static String head(String base, String repo, String ref) throws Exception {
    HttpURLConnection c = open(base + "/v2/" + repo + "/manifests/" + ref);
    c.setRequestMethod("HEAD");
    c.setRequestProperty("Accept", ACCEPT);
    int code = c.getResponseCode();
    String digest = c.getHeaderField("Docker-Content-Digest");
    // drain/close so the socket goes back to the keep-alive cache
    InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream();
    if (in != null) in.close();
    if (code != 200 && !(trustAll != null && code == 401)) throw new IllegalStateException("HTTP " + code);
    return code + (digest == null ? "" : ":" + digest.substring(7, 19));
  }

  static SSLSocketFactory trustAllFactory() throws Exception {
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
    return ctx.getSocketFactory();
  }
}
