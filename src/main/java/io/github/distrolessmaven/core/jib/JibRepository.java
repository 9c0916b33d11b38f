package io.github.distrolessmaven.core.jib;

import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.blob.Blobs;
import com.google.cloud.tools.jib.registry.RegistryClient;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.push.RawManifest;
import io.github.distrolessmaven.core.registry.RegistryRepository;
import java.io.IOException;
import java.security.DigestException;
import java.util.List;
import java.util.Optional;

/**
 * One repository through jib-core's client, which handles every registry jib-core supports. What
 * jib-core throws comes out as a {@link Failure}, whose cause {@link JibFailures} can explain.
 */
final class JibRepository implements RegistryRepository {

  /** A failure of jib-core's client, carried as an {@link IOException}. */
  static final class Failure extends IOException {
    private static final long serialVersionUID = 1L;

    Failure(Exception cause) {
      super(cause.getMessage(), cause);
    }
  }

  private final RegistryAccess access;
  private final String registry;
  private final String repository;
  private RegistryClient client;

  JibRepository(RegistryAccess access, String registry, String repository) {
    this.access = access;
    this.registry = registry;
    this.repository = repository;
  }

  /** What jib-core threw, if {@code failure} carries it; else {@code failure}. */
  static Throwable cause(IOException failure) {
    return failure instanceof Failure ? failure.getCause() : failure;
  }

  @Override
  public Optional<byte[]> get(String path, List<String> accept) throws IOException {
    try {
      return access.http(registry, repository).get(registry, repository, path, accept);
    } catch (CredentialRetrievalException e) {
      throw new Failure(e);
    }
  }

  @Override
  public boolean hasBlob(String digest) throws IOException {
    try {
      return client().checkBlob(DescriptorDigest.fromDigest(digest)).isPresent();
    } catch (RegistryException | DigestException e) {
      throw new Failure(e);
    }
  }

  @Override
  public void pushBlob(String digest, byte[] blob) throws IOException {
    try {
      client().pushBlob(DescriptorDigest.fromDigest(digest),
          Blobs.from(out -> out.write(blob), true), null, written -> {});
    } catch (RegistryException | DigestException e) {
      throw new Failure(e);
    }
  }

  @Override
  public void putManifest(String reference, byte[] manifest, String mediaType) throws IOException {
    try {
      client().pushManifest(RawManifest.of(manifest, mediaType, Sha256.of(manifest)), reference);
    } catch (RegistryException e) {
      throw new Failure(e);
    }
  }

  private RegistryClient client() throws IOException {
    if (client == null) {
      try {
        client = access.pushClient(registry, repository, Optional.empty());
      } catch (RegistryException | CredentialRetrievalException e) {
        throw new Failure(e);
      }
    }
    return client;
  }
}
