package io.github.distrolessmaven.core.state;

import io.github.distrolessmaven.core.files.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The small properties files the plugin remembers things in between builds: read leniently (a
 * missing or damaged file is an empty one, and only costs the next build time) and written whole.
 */
public final class PropertiesFiles {

  private PropertiesFiles() {}

  /** What {@code file} holds; empty when it is null, missing, unreadable or malformed. */
  public static Properties readOrEmpty(Path file) {
    Properties properties = new Properties();
    if (file != null && Files.isRegularFile(file)) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException | IllegalArgumentException e) {
        properties.clear();
      }
    }
    return properties;
  }

  /** Writes {@code properties} to {@code file}, atomically, creating its directory. */
  public static void write(Path file, Properties properties, String comment) throws IOException {
    StringWriter text = new StringWriter();
    properties.store(text, comment);
    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicFiles.writeString(file, text.toString());
  }
}
