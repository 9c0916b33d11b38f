package io.github.distrolessmaven.core.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes that a reader never sees half of. */
class AtomicFilesTest {

  @TempDir Path dir;

  private List<String> listing(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void writeStringCreatesTheFileAndItsDirectory() throws IOException {
    Path target = dir.resolve("target/distroless/image.digest");

    AtomicFiles.writeString(target, "sha256:abc");

    assertEquals("sha256:abc", Files.readString(target));
  }

  @Test
  void writeStringReplacesContent() throws IOException {
    Path target = dir.resolve("image.id");
    Files.writeString(target, "an older and much longer content");

    AtomicFiles.writeString(target, "new");

    assertEquals("new", Files.readString(target));
  }

  @Test
  void writeStringLeavesNoPartialFileBehind() throws IOException {
    Path target = dir.resolve("image.json");

    AtomicFiles.writeString(target, "{}");
    AtomicFiles.writeString(target, "{\"a\":1}");

    assertEquals(List.of("image.json"), listing(dir));
  }

  @Test
  void writeStringIsUtf8() throws IOException {
    Path target = dir.resolve("label.txt");

    AtomicFiles.writeString(target, "café");

    assertEquals(5, Files.size(target));
  }

  @Test
  void temporarySiblingIsAFreshHiddenFileInTheSameDirectory() throws IOException {
    Path target = dir.resolve("out/image.tar");

    Path first = AtomicFiles.temporarySibling(target);
    Path second = AtomicFiles.temporarySibling(target);

    assertEquals(target.toAbsolutePath().getParent(), first.getParent());
    assertNotEquals(first, second);
    assertTrue(Files.exists(first));
    String name = first.getFileName().toString();
    assertTrue(name.startsWith(".image.tar.") && name.endsWith(".partial"), name);
  }

  @Test
  void commitMovesTheTemporaryOverTheTarget() throws IOException {
    Path target = dir.resolve("image.tar");
    Files.writeString(target, "old");
    Path temporary = AtomicFiles.temporarySibling(target);
    Files.writeString(temporary, "new archive");

    AtomicFiles.commit(temporary, target);

    assertEquals("new archive", Files.readString(target));
    assertEquals(List.of("image.tar"), listing(dir));
  }
}
