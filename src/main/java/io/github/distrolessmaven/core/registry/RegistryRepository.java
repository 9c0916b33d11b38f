package io.github.distrolessmaven.core.registry;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The requests that pushing an artifact beside an image needs from one repository. */
public interface RegistryRepository {

  /**
   * @param path under {@code /v2/<repository>/}, e.g. {@code manifests/sha256:...}
   * @param accept the media types to accept; empty for any
   * @return the body; empty when the registry answers 404 (no such thing, or no such API)
   */
  Optional<byte[]> get(String path, List<String> accept) throws IOException;

  /** Whether the repository holds the blob with this digest. */
  boolean hasBlob(String digest) throws IOException;

  /** Uploads a blob. */
  void pushBlob(String digest, byte[] blob) throws IOException;

  /** Puts a manifest under a tag or digest. */
  void putManifest(String reference, byte[] manifest, String mediaType) throws IOException;
}
