package io.github.distrolessmaven.core.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading HEAD without a git binary. */
class GitRevisionTest {

  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
  private static final String OTHER = "89abcdef0123456789abcdef0123456789abcdef";

  @TempDir Path checkout;

  private Path git(String head) throws IOException {
    Path git = Files.createDirectories(checkout.resolve(".git"));
    Files.writeString(git.resolve("HEAD"), head);
    return git;
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void looseRef() throws IOException {
    Path git = git("ref: refs/heads/main\n");
    write(git.resolve("refs/heads/main"), COMMIT + "\n");

    assertEquals(Optional.of(COMMIT), GitRevision.of(checkout));
  }

  @Test
  void packedRef() throws IOException {
    Path git = git("ref: refs/heads/feature/x\n");
    write(git.resolve("packed-refs"),
        "# pack-refs with: peeled fully-peeled sorted \n"
            + OTHER + " refs/heads/feature/x-old\n"
            + COMMIT + " refs/heads/feature/x\n"
            + "^" + OTHER + "\n"
            + OTHER + " refs/tags/v1\n");

    assertEquals(Optional.of(COMMIT), GitRevision.of(checkout));
  }

  @Test
  void looseRefWinsOverPackedRef() throws IOException {
    Path git = git("ref: refs/heads/main\n");
    write(git.resolve("packed-refs"), OTHER + " refs/heads/main\n");
    write(git.resolve("refs/heads/main"), COMMIT + "\n");

    assertEquals(Optional.of(COMMIT), GitRevision.of(checkout));
  }

  @Test
  void detachedHead() throws IOException {
    git(COMMIT + "\n");

    assertEquals(Optional.of(COMMIT), GitRevision.of(checkout));
  }

  @Test
  void sha256Repository() throws IOException {
    String sha256 = COMMIT + "0123456789abcdef01234567";
    git(sha256);

    assertEquals(Optional.of(sha256), GitRevision.of(checkout));
  }

  @Test
  void moduleInASubdirectoryFindsTheCheckoutAbove() throws IOException {
    git(COMMIT);
    Path module = Files.createDirectories(checkout.resolve("modules/app"));

    assertEquals(Optional.of(COMMIT), GitRevision.of(module));
  }

  @Test
  void noGitDirectoryIsEmpty() {
    assertEquals(Optional.empty(), GitRevision.of(checkout));
  }

  @Test
  void garbageHeadIsEmpty() throws IOException {
    git("this is not a commit\n");

    assertEquals(Optional.empty(), GitRevision.of(checkout));
  }

  @Test
  void garbageRefIsEmpty() throws IOException {
    Path git = git("ref: refs/heads/main\n");
    write(git.resolve("refs/heads/main"), "XYZ not hex\n");

    assertEquals(Optional.empty(), GitRevision.of(checkout));
  }

  @Test
  void unbornBranchIsEmpty() throws IOException {
    git("ref: refs/heads/main\n");

    assertEquals(Optional.empty(), GitRevision.of(checkout));
  }

  @Test
  void missingHeadIsEmpty() throws IOException {
    Files.createDirectories(checkout.resolve(".git"));

    assertEquals(Optional.empty(), GitRevision.of(checkout));
  }
}
