package com.google.cloud.tools.jib.http;

import com.google.api.client.http.apache.v2.ApacheHttpTransport;
import com.google.api.client.util.SslUtils;
import java.net.URL;
import java.util.Arrays;
import org.apache.http.conn.ssl.NoopHostnameVerifier;

/**
 * TLS-only variant of stack 3: FailoverHttpClient's package-private constructor with the trust-all
 * transport (a copy of FailoverHttpClient.getInsecureHttpTransport) for both factories, so the
 * first request goes straight to trust-all HTTPS without the failed secure attempt.
 * Not a public API: only to split handshake cost from failover cost. Args: tls base repo ref.
 */
public class JibDirect {
  public static void main(String[] a) throws Exception {
    long t0 = System.nanoTime();
    java.util.function.Supplier<com.google.api.client.http.HttpTransport> insecure = () -> {
      try {
        return new ApacheHttpTransport(ApacheHttpTransport.newDefaultHttpClientBuilder()
            .setSSLSocketFactory(null)
            .setSSLContext(SslUtils.trustAllSSLContext())
            .setSSLHostnameVerifier(new NoopHostnameVerifier()).build());
      } catch (java.security.GeneralSecurityException e) {
        throw new RuntimeException(e);
      }
    };
    FailoverHttpClient client = new FailoverHttpClient(true, false, e -> {}, insecure, insecure, true);
    Request r = Request.builder().setUserAgent("http-measure").setHttpTimeout(20_000)
        .setAccept(Arrays.asList("application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json")).build();
    String out;
    try (Response resp = client.call("HEAD", new URL(a[1] + "/v2/" + a[2] + "/manifests/" + a[3]), r)) {
      out = String.valueOf(resp.getStatusCode());
    } catch (ResponseException e) {
      if (e.getStatusCode() != 401) throw e;
      out = "401";
    }
    client.shutDown();
    long done = System.currentTimeMillis();
    System.out.println("OK tls " + out + " inproc_ms=" + (System.nanoTime() - t0) / 1_000_000 + " done_epoch_ms=" + done);
  }
}
