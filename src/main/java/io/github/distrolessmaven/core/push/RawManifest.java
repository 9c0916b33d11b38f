package io.github.distrolessmaven.core.push;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.google.cloud.tools.jib.hash.Digests;
import com.google.cloud.tools.jib.image.json.ManifestTemplate;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A manifest that jib-core's {@code RegistryClient.pushManifest} sends byte for byte as it was in
 * the archive.
 *
 * <p>Why: jib-core serializes a manifest template with its own Jackson mapper, and its typed
 * templates ({@code OciManifestTemplate}, {@code V22ManifestTemplate}) keep only the fields Jib
 * knows, in Jib's order, with Jackson's escaping. A manifest written by another tool (skopeo,
 * docker, buildah: different key order, whitespace, annotations, Go's {@code \u003c} escapes)
 * would come out as different bytes, so a different digest. This template instead writes the
 * original text as a raw JSON value, and {@link #of} proves before any network call that what
 * Jib will send hashes to the archive's digest.
 */
public final class RawManifest implements ManifestTemplate, JsonSerializable {

  private final String text;
  private final String mediaType;

  private RawManifest(String text, String mediaType) {
    this.text = text;
    this.mediaType = mediaType;
  }

  /**
   * @param bytes the manifest as in the archive, valid UTF-8 (JSON is)
   * @param mediaType sent as the Content-Type
   * @param digest the archive's digest of {@code bytes}
   * @throws IllegalArgumentException when Jib would send other bytes than these
   */
  public static RawManifest of(byte[] bytes, String mediaType, String digest) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the manifest " + digest + " is not valid UTF-8", e);
    }
    RawManifest manifest = new RawManifest(text, mediaType);
    String sent;
    try {
      sent = Digests.computeJsonDigest(manifest).toString();
    } catch (IOException e) {
      throw new IllegalStateException("serializing to memory cannot fail", e);
    }
    if (!sent.equals(digest)) {
      throw new IllegalArgumentException("the manifest " + digest + " would be sent as " + sent);
    }
    return manifest;
  }

  @Override
  public int getSchemaVersion() {
    return 2;
  }

  @Override
  public String getManifestMediaType() {
    return mediaType;
  }

  @Override
  public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
    generator.writeRawValue(text);
  }

  @Override
  public void serializeWithType(
      JsonGenerator generator, SerializerProvider provider, TypeSerializer typeSerializer)
      throws IOException {
    serialize(generator, provider);
  }
}
