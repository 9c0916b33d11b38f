package io.github.distrolessmaven.core.jlink;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.blobs.Sha256;
import io.github.distrolessmaven.core.files.ScratchTrees;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Links a Java runtime with jlink, or finds the one linked before from the same JDK (its home
 * and release file), modules and options: jlink runs once per such set, and its output is the
 * same folder every time after, so the runtime's layer has one digest.
 */
public final class RuntimeLinker {

  /**
   * Files a running application never reads: what a headless JRE leaves out of java.desktop (it
   * needs X11), and java.base's jrt-fs.jar, which lets another JDK read this runtime's modules.
   */
  static final List<String> EXCLUDED = List.of("**/libawt_xawt.so", "**/libjawt.so",
      "**/libsplashscreen.so", "**/jrt-fs.jar");

  private final Path runtimes;
  private final BuildLog log;

  /** @param runtimes where linked runtimes are kept, one folder each */
  public RuntimeLinker(Path runtimes, BuildLog log) {
    this.runtimes = runtimes;
    this.log = log;
  }

  /**
   * The runtime of {@code modules} linked from {@code jdk}.
   *
   * @param cds whether to add a class data sharing archive of the JDK's classes (for compressed
   *     object pointers, the default heap layout)
   */
  public Path link(Jdk jdk, RuntimeModules modules, boolean cds) throws ImageBuildException {
    // No --compress: the layer is gzip-compressed, and gzip does better on modules stored
    // plain (25 MB against 31 MB for a small app's runtime), which also load without inflating.
    // The X11 libraries of java.desktop go, as from the headless JREs distroless ships: the
    // image has no X11 to load them with.
    List<String> options = new ArrayList<>(List.of("--strip-debug", "--no-header-files",
        "--no-man-pages", "--exclude-files=" + String.join(",", EXCLUDED)));
    if (cds) {
      options.add("--generate-cds-archive");
    }
    return link(jdk, jdk, modules, options, "");
  }

  /**
   * The runtime of {@code modules} for the platform of {@code target}, a JDK of another
   * platform, linked by {@code linker}'s jlink from {@code target}'s packaged modules ({@code
   * jmods/}): a JDK's own jlink runs only on its platform. The two must be of one feature and
   * interim version ({@link Jdk#linksModulesOf}). Such a runtime has no class data sharing
   * archive (jlink writes one by running the runtime), and its debug information is left out
   * with the symbol tables rather than by jlink (whose {@code --strip-debug} runs this machine's
   * objcopy, which reads only this machine's files).
   */
  public Path link(Jdk linker, Jdk target, RuntimeModules modules) throws ImageBuildException {
    Path jmods = target.jmods().orElseThrow(() -> new IllegalArgumentException(target.home()
        + " has no jmods folder"));
    List<String> options = new ArrayList<>(List.of("--module-path", jmods.toString(),
        "--strip-java-debug-attributes", "--no-header-files", "--no-man-pages",
        "--exclude-files=" + String.join(",", EXCLUDED)));
    return link(linker, target, modules, options, "\nfor " + target.home() + "\n"
        + target.release());
  }

  /**
   * The runtime linked by {@code linker}'s jlink with {@code options}, from {@code target}'s
   * modules; {@code identity} adds what else the runtime is remembered by.
   */
  private Path link(Jdk linker, Jdk target, RuntimeModules modules, List<String> options,
      String identity) throws ImageBuildException {
    // jlink writes the JDK's version in the runtime's release file, not its vendor: the SBOM
    // names the runtime by both.
    target.releaseValue("IMPLEMENTOR").filter(vendor -> !vendor.contains(":"))
        .ifPresent(vendor -> options.add("--release-info=add:IMPLEMENTOR=" + vendor));
    Path runtime = runtimes.resolve(Sha256.shortKey(linker.home() + "\n" + linker.release() + "\n"
        + String.join(",", modules.modules()) + "\n" + String.join(" ", options)
        + "\nwithout lib/classlist, native symbols stripped" + identity));
    String of = target == linker ? linker.home().toString()
        : target.home() + ", for " + target.platform().map(Object::toString).orElse("its platform");
    if (Files.isRegularFile(runtime.resolve("release"))) {
      log.debug("Java runtime reused from " + runtime + " (" + modules.modules().size()
          + " modules, " + of + "): jlink not run");
      return runtime;
    }
    log.info("Linking a Java runtime with jlink of " + linker.home() + " (Java " + linker.feature()
        + (options.contains("--generate-cds-archive") ? ", class data sharing" : "")
        + (target == linker ? "" : ", modules of " + of) + ")");
    // Hidden and named .partial: what a killed build leaves, a later build removes.
    Path partial = runtimes.resolve("." + runtime.getFileName() + "."
        + ProcessHandle.current().pid() + ".partial");
    try {
      Files.createDirectories(runtimes);
      ScratchTrees.deleteQuietly(partial);
      List<String> arguments = new ArrayList<>(List.of("--add-modules",
          String.join(",", modules.modules())));
      arguments.addAll(options);
      arguments.add("--output");
      arguments.add(partial.toString());
      JdkTools.Result result = JdkTools.run(linker, "jlink", arguments);
      if (result.exit() != 0) {
        throw new ImageBuildException("jlink of " + linker.home() + " failed (exit "
            + result.exit() + "): " + (result.err() + " " + result.out()).trim()
            + ". Check the module names in " + Setting.JLINK_MODULES.element() + " and "
            + Setting.JLINK_ADD_MODULES.element() + ".");
      }
      // The archive for compressed object pointers serves every heap below 32 GB; the other
      // only larger heaps, which then start without sharing.
      Files.deleteIfExists(partial.resolve("lib/server/classes_nocoops.jsa"));
      // The classes to archive, read only when an archive is written: jlink has done that.
      Files.deleteIfExists(partial.resolve("lib/classlist"));
      // The symbol tables name the JVM's own functions in crash reports and native profilers;
      // nothing loads them, and they are a tenth of the runtime's compressed size.
      long stripped = NativeSymbols.stripAll(partial);
      log.debug("Symbol tables of the runtime's native libraries left out: " + stripped + " bytes");
      commit(partial, runtime);
      return runtime;
    } catch (IOException e) {
      throw new ImageBuildException("Cannot link a Java runtime into " + runtime + ": "
          + e.getMessage(), e);
    } finally {
      ScratchTrees.deleteQuietly(partial);
    }
  }

  /** Renames the finished runtime into place; one linked by a build beside this one wins. */
  private static void commit(Path partial, Path runtime) throws IOException {
    try {
      Files.move(partial, runtime, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      // Linked meanwhile from the same inputs: the same runtime.
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, runtime);
    } catch (IOException e) {
      if (!Files.isRegularFile(runtime.resolve("release"))) {
        throw e;
      }
    }
  }
}
