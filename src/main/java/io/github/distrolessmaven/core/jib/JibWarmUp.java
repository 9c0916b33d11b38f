package io.github.distrolessmaven.core.jib;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.image.json.ContainerConfigurationTemplate;
import com.google.cloud.tools.jib.image.json.OciManifestTemplate;
import com.google.cloud.tools.jib.json.JsonTemplateMapper;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * Readies, on a spare thread, what the first requests of a push will need while the build does
 * other work. For jib-core: the JVM's TLS machinery (jib-core opens every registry with HTTPS
 * first, and the first TLS client of a JVM loads the trust store and several hundred classes)
 * and jib-core's JSON mapping of manifests and configs. Each costs a few hundred milliseconds
 * once per JVM, otherwise spent waiting in the middle of the push. Nothing is sent anywhere; a
 * failure here only means the push pays that cost itself.
 */
final class JibWarmUp {

  private JibWarmUp() {}

  /**
   * Starts readying in the background; returns at once.
   *
   * @param jibCore whether jib-core will push: then its JSON mapping and TLS are readied. Else
   *     only the JSON tree model that the plugin's own push ({@link IncrementalPush}) and the
   *     SBOM's attachment read and write, so that the spare core is left to compressing layers.
   */
  static void start(boolean jibCore) {
    Thread thread = new Thread(jibCore ? JibWarmUp::run : JibWarmUp::runTree, "distroless-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void runTree() {
    try {
      ObjectMapper json = new ObjectMapper();
      json.writeValueAsBytes(json.readTree("{\"layers\":[{\"size\":1}]}"));
    } catch (Exception | LinkageError e) {
      // The push readies it itself.
    }
  }

  private static void run() {
    try {
      JsonTemplateMapper.readJson("{}", ContainerConfigurationTemplate.class);
      JsonTemplateMapper.toUtf8String(new OciManifestTemplate());
      // jib-core's HTTPS client uses the JVM's default context: made once, with the trust store.
      // Then the handshake's own classes: a ClientHello written into a buffer, never sent.
      SSLEngine engine = SSLContext.getDefault().createSSLEngine("registry.invalid", 443);
      engine.setUseClientMode(true);
      engine.beginHandshake();
      engine.wrap(ByteBuffer.allocate(0),
          ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
    } catch (Exception | LinkageError e) {
      // jib-core readies these itself, as it would without this.
    }
  }
}
