package io.github.distrolessmaven.core.jib;

import com.google.cloud.tools.jib.image.json.ContainerConfigurationTemplate;
import com.google.cloud.tools.jib.image.json.OciManifestTemplate;
import com.google.cloud.tools.jib.json.JsonTemplateMapper;

/**
 * Readies jib-core's JSON mapping of manifests and configs, which costs a few hundred
 * milliseconds once per JVM, otherwise spent waiting in the middle of a build. A failure here
 * only means the build pays that cost itself.
 */
public final class JibWarmUp {

  private JibWarmUp() {}

  /** Readies jib-core's JSON mapping, on the calling thread. */
  public static void run() {
    try {
      JsonTemplateMapper.readJson("{}", ContainerConfigurationTemplate.class);
      JsonTemplateMapper.toUtf8String(new OciManifestTemplate());
    } catch (Exception | LinkageError e) {
      // jib-core readies it itself, as it would without this.
    }
  }
}
