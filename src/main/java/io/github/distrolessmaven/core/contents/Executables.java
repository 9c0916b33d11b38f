package io.github.distrolessmaven.core.contents;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an image can run: the absolute paths of its executable regular files (any execute bit
 * set), and its symbolic links with their targets as written, so that a path is followed
 * through links in every component as the kernel follows it when it starts the entrypoint.
 *
 * @param files the real paths of the executable regular files, e.g. {@code
 *     /usr/lib/jvm/java-21-openjdk-amd64/bin/java}
 * @param links every symbolic link's path (its parents real) to its target, e.g. {@code
 *     /usr/bin/java -> /etc/alternatives/java}, {@code /bin -> usr/bin}
 */
public record Executables(Set<String> files, Map<String, String> links) {

  /** What Linux allows before ELOOP. */
  private static final int MAX_SYMLINK_HOPS = 40;

  /** An image that holds nothing to run. */
  public static final Executables NONE = new Executables(Set.of(), Map.of());

  /** Sorted, immutable copies. */
  public Executables {
    files = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(files));
    links = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(links));
  }

  /**
   * This image with files and links put over it (an application's layers): each replaces what
   * was at its path.
   *
   * @param added absolute paths to whether the file put there is executable
   * @param addedLinks absolute paths of links put there, to their targets as written
   */
  public Executables with(Map<String, Boolean> added, Map<String, String> addedLinks) {
    Set<String> newFiles = new TreeSet<>(files);
    Map<String, String> newLinks = new TreeMap<>(links);
    addedLinks.forEach((path, target) -> {
      String real = real(parentOf(path)).map(parent -> parent + "/" + nameOf(path)).orElse(path);
      newFiles.remove(real);
      newLinks.put(real, target);
    });
    added.forEach((path, executable) -> {
      String real = real(parentOf(path)).map(parent -> parent + "/" + nameOf(path)).orElse(path);
      newLinks.remove(real);
      if (executable) {
        newFiles.add(real);
      } else {
        newFiles.remove(real);
      }
    });
    return new Executables(newFiles, newLinks);
  }

  /**
   * Where {@code path} leads, links followed, if it leads to an executable regular file.
   *
   * @param path absolute
   */
  public Optional<String> resolve(String path) {
    return real(path).filter(files::contains);
  }

  /**
   * A bare command name as a shell without one would find it: in each directory of {@code
   * searchPath} in order; the first path that resolves.
   */
  public Optional<String> find(String name, List<String> searchPath) {
    for (String directory : searchPath) {
      String candidate = (directory.endsWith("/") ? directory : directory + "/") + name;
      if (candidate.startsWith("/") && resolve(candidate).isPresent()) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The executable files named {@code name}, by real path: what a user may have meant. */
  public List<String> named(String name) {
    List<String> named = new ArrayList<>();
    for (String file : files) {
      if (nameOf(file).equals(name)) {
        named.add(file);
      }
    }
    return named;
  }

  /** The path with every link followed; empty when the links loop. */
  private Optional<String> real(String path) {
    Deque<String> pending = new ArrayDeque<>(List.of(path.split("/")));
    List<String> names = new ArrayList<>();
    int hops = 0;
    while (!pending.isEmpty()) {
      String name = pending.pollFirst();
      if (name.isEmpty() || name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        if (!names.isEmpty()) {
          names.remove(names.size() - 1);
        }
        continue;
      }
      names.add(name);
      String target = links.get("/" + String.join("/", names));
      if (target != null) {
        if (++hops > MAX_SYMLINK_HOPS) {
          return Optional.empty();
        }
        names.remove(names.size() - 1);
        if (target.startsWith("/")) {
          names.clear();
        }
        List<String> parts = List.of(target.split("/"));
        for (int i = parts.size() - 1; i >= 0; i--) {
          pending.addFirst(parts.get(i));
        }
      }
    }
    return Optional.of("/" + String.join("/", names));
  }

  private static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  private static String nameOf(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
