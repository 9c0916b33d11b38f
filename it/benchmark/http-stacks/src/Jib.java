import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.http.Request;
import com.google.cloud.tools.jib.http.Response;
import com.google.cloud.tools.jib.http.ResponseException;
import java.io.InputStream;
import java.net.URL;
import java.util.Arrays;
import java.util.List;

/**
 * Stack 3: jib-core 0.28.1 FailoverHttpClient, constructed as jib's RegistryClient users do:
 * new FailoverHttpClient(allowInsecure=true, sendAuthorizationOverHttp=false, logger).
 * Args: head1|head2|blob|tls base repo ref [ref2|size].
 * For tls this is jib's real path: secure HTTPS first (fails on the self-signed certificate),
 * then the trust-all transport.
 */
public class Jib {
  static final List<String> ACCEPT = Arrays.asList(
      "application/vnd.oci.image.index.v1+json",
      "application/vnd.docker.distribution.manifest.list.v2+json",
      "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.docker.distribution.manifest.v2+json");
  static FailoverHttpClient client;
  static boolean tls;

  public static void main(String[] a) throws Exception {
    long t0 = System.nanoTime();
    String mode = a[0];
    tls = mode.equals("tls");
    client = new FailoverHttpClient(true, false,
        e -> { if (System.getenv("JIB_LOG") != null) System.err.println(e.getLevel() + " " + e.getMessage()); });
    StringBuilder out = new StringBuilder();
    switch (mode) {
      case "head1": case "tls": out.append(head(a[1], a[2], a[3])); break;
      case "head2": out.append(head(a[1], a[2], a[3])).append(' ').append(head(a[1], a[2], a[4])); break;
      case "blob": {
        Request r = Request.builder().setUserAgent("http-measure").setHttpTimeout(20_000).build();
        long n = 0;
        int code;
        try (Response resp = client.get(new URL(a[1] + "/v2/" + a[2] + "/blobs/" + a[3]), r);
            InputStream in = resp.getBody()) {
          code = resp.getStatusCode();
          byte[] buf = new byte[65536];
          for (int k; (k = in.read(buf)) > 0; ) n += k;
        }
        if (code != 200 || n != Long.parseLong(a[4])) throw new IllegalStateException(code + " " + n);
        out.append(code).append(" bytes=").append(n);
        break;
      }
      default: throw new IllegalArgumentException(mode);
    }
    client.shutDown();
    long done = System.currentTimeMillis();
    System.out.println("OK " + mode + " " + out + " inproc_ms=" + (System.nanoTime() - t0) / 1_000_000 + " done_epoch_ms=" + done);
  }

  static String head(String base, String repo, String ref) throws Exception {
    Request r = Request.builder().setUserAgent("http-measure").setAccept(ACCEPT)
        .setHttpTimeout(20_000).build();
    try (Response resp = client.call("HEAD", new URL(base + "/v2/" + repo + "/manifests/" + ref), r)) {
      List<String> d = resp.getHeader("Docker-Content-Digest");
      return resp.getStatusCode() + (d.isEmpty() ? "" : ":" + d.get(0).substring(7, 19));
    } catch (ResponseException e) {
      if (tls && e.getStatusCode() == 401) return "401";
      throw e;
    }
  }
}
