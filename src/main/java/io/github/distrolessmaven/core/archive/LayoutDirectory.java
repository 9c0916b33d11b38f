package io.github.distrolessmaven.core.archive;

import io.github.distrolessmaven.core.ImageBuildException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files of an OCI image layout directory. */
final class LayoutDirectory implements ImageFiles {

  private final Path directory;

  LayoutDirectory(Path directory) {
    this.directory = directory;
  }

  @Override
  public Path location() {
    return directory;
  }

  @Override
  public boolean contains(String name) {
    return Files.isRegularFile(directory.resolve(name));
  }

  @Override
  public long require(String name, String role) throws ImageBuildException {
    Path file = directory.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new ImageBuildException(
          "The OCI layout " + directory + " is incomplete: " + role + " should be " + file
              + ", which does not exist. Copy the base into the layout again.");
    }
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new ImageBuildException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public InputStream open(String name) throws IOException {
    return Files.newInputStream(directory.resolve(name));
  }

  @Override
  public String where(String name) {
    return directory.resolve(name).toString();
  }

  @Override
  public void close() {
    // Nothing held open: each file is opened and closed by its reader.
  }
}
