package io.github.distrolessmaven.core.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One spelling for a name inside an image, and none for a name that leads out of it. */
class EntryNamesTest {

  @ParameterizedTest
  @CsvSource({
      "blobs/sha256/ab, blobs/sha256/ab",
      "./blobs/sha256/ab, blobs/sha256/ab",
      "/blobs//sha256/ab/, blobs/sha256/ab",
      "a/../b, b",
      "./, ''",
  })
  void entriesAreSpelledOneWay(String name, String expected) {
    assertEquals(Optional.of(expected), EntryNames.entry(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"../etc/passwd", "a/../../b", "/../x", "./../x"})
  void anEntryThatLeadsOutOfTheTreeNamesNothing(String name) {
    assertEquals(Optional.empty(), EntryNames.entry(name));
  }

  @ParameterizedTest
  @CsvSource({
      "usr/local/bin/../../../bin/dash, bin/dash",
      "../../bin/sh, bin/sh",
      "/, ''",
  })
  void aPathInTheImageStaysAtTheRootAsTheKernelResolvesIt(String path, String expected) {
    assertEquals(expected, EntryNames.path(path));
  }
}
