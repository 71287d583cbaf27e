package dev.ficus.scaffold;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The one place a generated project touches the disk. It writes everything into a new folder
 * beside the output folder and moves it into place only when every file is written, so a failure
 * leaves no half-written project; it never writes into a folder that holds files unless told to
 * replace it, and then replaces it whole.
 */
public final class ProjectWriter {

  private ProjectWriter() {}

  /**
   * Why the project may not be written to {@code out}, or empty when it may: an existing file, or
   * a folder that is not empty without {@code force}.
   */
  public static Optional<String> refusal(Path out, boolean force) {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      return Optional.of("The output " + out + " is a file, not a folder.");
    }
    if (!force && !isEmptyOrAbsent(out)) {
      return Optional.of("The output folder " + out + " is not empty; pass --force to replace it.");
    }
    return Optional.empty();
  }

  /** Writes the project to {@code out}, replacing what is there when {@code force} allows it. */
  public static void write(GeneratedProject project, Path out, boolean force) throws IOException {
    Optional<String> refused = refusal(out, force);
    if (refused.isPresent()) {
      throw new IOException(refused.get());
    }
    Path target = out.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".ficus-");
    try {
      for (GeneratedFile file : project.files()) {
        Path path = staging.resolve(file.path()).normalize();
        if (!path.startsWith(staging)) {
          throw new IllegalStateException("generated path leaves the output folder: " + file.path());
        }
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.content(), StandardCharsets.UTF_8);
      }
      replace(target, staging);
    } catch (IOException | RuntimeException e) {
      deleteTree(staging);
      throw e;
    }
  }

  /** Moves the staged folder to the target, setting any previous target aside until it is done. */
  private static void replace(Path target, Path staging) throws IOException {
    Path previous = null;
    if (Files.exists(target)) {
      previous = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
      Files.delete(previous);
      Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (previous != null) {
        Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
      }
      throw e;
    }
    if (previous != null) {
      deleteTree(previous);
    }
  }

  private static boolean isEmptyOrAbsent(Path folder) {
    if (!Files.exists(folder)) {
      return true;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      return !entries.iterator().hasNext();
    } catch (IOException e) {
      return false;
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
