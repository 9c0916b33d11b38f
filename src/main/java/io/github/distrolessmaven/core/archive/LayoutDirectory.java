package io.github.distrolessmaven.core.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The files of an OCI image layout directory. */
public final class LayoutDirectory implements ImageFiles {

  private final Path directory;

  public LayoutDirectory(Path directory) {
    this.directory = directory;
  }

  @Override
  public Path location() {
    return directory;
  }

  @Override
  public boolean contains(String name) {
    return file(name).filter(Files::isRegularFile).isPresent();
  }

  @Override
  public long require(String name, String role) throws ArchiveException {
    Optional<Path> file = file(name).filter(Files::isRegularFile);
    if (file.isEmpty()) {
      throw ArchiveException.damaged("The OCI layout " + directory + " is incomplete: " + role
          + " should be " + directory.resolve(name) + ", which does not exist. Copy the base"
          + " into the layout again.");
    }
    try {
      return Files.size(file.get());
    } catch (IOException e) {
      throw ArchiveException.unreadable(
          "Cannot read " + file.get() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public InputStream open(String name) throws IOException {
    return Files.newInputStream(file(name).orElseThrow(() ->
        new IOException(name + " leads out of " + directory)));
  }

  @Override
  public String where(String name) {
    return directory.resolve(name).toString();
  }

  @Override
  public void close() {
    // Nothing held open: each file is opened and closed by its reader.
  }

  /** The file a name means; none for a name that leads out of the directory. */
  private Optional<Path> file(String name) {
    return EntryNames.entry(name).map(directory::resolve);
  }
}
