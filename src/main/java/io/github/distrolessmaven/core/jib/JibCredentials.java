package io.github.distrolessmaven.core.jib;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import com.google.cloud.tools.jib.registry.credentials.DockerConfigCredentialRetriever;
import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.auth.CredentialSources;
import io.github.distrolessmaven.core.auth.DockerConfigFile;
import io.github.distrolessmaven.core.auth.RegistryAuth;
import io.github.distrolessmaven.core.registry.Credentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The credentials for one image, found as a Jib user expects them: the POM's {@code <auth>}, its
 * {@code <credHelper>}, settings.xml, the docker config, well-known helpers. jib-core's
 * retrievers do the finding (credential helpers, docker config entries); the plugin's registry
 * client and jib-core's own build use what they find.
 */
public final class JibCredentials implements Credentials {

  private final CredentialSources sources;
  private final Consumer<LogEvent> logger;

  /**
   * @param sources where credentials may come from
   * @param log receives jib-core's notes on the retrieval
   */
  public JibCredentials(CredentialSources sources, BuildLog log) {
    this.sources = sources;
    this.logger = new JibLogBridge(log);
  }

  @Override
  public Optional<RegistryAuth> forRepository(String registry, String repository)
      throws IOException {
    try {
      for (CredentialRetriever retriever
          : retrievers(ImageReference.of(registry, repository, null))) {
        Optional<Credential> credential = retriever.retrieve();
        if (credential.isPresent()) {
          return Optional.of(new RegistryAuth(credential.get().getUsername(),
              credential.get().getPassword(), "credentials for " + registry));
        }
      }
      return Optional.empty();
    } catch (CredentialRetrievalException e) {
      throw new IOException(JibFailures.explain(e), e);
    }
  }

  /** A jib-core registry image with every credential source attached. */
  RegistryImage image(ImageReference reference) {
    RegistryImage image = RegistryImage.named(reference);
    retrievers(reference).forEach(image::addCredentialRetriever);
    return image;
  }

  private List<CredentialRetriever> retrievers(ImageReference reference) {
    CredentialRetrieverFactory factory = CredentialRetrieverFactory.forImage(reference, logger);
    List<CredentialRetriever> retrievers = new ArrayList<>();
    sources.explicit().ifPresent(auth -> retrievers.add(known(factory, auth)));
    sources.credHelper().ifPresent(helper -> retrievers.add(credHelper(factory, helper)));
    RegistryAuth server = sources.servers().get(reference.getRegistry());
    if (server != null) {
      retrievers.add(known(factory, server));
    }
    sources.dockerConfig().ifPresent(file -> retrievers.add(dockerConfig(reference, file)));
    retrievers.add(factory.wellKnownCredentialHelpers());
    return retrievers;
  }

  /**
   * The POM's {@code <credHelper>}: a path, or a name completed to {@code docker-credential-NAME}
   * and looked up on the PATH; one that is not there fails naming it and the setting, where
   * jib-core would only say "not found".
   */
  private static CredentialRetriever credHelper(CredentialRetrieverFactory factory,
      String helper) {
    Path path = helper.contains("/") ? Path.of(helper) : null;
    String command = path != null ? helper : "docker-credential-" + helper;
    boolean found = path != null ? Files.isExecutable(path)
        : DockerConfigFile.onPath(command, System.getenv("PATH")).isPresent();
    if (!found) {
      return () -> {
        throw new CredentialRetrievalException(new IOException("the credential helper "
            + command + " that " + Setting.CRED_HELPER.element(helper) + " names is not "
            + (path != null ? "an executable file" : "on the PATH") + ". Install it, or fix "
            + Setting.CRED_HELPER.element() + "."));
      };
    }
    return path != null ? factory.dockerCredentialHelper(path)
        : factory.dockerCredentialHelper(command);
  }

  private static CredentialRetriever known(CredentialRetrieverFactory factory, RegistryAuth auth) {
    return factory.known(Credential.from(auth.username(), auth.password()), auth.origin());
  }

  /** Unlike Jib's own, fails on an unreadable file instead of pulling anonymously. */
  private CredentialRetriever dockerConfig(ImageReference reference, Path file) {
    DockerConfigCredentialRetriever retriever =
        DockerConfigCredentialRetriever.create(reference.getRegistry(), file);
    return () -> {
      Optional<String> problem = DockerConfigFile.problemFor(file, reference.getRegistry(),
          System.getenv("PATH"));
      if (problem.isPresent()) {
        throw new CredentialRetrievalException(new IOException(problem.get()));
      }
      try {
        return retriever.retrieve(logger);
      } catch (IOException e) {
        throw new CredentialRetrievalException(
            new IOException("cannot read the docker config " + file + ": " + e.getMessage(), e));
      }
    };
  }
}
