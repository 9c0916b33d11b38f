package io.github.distrolessmaven.core.contents;

import io.github.distrolessmaven.core.archive.EntryNames;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The merged filesystem of an image's layers, applied bottom to top as the OCI image specification
 * defines: names and types only, plus the content of the few files the scanner chose to keep, so a
 * 100 MB base costs a few megabytes.
 *
 * <p>Paths here are relative to the root, without a leading slash ({@code usr/bin/sh}). Each node
 * remembers the layer that put it there, because a whiteout hides only what lower layers hold: the
 * same layer may whiteout a directory and add to it, in either order.
 */
final class FileTree {

  /** What Linux allows before ELOOP. */
  static final int MAX_SYMLINK_HOPS = 40;

  private enum Kind {
    DIRECTORY,
    FILE,
    SYMLINK,
    /** Devices, FIFOs: present, but never a shell or a record to read. */
    OTHER
  }

  private static final class Node {
    final Kind kind;
    final String target;
    final byte[] content;
    final Map<String, Node> children;
    /** For a regular file: whether any of its execute bits is set. */
    boolean executable;
    int layer;

    Node(Kind kind, int layer, String target, byte[] content) {
      this.kind = kind;
      this.layer = layer;
      this.target = target;
      this.content = content;
      this.children = kind == Kind.DIRECTORY ? new HashMap<>() : null;
    }
  }

  private final Node root = new Node(Kind.DIRECTORY, 0, null, null);
  private int layer;

  /** Entries added from now on belong to the next layer up. */
  void beginLayer() {
    layer++;
  }

  /**
   * Makes the directory an entry goes into, and returns the entry's path with symbolic links in its
   * parents resolved. Parents are followed as containerd's applier follows them: a layer adding
   * {@code bin/foo} over a usr-merged base writes {@code usr/bin/foo} and keeps the {@code bin ->
   * usr/bin} link. A missing parent is created; a file in the way is replaced.
   *
   * @param path a normalized, non-empty path
   * @throws IOException when the parents' links loop
   */
  String place(String path) throws IOException {
    int slash = path.lastIndexOf('/');
    if (slash < 0) {
      return path;
    }
    Walk parent = walk(path.substring(0, slash), true);
    if (parent == null) {
      throw new IOException(
          "The directory of " + path + " cannot be reached: its symbolic links loop");
    }
    return parent.path().isEmpty()
        ? path.substring(slash + 1)
        : parent.path() + "/" + path.substring(slash + 1);
  }

  /** Adds or updates a directory at a path {@link #place} returned; its contents stay. */
  void putDirectory(String path) {
    Node parent = parentOf(path);
    String name = baseName(path);
    Node existing = parent.children.get(name);
    if (existing != null && existing.kind == Kind.DIRECTORY) {
      existing.layer = layer;
    } else {
      parent.children.put(name, new Node(Kind.DIRECTORY, layer, null, null));
    }
  }

  /**
   * Adds a regular file at a path {@link #place} returned, replacing whatever was there.
   *
   * @param content the bytes to keep, or null to keep none
   * @param executable whether any of its execute bits is set
   */
  void putFile(String path, byte[] content, boolean executable) {
    Node file = new Node(Kind.FILE, layer, null, content);
    file.executable = executable;
    put(path, file);
  }

  /** Adds a symbolic link at a path {@link #place} returned, replacing whatever was there. */
  void putSymlink(String path, String target) {
    put(path, new Node(Kind.SYMLINK, layer, target, null));
  }

  /** Adds a device, FIFO or other special file. */
  void putOther(String path) {
    put(path, new Node(Kind.OTHER, layer, null, null));
  }

  /**
   * Adds a hard link to the file at {@code target}, a path in the tree (as a tar names it).
   *
   * @param keepContent whether to keep the target's content, if it was kept, under this path too
   */
  void putHardLink(String path, String target, boolean keepContent) {
    Node linked = locate(target);
    // A link to nothing cannot be extracted either: the runtime refuses such a layer, so the path
    // holds no file there and holds none here.
    if (linked == null || linked.kind == Kind.DIRECTORY) {
      return;
    }
    Node link = new Node(linked.kind, layer, linked.target, keepContent ? linked.content : null);
    link.executable = linked.executable;
    put(path, link);
  }

  /**
   * Applies the whiteout {@code .wh.NAME}: hides {@code path} and everything under it that lower
   * layers put there. What the current layer itself put there stays.
   */
  void whiteout(String path) {
    int slash = path.lastIndexOf('/');
    Node parent = slash < 0 ? root : locateDirectory(path.substring(0, slash));
    if (parent == null) {
      return;
    }
    String name = path.substring(slash + 1);
    Node node = parent.children.get(name);
    if (node != null && !hideLower(node)) {
      parent.children.remove(name);
    }
  }

  /** Applies {@code .wh..wh..opq}: hides what lower layers put in the directory {@code path}. */
  void opaque(String path) {
    Node directory = path.isEmpty() ? root : locateDirectory(path);
    if (directory != null) {
      directory.children.values().removeIf(child -> !hideLower(child));
    }
  }

  /**
   * Whether {@code path}, following symbolic links in every component, leads to a regular file (or
   * a hard link to one). A dangling or looping link leads nowhere.
   */
  boolean isRegularFile(String path) {
    Walk walk = walk(path, false);
    return walk != null && walk.node().kind == Kind.FILE;
  }

  /** The executable regular files and the symbolic links, by absolute path. */
  Executables executables() {
    Set<String> files = new TreeSet<>();
    Map<String, String> links = new TreeMap<>();
    visit("", root, files, links);
    return new Executables(files, links);
  }

  private void visit(String prefix, Node directory, Set<String> files, Map<String, String> links) {
    for (Map.Entry<String, Node> child : directory.children.entrySet()) {
      String path = prefix + "/" + child.getKey();
      Node node = child.getValue();
      if (node.kind == Kind.DIRECTORY) {
        visit(path, node, files, links);
      } else if (node.kind == Kind.SYMLINK) {
        links.put(path, node.target);
      } else if (node.kind == Kind.FILE && node.executable) {
        files.add(path);
      }
    }
  }

  /** Calls {@code action} with each regular file whose content was kept, in path order. */
  void forEachKept(BiConsumer<String, byte[]> action) {
    visitKept("", root, action);
  }

  private void visitKept(String prefix, Node directory, BiConsumer<String, byte[]> action) {
    for (Map.Entry<String, Node> child : new TreeMap<>(directory.children).entrySet()) {
      String path = prefix + child.getKey();
      Node node = child.getValue();
      if (node.kind == Kind.DIRECTORY) {
        visitKept(path + "/", node, action);
      } else if (node.kind == Kind.FILE && node.content != null) {
        action.accept(path, node.content);
      }
    }
  }

  /**
   * Removes from {@code node}'s subtree what lower layers put there.
   *
   * @return whether anything of {@code node} remains: it was put there by the current layer, or it
   *     is a directory still holding something the current layer put there
   */
  private boolean hideLower(Node node) {
    if (node.kind == Kind.DIRECTORY) {
      node.children.values().removeIf(child -> !hideLower(child));
      return node.layer == layer || !node.children.isEmpty();
    }
    return node.layer == layer;
  }

  private void put(String path, Node node) {
    parentOf(path).children.put(baseName(path), node);
  }

  /** The directory holding a path {@link #place} returned, which therefore exists. */
  private Node parentOf(String path) {
    int slash = path.lastIndexOf('/');
    if (slash < 0) {
      return root;
    }
    Node node = root;
    for (String name : path.substring(0, slash).split("/")) {
      node = node.children.get(name);
    }
    return node;
  }

  /** The node at {@code path}, its parents' links followed but not the path's own. */
  private Node locate(String path) {
    String normalized = EntryNames.path(path);
    if (normalized.isEmpty()) {
      return root;
    }
    int slash = normalized.lastIndexOf('/');
    Node parent = slash < 0 ? root : locateDirectory(normalized.substring(0, slash));
    return parent == null ? null : parent.children.get(normalized.substring(slash + 1));
  }

  private Node locateDirectory(String path) {
    Walk walk = walk(path, false);
    return walk != null && walk.node().kind == Kind.DIRECTORY ? walk.node() : null;
  }

  /** Where a walk ended: the node and its real path, links resolved. */
  private record Walk(Node node, String path) {}

  /**
   * Follows {@code path} from the root through symbolic links in every component, absolute targets
   * from the image's root and relative ones from the link's directory.
   *
   * @param create whether to make missing directories, and to replace non-directories in the way,
   *     as an extractor does
   * @return where it ended, or null when a component is missing (and not created) or links loop
   */
  private Walk walk(String path, boolean create) {
    Deque<String> pending = new ArrayDeque<>(List.of(path.split("/")));
    List<Node> nodes = new ArrayList<>(List.of(root));
    List<String> names = new ArrayList<>();
    int hops = 0;
    while (!pending.isEmpty()) {
      String name = pending.pollFirst();
      if (name.isEmpty() || name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        if (!names.isEmpty()) {
          nodes.remove(nodes.size() - 1);
          names.remove(names.size() - 1);
        }
        continue;
      }
      Node directory = nodes.get(nodes.size() - 1);
      if (directory.kind != Kind.DIRECTORY) {
        return null;
      }
      Node child = directory.children.get(name);
      if (child != null && child.kind == Kind.SYMLINK) {
        if (++hops > MAX_SYMLINK_HOPS) {
          return null;
        }
        if (child.target.startsWith("/")) {
          nodes.subList(1, nodes.size()).clear();
          names.clear();
        }
        List<String> target = List.of(child.target.split("/"));
        for (int i = target.size() - 1; i >= 0; i--) {
          pending.addFirst(target.get(i));
        }
        continue;
      }
      if (create && (child == null || child.kind != Kind.DIRECTORY)) {
        child = new Node(Kind.DIRECTORY, layer, null, null);
        directory.children.put(name, child);
      }
      if (child == null) {
        return null;
      }
      nodes.add(child);
      names.add(name);
    }
    return new Walk(nodes.get(nodes.size() - 1), String.join("/", names));
  }

  private static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
