package io.github.distrolessmaven.core.jib;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.event.EventHandlers;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.registry.RegistryClient;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import com.google.cloud.tools.jib.registry.credentials.DockerConfigCredentialRetriever;
import io.github.distrolessmaven.core.auth.CredentialSources;
import io.github.distrolessmaven.core.auth.RegistryAuth;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Credentials and registry clients for one image, in the order a Jib user expects: the POM's
 * {@code <auth>}, its {@code <credHelper>}, settings.xml, the docker config, well-known helpers.
 */
final class RegistryAccess {

  private final CredentialSources sources;
  private final boolean allowInsecure;
  private final Consumer<LogEvent> logger;

  RegistryAccess(CredentialSources sources, boolean allowInsecure, Consumer<LogEvent> logger) {
    this.sources = sources;
    this.allowInsecure = allowInsecure;
    this.logger = logger;
  }

  /** A Jib registry image with every credential source attached. */
  RegistryImage image(ImageReference reference) {
    RegistryImage image = RegistryImage.named(reference);
    retrievers(reference).forEach(image::addCredentialRetriever);
    return image;
  }

  /** A client for direct manifest requests, authenticated like Jib would. */
  RegistryClient client(String registry, String repository)
      throws IOException, RegistryException, CredentialRetrievalException {
    ImageReference reference = ImageReference.of(registry, repository, null);
    Optional<Credential> credential = Optional.empty();
    for (CredentialRetriever retriever : retrievers(reference)) {
      credential = retriever.retrieve();
      if (credential.isPresent()) {
        break;
      }
    }
    RegistryClient.Factory factory = RegistryClient.factory(
        EventHandlers.NONE, registry, repository,
        new FailoverHttpClient(allowInsecure, false, logger));
    credential.ifPresent(factory::setCredential);
    RegistryClient client = factory.newRegistryClient();
    if (!client.doPullBearerAuth() && credential.isPresent()) {
      client.configureBasicAuth();
    }
    return client;
  }

  private List<CredentialRetriever> retrievers(ImageReference reference) {
    CredentialRetrieverFactory factory = CredentialRetrieverFactory.forImage(reference, logger);
    List<CredentialRetriever> retrievers = new ArrayList<>();
    sources.explicit().ifPresent(auth -> retrievers.add(known(factory, auth)));
    sources.credHelper().ifPresent(helper -> retrievers.add(helper.contains("/")
        ? factory.dockerCredentialHelper(Path.of(helper))
        : factory.dockerCredentialHelper("docker-credential-" + helper)));
    RegistryAuth server = sources.servers().get(reference.getRegistry());
    if (server != null) {
      retrievers.add(known(factory, server));
    }
    sources.dockerConfig().ifPresent(file -> retrievers.add(dockerConfig(reference, file)));
    retrievers.add(factory.wellKnownCredentialHelpers());
    return retrievers;
  }

  private static CredentialRetriever known(CredentialRetrieverFactory factory, RegistryAuth auth) {
    return factory.known(Credential.from(auth.username(), auth.password()), auth.origin());
  }

  /** Unlike Jib's own, fails on an unreadable file instead of pulling anonymously. */
  private CredentialRetriever dockerConfig(ImageReference reference, Path file) {
    DockerConfigCredentialRetriever retriever =
        DockerConfigCredentialRetriever.create(reference.getRegistry(), file);
    return () -> {
      try {
        return retriever.retrieve(logger);
      } catch (IOException e) {
        throw new CredentialRetrievalException(
            new IOException("cannot read the docker config " + file + ": " + e.getMessage(), e));
      }
    };
  }
}
