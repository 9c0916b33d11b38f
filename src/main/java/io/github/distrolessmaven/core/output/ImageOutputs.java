package io.github.distrolessmaven.core.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.jib.BuiltImage;
import java.io.IOException;
import java.nio.file.Path;

/** Writes {@code image.digest}, {@code image.id} and {@code image.json}, each atomically. */
public final class ImageOutputs {

  private ImageOutputs() {}

  /** @throws ImageBuildException naming the file that could not be written */
  public static void write(BuiltImage image, OutputPaths paths) throws ImageBuildException {
    write(paths.digest(), image.digest());
    write(paths.imageId(), image.imageId());
    write(paths.imageJson(), json(image));
  }

  static String json(BuiltImage image) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("image", image.image());
    root.put("digest", image.digest());
    root.put("imageId", image.imageId());
    ArrayNode tags = root.putArray("tags");
    image.tags().forEach(tags::add);
    root.put("base", image.base());
    root.put("size", image.size());
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree of strings always serializes", e);
    }
  }

  private static void write(Path path, String content) throws ImageBuildException {
    try {
      AtomicFiles.writeString(path, content);
    } catch (IOException e) {
      throw new ImageBuildException("Cannot write " + path + ": " + e.getMessage(), e);
    }
  }
}
