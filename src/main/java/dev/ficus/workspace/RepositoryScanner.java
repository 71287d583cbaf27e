package dev.ficus.workspace;

import dev.ficus.model.Diagnostics;
import dev.ficus.model.SourceRef;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Walks a repository once and sorts what it finds into Java sources, IaC candidates, application
 * configuration and build files, skipping build output, VCS folders and (by default) tests. A
 * folder that cannot be read, or a symbolic link loop, is a diagnostic, not a failure.
 */
final class RepositoryScanner {

  private static final Set<String> SKIPPED_DIRS =
      Set.of(
          ".git", ".hg", ".svn", ".idea", ".vscode", ".gradle", ".mvn", ".aws-sam", "target",
          "build", "out", "node_modules", ".serverless", "cdk.out", "bin", ".ficus");

  record Result(
      List<Path> javaFiles, List<Path> iacFiles, List<Path> configFiles, List<Path> buildFiles) {}

  private final Path root;
  private final boolean includeTests;
  private final Diagnostics diagnostics;

  RepositoryScanner(Path root, boolean includeTests, Diagnostics diagnostics) {
    this.root = root;
    this.includeTests = includeTests;
    this.diagnostics = diagnostics;
  }

  Result scan() throws IOException {
    List<Path> java = new ArrayList<>();
    List<Path> iac = new ArrayList<>();
    List<Path> config = new ArrayList<>();
    List<Path> build = new ArrayList<>();
    Files.walkFileTree(
        root,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(root)) {
              return FileVisitResult.CONTINUE;
            }
            String name = dir.getFileName().toString();
            if (SKIPPED_DIRS.contains(name) || (!includeTests && isTestDir(dir))) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!attrs.isRegularFile()) {
              return FileVisitResult.CONTINUE;
            }
            String name = file.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".java")) {
              if (!name.equals("module-info.java") && !name.equals("package-info.java")) {
                java.add(file);
              }
            } else if (lower.equals("pom.xml")
                || lower.equals("build.gradle")
                || lower.equals("build.gradle.kts")) {
              build.add(file);
            } else if (isConfig(file, lower)) {
              config.add(file);
            } else if (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")
                || lower.endsWith(".template")) {
              iac.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) {
            String where = root.relativize(file).toString().replace('\\', '/');
            if (exc instanceof FileSystemLoopException) {
              diagnostics.warning(
                  "symlink-loop",
                  "Skipped " + where + ": a symbolic link leads back into a folder above it.",
                  new SourceRef(where, 0));
            } else {
              diagnostics.warning(
                  "unreadable-file",
                  "Skipped " + where + ": it cannot be read (" + exc.getClass().getSimpleName() + ").",
                  new SourceRef(where, 0));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    java.sort(null);
    iac.sort(null);
    config.sort(null);
    build.sort(null);
    return new Result(java, iac, config, build);
  }

  private boolean isTestDir(Path dir) {
    Path rel = root.relativize(dir);
    int n = rel.getNameCount();
    String name = rel.getFileName().toString();
    if (n >= 2 && rel.getName(n - 2).toString().equals("src")) {
      return name.equals("test") || name.equals("it") || name.equals("integrationTest")
          || name.equals("testFixtures") || name.endsWith("Test");
    }
    return false;
  }

  private static boolean isConfig(Path file, String lower) {
    boolean named = lower.startsWith("application") || lower.startsWith("bootstrap");
    boolean typed = lower.endsWith(".properties") || lower.endsWith(".yml") || lower.endsWith(".yaml");
    return named && typed && file.toString().replace('\\', '/').contains("/resources/")
        || lower.equals("application.properties");
  }
}
