package io.github.distrolessmaven.core.mainclass;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;

/**
 * The few facts about a compiled class that main-class detection needs, read straight from the
 * class-file bytes (JVM specification, chapter 4).
 *
 * <p>The parser walks only the constant pool, fields and methods, whose layout has not changed
 * since Java 1.0, and never checks the major version: a project compiled by a newer JDK than the
 * one running Maven must still be detected.
 */
public final class ClassFileReader {

  private static final int MAGIC = 0xCAFEBABE;

  private static final int ACC_PUBLIC = 0x0001;
  private static final int ACC_PRIVATE = 0x0002;
  private static final int ACC_STATIC = 0x0008;
  private static final int ACC_INTERFACE = 0x0200;

  private static final String MAIN = "main";
  private static final String STRING_ARRAY_TO_VOID = "([Ljava/lang/String;)V";
  private static final String NO_ARGS_TO_VOID = "()V";

  private static final int CONSTANT_UTF8 = 1;
  private static final int CONSTANT_CLASS = 7;

  private final String binaryName;
  private final int majorVersion;
  private final int accessFlags;
  private final boolean launchableMain;
  private final boolean instanceMainCandidate;

  private ClassFileReader(String binaryName, int majorVersion, int accessFlags,
      boolean launchableMain, boolean instanceMainCandidate) {
    this.binaryName = binaryName;
    this.majorVersion = majorVersion;
    this.accessFlags = accessFlags;
    this.launchableMain = launchableMain;
    this.instanceMainCandidate = instanceMainCandidate;
  }

  /**
   * Parses a class file.
   *
   * @param bytes the whole content of a {@code .class} file
   * @return what was learnt from it
   * @throws InvalidClassFileException if the bytes are truncated or not a well-formed class file
   */
  public static ClassFileReader read(byte[] bytes) throws InvalidClassFileException {
    try {
      return new Parser(bytes).parse();
    } catch (EOFException e) {
      throw new InvalidClassFileException("truncated class file (" + bytes.length + " bytes)");
    } catch (UTFDataFormatException e) {
      throw new InvalidClassFileException("malformed modified UTF-8 in the constant pool");
    } catch (InvalidClassFileException e) {
      throw e;
    } catch (IOException e) {
      // A ByteArrayInputStream does not fail otherwise; kept so no IOException escapes unlabelled.
      throw new InvalidClassFileException("unreadable class file: " + e.getMessage());
    }
  }

  /** The binary name from {@code this_class}, e.g. {@code com.example.App$Inner}. */
  public String binaryName() {
    return binaryName;
  }

  /** The class file's major version: 61 for Java 17, 69 for Java 25 (feature + 44). */
  public int majorVersion() {
    return majorVersion;
  }

  /** The class's {@code access_flags} (JVMS table 4.1-B), e.g. {@code 0x0200} for interfaces. */
  public int accessFlags() {
    return accessFlags;
  }

  /** Whether the class is an interface (or annotation interface). */
  public boolean isInterface() {
    return (accessFlags & ACC_INTERFACE) != 0;
  }

  /**
   * Whether the class declares {@code public static void main(String[])}, the entry point every
   * Java release can launch.
   */
  public boolean hasLaunchableMain() {
    return launchableMain;
  }

  /**
   * Whether the class declares a non-private {@code main(String[])} or {@code main()} returning
   * void, static or not: the methods a Java 25 launcher (JEP 512) may pick. A classic main counts
   * too. Inherited methods and the constructor rule of JEP 512 are not checked.
   */
  public boolean hasInstanceMainCandidate() {
    return instanceMainCandidate;
  }

  /** Thrown when bytes are not a readable class file; the message names the problem. */
  public static final class InvalidClassFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the bytes, without the file path */
    public InvalidClassFileException(String message) {
      super(message);
    }
  }

  /** One pass over the bytes; holds the constant-pool state the later sections refer to. */
  private static final class Parser {

    private final DataInputStream in;
    private String[] utf8;
    private int[] classNameIndex;

    Parser(byte[] bytes) {
      this.in = new DataInputStream(new ByteArrayInputStream(bytes));
    }

    ClassFileReader parse() throws IOException {
      int magic = in.readInt();
      if (magic != MAGIC) {
        throw new InvalidClassFileException(
            String.format("bad magic number 0x%08X (expected 0xCAFEBABE)", magic));
      }
      in.readUnsignedShort(); // minor_version
      int major = in.readUnsignedShort(); // read, deliberately not checked
      readConstantPool();

      int accessFlags = in.readUnsignedShort();
      String name = className(in.readUnsignedShort()).replace('/', '.');
      in.readUnsignedShort(); // super_class
      skip(2L * in.readUnsignedShort()); // interfaces

      int fieldCount = in.readUnsignedShort();
      for (int i = 0; i < fieldCount; i++) {
        skip(6); // access_flags, name_index, descriptor_index
        skipAttributes();
      }

      boolean launchable = false;
      boolean instanceCandidate = false;
      int methodCount = in.readUnsignedShort();
      for (int i = 0; i < methodCount; i++) {
        int flags = in.readUnsignedShort();
        String methodName = utf8(in.readUnsignedShort());
        String descriptor = utf8(in.readUnsignedShort());
        skipAttributes();
        if (!MAIN.equals(methodName)) {
          continue;
        }
        boolean takesArgs = STRING_ARRAY_TO_VOID.equals(descriptor);
        if (takesArgs && (flags & (ACC_PUBLIC | ACC_STATIC)) == (ACC_PUBLIC | ACC_STATIC)) {
          launchable = true;
        }
        if ((takesArgs || NO_ARGS_TO_VOID.equals(descriptor)) && (flags & ACC_PRIVATE) == 0) {
          instanceCandidate = true;
        }
      }

      // Read to the end so that a file cut short anywhere is reported, not half-trusted.
      skipAttributes();
      return new ClassFileReader(name, major, accessFlags, launchable, instanceCandidate);
    }

    private void readConstantPool() throws IOException {
      int count = in.readUnsignedShort();
      utf8 = new String[count];
      classNameIndex = new int[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case CONSTANT_UTF8 -> utf8[i] = in.readUTF(); // same u2-length + modified UTF-8 layout
          case CONSTANT_CLASS -> classNameIndex[i] = in.readUnsignedShort();
          case 3, 4 -> skip(4); // Integer, Float
          case 5, 6 -> { // Long, Double take two slots (JVMS 4.4.5)
            skip(8);
            i++;
          }
          case 8, 16, 19, 20 -> skip(2); // String, MethodType, Module, Package
          case 9, 10, 11, 12, 17, 18 -> skip(4); // refs, NameAndType, Dynamic, InvokeDynamic
          case 15 -> skip(3); // MethodHandle
          default -> throw new InvalidClassFileException(
              "unknown constant-pool tag " + tag + " at entry " + i);
        }
      }
    }

    private String utf8(int index) throws InvalidClassFileException {
      if (index <= 0 || index >= utf8.length || utf8[index] == null) {
        throw new InvalidClassFileException(
            "constant-pool index " + index + " is not a Utf8 entry");
      }
      return utf8[index];
    }

    private String className(int index) throws InvalidClassFileException {
      if (index <= 0 || index >= classNameIndex.length || classNameIndex[index] == 0) {
        throw new InvalidClassFileException(
            "this_class index " + index + " is not a Class entry");
      }
      return utf8(classNameIndex[index]);
    }

    private void skipAttributes() throws IOException {
      int count = in.readUnsignedShort();
      for (int i = 0; i < count; i++) {
        in.readUnsignedShort(); // attribute_name_index
        skip(Integer.toUnsignedLong(in.readInt()));
      }
    }

    private void skip(long length) throws IOException {
      // available() is exact for a ByteArrayInputStream, and guards against a u4 length past the end.
      if (length > in.available()) {
        throw new EOFException();
      }
      in.skipBytes((int) length);
    }
  }
}
