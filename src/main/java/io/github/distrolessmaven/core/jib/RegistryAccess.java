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
import io.github.distrolessmaven.core.registry.DirectRegistry;
import io.github.distrolessmaven.core.registry.ManifestHead;
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
public final class RegistryAccess {

  private final CredentialSources sources;
  private final boolean allowInsecure;
  private final Consumer<LogEvent> logger;
  private FailoverHttpClient http;

  /**
   * @param sources where credentials may come from
   * @param allowInsecure whether plain HTTP and unverified TLS are allowed
   * @param logger receives Jib's log events
   */
  public RegistryAccess(
      CredentialSources sources, boolean allowInsecure, Consumer<LogEvent> logger) {
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
    return authenticated(registry, repository, Optional.empty(), false);
  }

  /**
   * A client that may push to registry/repository, its token also granting pull on
   * {@code mountFrom} (a repository on the same registry) so that blobs can be mounted from it.
   */
  public RegistryClient pushClient(String registry, String repository, Optional<String> mountFrom)
      throws IOException, RegistryException, CredentialRetrievalException {
    return authenticated(registry, repository, mountFrom, true);
  }

  /**
   * The credentials for registry/repository as a plain username and password, for clients other
   * than jib-core's; empty when there are none or they cannot be read (jib-core's path then
   * reports why).
   */
  public Optional<RegistryAuth> auth(String registry, String repository) {
    try {
      return credential(ImageReference.of(registry, repository, null))
          .map(c -> new RegistryAuth(c.getUsername(), c.getPassword(), "credentials for " + registry));
    } catch (CredentialRetrievalException e) {
      return Optional.empty();
    }
  }

  /**
   * Asks for manifest digests with one HEAD each, with these credentials.
   *
   * @param plainHttpMemory where registries that answered over plain HTTP are remembered
   */
  ManifestHead manifestHead(Path plainHttpMemory) {
    return new ManifestHead(allowInsecure, this::auth, plainHttpMemory);
  }

  /**
   * Requests on registry/repository through the JDK's plain HTTP client, pushing allowed, with
   * these credentials.
   *
   * @param plainHttpMemory where registries that answered over plain HTTP are remembered
   */
  DirectRegistry direct(String registry, String repository, Path plainHttpMemory) {
    return new DirectRegistry(registry, repository, DirectRegistry.Access.PUSH, allowInsecure,
        this::auth, plainHttpMemory);
  }

  /** The file, in the shared base cache, that remembers plain-HTTP registries. */
  static Path plainHttpMemory(Path baseLayersCache) {
    return baseLayersCache.resolve("plain-http-registries.properties");
  }

  /** Plain GETs on registry/repository with the same credentials. */
  RegistryHttp http(String registry, String repository) throws CredentialRetrievalException {
    return new RegistryHttp(http(), credential(ImageReference.of(registry, repository, null)));
  }

  private RegistryClient authenticated(
      String registry, String repository, Optional<String> mountFrom, boolean push)
      throws IOException, RegistryException, CredentialRetrievalException {
    Optional<Credential> credential = credential(ImageReference.of(registry, repository, null));
    FailoverHttpClient http = http();
    RegistryClient.Factory factory = mountFrom.isPresent()
        ? RegistryClient.factory(EventHandlers.NONE, registry, repository, mountFrom.get(), http)
        : RegistryClient.factory(EventHandlers.NONE, registry, repository, http);
    credential.ifPresent(factory::setCredential);
    RegistryClient client = factory.newRegistryClient();
    boolean bearer = push ? client.doPushBearerAuth() : client.doPullBearerAuth();
    if (!bearer && credential.isPresent()) {
      client.configureBasicAuth();
    }
    return client;
  }

  /**
   * One HTTP client for every request through this access: it remembers which registries it had
   * to fall back to plain HTTP for, so the TLS attempt is made once, not once per client.
   */
  private synchronized FailoverHttpClient http() {
    if (http == null) {
      http = new FailoverHttpClient(allowInsecure, false, logger);
    }
    return http;
  }

  private Optional<Credential> credential(ImageReference reference)
      throws CredentialRetrievalException {
    for (CredentialRetriever retriever : retrievers(reference)) {
      Optional<Credential> credential = retriever.retrieve();
      if (credential.isPresent()) {
        return credential;
      }
    }
    return Optional.empty();
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
