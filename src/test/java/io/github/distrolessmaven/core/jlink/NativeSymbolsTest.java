package io.github.distrolessmaven.core.jlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running JDK's own libraries stripped, and read back with binutils' readelf and nm, which
 * know ELF independently of the code under test.
 */
class NativeSymbolsTest {

  private static final Path JVM = Path.of(System.getProperty("java.home"), "lib/server/libjvm.so");

  @TempDir Path folder;

  @Test
  void theJvmLosesItsSymbolTableAndKeepsItsSegmentsAndExports() throws Exception {
    assumeTrue(tool("readelf") && tool("nm"), "binutils (readelf, nm) not installed");
    Path jvm = folder.resolve("libjvm.so");
    Files.copy(JVM, jvm);
    assumeTrue(sections(jvm).contains(" .symtab "), "this JDK's libjvm.so has no symbol table");

    long saved = NativeSymbols.strip(jvm);

    assertTrue(saved > 1_000_000, "saved " + saved);
    assertEquals(Files.size(JVM) - saved, Files.size(jvm));
    String sections = sections(jvm);
    assertFalse(sections.contains(" .symtab "), sections);
    assertTrue(sections.contains(" .dynsym ") && sections.contains(" .dynstr "), sections);
    assertEquals(output("readelf", "-l", "-W", JVM.toString()), output("readelf", "-l", "-W", jvm.toString()),
        "the program headers, which say what is loaded where");
    String exports = output("nm", "-D", "--defined-only", jvm.toString());
    assertEquals(output("nm", "-D", "--defined-only", JVM.toString()), exports);
    assertTrue(exports.contains(" JNI_CreateJavaVM"), exports);
    // The loaded bytes are the same; of the ELF header only where the section headers are.
    byte[] before = Files.readAllBytes(JVM);
    byte[] after = Files.readAllBytes(jvm);
    int loaded = Math.toIntExact(loadedEnd(before));
    assertArrayEquals(Arrays.copyOfRange(before, 64, loaded), Arrays.copyOfRange(after, 64, loaded));
    assertArrayEquals(Arrays.copyOf(before, 0x28), Arrays.copyOf(after, 0x28));
  }

  @Test
  void aSecondStripChangesNothingAndPermissionsStay() throws Exception {
    Path jvm = folder.resolve("libjvm.so");
    Files.copy(JVM, jvm);
    Files.setPosixFilePermissions(jvm, PosixFilePermissions.fromString("r-xr-xr-x"));
    NativeSymbols.strip(jvm);
    byte[] once = Files.readAllBytes(jvm);

    assertEquals(0, NativeSymbols.strip(jvm));

    assertArrayEquals(once, Files.readAllBytes(jvm));
    assertEquals("r-xr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(jvm)));
    try (var left = Files.list(folder)) {
      assertEquals(List.of(jvm), left.toList(), "nothing left beside it");
    }
  }

  @Test
  void filesThatAreNotElfAreNotTouched() throws Exception {
    Path text = Files.writeString(folder.resolve("release"), "JAVA_VERSION=\"17\"\n");
    Path modules = folder.resolve("modules");
    Files.copy(Path.of(System.getProperty("java.home"), "lib/modules"), modules);
    long modified = Files.getLastModifiedTime(modules).toMillis();

    assertEquals(0, NativeSymbols.stripAll(folder));

    assertEquals("JAVA_VERSION=\"17\"\n", Files.readString(text));
    assertEquals(modified, Files.getLastModifiedTime(modules).toMillis());
    assertEquals(Files.size(Path.of(System.getProperty("java.home"), "lib/modules")), Files.size(modules));
  }

  @Test
  void aFileWhoseSymbolTableIsLoadedIsLeftWhole() throws Exception {
    byte[] jvm = Files.readAllBytes(JVM);
    assertTrue(NativeSymbols.stripped(jvm) != null, "the real file is strippable");
    // A segment reaching to the end of the file: its symbol table would be loaded.
    ByteBuffer elf = ByteBuffer.wrap(jvm).order(ByteOrder.LITTLE_ENDIAN);
    int programAt = Math.toIntExact(elf.getLong(0x20));
    elf.putLong(programAt + 32, jvm.length - elf.getLong(programAt + 8));

    assertNull(NativeSymbols.stripped(jvm));
  }

  @Test
  void aCorruptSectionHeaderLeavesTheFileWhole() throws Exception {
    byte[] jvm = Files.readAllBytes(JVM);
    ByteBuffer elf = ByteBuffer.wrap(jvm).order(ByteOrder.LITTLE_ENDIAN);
    long sectionsAt = elf.getLong(0x28);
    int names = Short.toUnsignedInt(elf.getShort(0x3E));
    int header = Math.toIntExact(sectionsAt + names * 64L);
    long alignment = elf.getLong(header + 48);
    elf.putLong(header + 48, 1L << 40);

    assertNull(NativeSymbols.stripped(jvm), "an alignment no section asks for");

    elf.putLong(header + 48, alignment);
    elf.putLong(header + 32, -1);
    assertNull(NativeSymbols.stripped(jvm), "a size past the end");
  }

  @Test
  void aShortOrForeignFileIsLeftWhole() {
    assertNull(NativeSymbols.stripped("\u007fELF".getBytes(StandardCharsets.ISO_8859_1)));
    byte[] garbage = new byte[4096];
    garbage[0] = 0x7f;
    garbage[1] = 'E';
    garbage[2] = 'L';
    garbage[3] = 'F';
    garbage[4] = 2;
    garbage[5] = 1;
    Arrays.fill(garbage, 0x20, 0x40, (byte) 0xff);
    assertNull(NativeSymbols.stripped(garbage));
  }

  /** Where the last loaded segment's file bytes end. */
  private static long loadedEnd(byte[] file) {
    ByteBuffer elf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    long programAt = elf.getLong(0x20);
    int count = Short.toUnsignedInt(elf.getShort(0x38));
    long end = 0;
    for (int i = 0; i < count; i++) {
      int at = Math.toIntExact(programAt + i * 56L);
      end = Math.max(end, elf.getLong(at + 8) + elf.getLong(at + 32));
    }
    return end;
  }

  private static String sections(Path file) throws IOException, InterruptedException {
    return output("readelf", "-S", "-W", file.toString());
  }

  private static boolean tool(String name) {
    try {
      output(name, "--version");
      return true;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static String output(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
    }
    // readelf names the file it reads: only what follows matters.
    return new String(out, StandardCharsets.UTF_8).replace(command[command.length - 1], "FILE");
  }
}
