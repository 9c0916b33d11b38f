package io.github.distrolessmaven.core.jlink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Takes the symbol tables and debug sections out of a linked runtime's native libraries and
 * executables (64-bit ELF), as {@code strip --strip-unneeded} would, without needing binutils:
 * the dynamic loader and the JVM use neither (the symbols a library exports are in its dynamic
 * symbol table, which stays). The JDK keeps them for crash reports and native profilers, which
 * then name the JVM's internal functions; in an image they cost a tenth of the runtime's
 * compressed size.
 *
 * <p>Only sections outside every loaded segment go: the loaded bytes of a file are copied as
 * they are, and the remaining sections after them move up. A file whose layout this cannot
 * prove (a section to drop inside a segment, one linked from a section that stays, extended
 * section numbering) is left whole.
 */
public final class NativeSymbols {

  private static final int SHT_SYMTAB = 2;
  private static final int SHT_STRTAB = 3;
  private static final int SHT_RELA = 4;
  private static final int SHT_NOBITS = 8;
  private static final int SHT_REL = 9;
  private static final long SHF_ALLOC = 0x2;
  private static final long SHF_INFO_LINK = 0x40;
  private static final int SECTION_HEADER_SIZE = 64;
  private static final int PROGRAM_HEADER_SIZE = 56;
  /** More than any section outside a segment asks for; a larger one is taken for corruption. */
  private static final long MAX_ALIGNMENT = 1 << 16;

  private NativeSymbols() {}

  /**
   * Strips every ELF file under {@code runtime}; other files are not touched.
   *
   * @return the bytes saved
   */
  public static long stripAll(Path runtime) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(runtime)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    long saved = 0;
    for (Path file : files) {
      saved += strip(file);
    }
    return saved;
  }

  /**
   * Strips one file in place (through a file beside it, its permissions kept) when it is a
   * 64-bit ELF file with something to strip.
   *
   * @return the bytes saved, 0 when the file is left as it was
   */
  public static long strip(Path file) throws IOException {
    if (!isElf64(file)) {
      return 0;
    }
    byte[] original = Files.readAllBytes(file);
    byte[] stripped = stripped(original);
    if (stripped == null) {
      return 0;
    }
    Path partial = file.resolveSibling(file.getFileName() + ".stripping");
    try {
      Files.write(partial, stripped);
      PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
      if (view != null) {
        Files.setPosixFilePermissions(partial, view.readAttributes().permissions());
      }
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
    return original.length - stripped.length;
  }

  private static boolean isElf64(Path file) throws IOException {
    byte[] ident = new byte[6];
    try (InputStream in = Files.newInputStream(file)) {
      if (in.readNBytes(ident, 0, ident.length) < ident.length) {
        return false;
      }
    }
    return ident[0] == 0x7f && ident[1] == 'E' && ident[2] == 'L' && ident[3] == 'F'
        && ident[4] == 2 && (ident[5] == 1 || ident[5] == 2);
  }

  /** One section header, as read; {@code offset} the one it gets in the stripped file. */
  private static final class Section {
    final int index;
    final int name;
    final int type;
    final long flags;
    final long address;
    long offset;
    final long size;
    int link;
    int info;
    final long alignment;
    final long entrySize;
    final boolean infoIsSection;

    Section(ByteBuffer elf, int index, long at) {
      int position = Math.toIntExact(at);
      this.index = index;
      name = elf.getInt(position);
      type = elf.getInt(position + 4);
      flags = elf.getLong(position + 8);
      address = elf.getLong(position + 16);
      offset = elf.getLong(position + 24);
      size = elf.getLong(position + 32);
      link = elf.getInt(position + 40);
      info = elf.getInt(position + 44);
      alignment = elf.getLong(position + 48);
      entrySize = elf.getLong(position + 56);
      infoIsSection = type == SHT_REL || type == SHT_RELA || (flags & SHF_INFO_LINK) != 0;
    }

    boolean loaded() {
      return (flags & SHF_ALLOC) != 0;
    }

    long fileSize() {
      return type == SHT_NOBITS ? 0 : size;
    }

    void write(ByteBuffer out) {
      out.putInt(name).putInt(type).putLong(flags).putLong(address).putLong(offset)
          .putLong(size).putInt(link).putInt(info).putLong(alignment).putLong(entrySize);
    }
  }

  /** The file without its symbol table and debug sections, or null to leave it whole. */
  static byte[] stripped(byte[] original) {
    if (original.length < 64) {
      return null;
    }
    ByteBuffer elf = ByteBuffer.wrap(original)
        .order(original[5] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    long sectionsAt = elf.getLong(0x28);
    int sectionHeaderSize = Short.toUnsignedInt(elf.getShort(0x3A));
    int sectionCount = Short.toUnsignedInt(elf.getShort(0x3C));
    int namesIndex = Short.toUnsignedInt(elf.getShort(0x3E));
    long programAt = elf.getLong(0x20);
    int programHeaderSize = Short.toUnsignedInt(elf.getShort(0x36));
    int programCount = Short.toUnsignedInt(elf.getShort(0x38));
    if (sectionCount == 0 || namesIndex == 0 || namesIndex >= sectionCount
        || sectionHeaderSize != SECTION_HEADER_SIZE
        || (programCount > 0 && programHeaderSize != PROGRAM_HEADER_SIZE)
        || sectionsAt < 0 || sectionsAt + (long) sectionCount * SECTION_HEADER_SIZE > original.length
        || programAt < 0 || programAt + (long) programCount * PROGRAM_HEADER_SIZE > original.length) {
      return null;
    }
    Section[] sections = new Section[sectionCount];
    for (int i = 0; i < sectionCount; i++) {
      sections[i] = new Section(elf, i, sectionsAt + (long) i * SECTION_HEADER_SIZE);
      if (sections[i].offset < 0 || sections[i].fileSize() < 0
          || sections[i].offset + sections[i].fileSize() > original.length) {
        return null;
      }
    }
    String[] names = names(original, sections[namesIndex], sections);
    boolean[] dropped = new boolean[sectionCount];
    for (Section section : sections) {
      if (section.loaded() || section.index == 0) {
        continue;
      }
      if (section.type == SHT_SYMTAB) {
        dropped[section.index] = true;
        if (section.link > 0 && section.link < sectionCount && section.link != namesIndex
            && sections[section.link].type == SHT_STRTAB && !sections[section.link].loaded()) {
          dropped[section.link] = true;
        }
      } else if (names[section.index].startsWith(".debug_")
          || names[section.index].startsWith(".zdebug_")) {
        dropped[section.index] = true;
      }
    }
    long cut = Arrays.stream(sections).filter(section -> dropped[section.index])
        .mapToLong(section -> section.offset).min().orElse(-1);
    if (cut < 0) {
      return null;
    }
    // Every loaded byte stays where it is: no segment may reach past the cut.
    for (int i = 0; i < programCount; i++) {
      int at = Math.toIntExact(programAt + (long) i * PROGRAM_HEADER_SIZE);
      if (elf.getLong(at + 8) + elf.getLong(at + 32) > cut) {
        return null;
      }
    }
    int[] newIndex = new int[sectionCount];
    List<Section> kept = new ArrayList<>();
    for (Section section : sections) {
      if (!dropped[section.index]) {
        newIndex[section.index] = kept.size();
        kept.add(section);
      }
    }
    for (Section section : kept) {
      if (section.alignment < 0 || section.alignment > MAX_ALIGNMENT) {
        return null;
      }
      boolean straddles = section.offset < cut && section.offset + section.fileSize() > cut;
      boolean linksDropped = section.link > 0 && section.link < sectionCount && dropped[section.link];
      boolean infoDropped = section.infoIsSection && section.info > 0 && section.info < sectionCount
          && dropped[section.info];
      if (straddles || linksDropped || infoDropped || (section.loaded() && section.offset >= cut
          && section.type != SHT_NOBITS)) {
        return null;
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(original.length);
    out.write(original, 0, Math.toIntExact(cut));
    List<Section> moved = kept.stream()
        .filter(section -> section.index != 0 && section.offset >= cut && section.type != SHT_NOBITS)
        .sorted(Comparator.comparingLong((Section section) -> section.offset))
        .toList();
    for (Section section : moved) {
      pad(out, Math.max(1, section.alignment));
      int from = Math.toIntExact(section.offset);
      section.offset = out.size();
      out.write(original, from, Math.toIntExact(section.size));
    }
    pad(out, 8);
    long newSectionsAt = out.size();
    ByteBuffer headers = ByteBuffer.allocate(kept.size() * SECTION_HEADER_SIZE).order(elf.order());
    for (Section section : kept) {
      if (section.link > 0 && section.link < sectionCount) {
        section.link = newIndex[section.link];
      }
      if (section.infoIsSection && section.info > 0 && section.info < sectionCount) {
        section.info = newIndex[section.info];
      }
      section.write(headers);
    }
    out.write(headers.array(), 0, headers.capacity());
    byte[] result = out.toByteArray();
    ByteBuffer header = ByteBuffer.wrap(result).order(elf.order());
    header.putLong(0x28, newSectionsAt);
    header.putShort(0x3C, (short) kept.size());
    header.putShort(0x3E, (short) newIndex[namesIndex]);
    return result;
  }

  private static String[] names(byte[] original, Section table, Section[] sections) {
    String[] names = new String[sections.length];
    for (Section section : sections) {
      long start = table.offset + Integer.toUnsignedLong(section.name);
      int limit = Math.toIntExact(Math.min(original.length, table.offset + table.size));
      if (start >= limit) {
        names[section.index] = "";
        continue;
      }
      int end = (int) start;
      while (end < limit && original[end] != 0) {
        end++;
      }
      names[section.index] =
          new String(Arrays.copyOfRange(original, (int) start, end), StandardCharsets.ISO_8859_1);
    }
    return names;
  }

  private static void pad(ByteArrayOutputStream out, long alignment) {
    while (out.size() % alignment != 0) {
      out.write(0);
    }
  }
}
