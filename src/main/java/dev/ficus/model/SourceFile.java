package dev.ficus.model;

import java.util.List;
import java.util.Objects;

/**
 * A Java file of the analyzed repository and the names it depends on: what a scaffolded module
 * must carry for a copied file to compile. Scaffolding copies whole files, so the file (not the
 * class) is the unit, and its needs are read from its text (imports, names) rather than from the
 * call graph, which only knows the code that runs.
 *
 * @param path relative to the repository root, forward slashes
 * @param sourceRoot the folder holding its package tree, relative to the repository root
 * @param packageName {@code ""} for the default package
 * @param types the fully qualified names of the types it declares, nested ones included, sorted
 * @param references the repository's top-level types it names, besides its own, sorted
 * @param imports its imports of types outside the repository, as written ({@code
 *     software.amazon.awssdk.services.sns.SnsClient}, {@code org.slf4j.*}, {@code static
 *     org.junit.Assert.assertEquals}), sorted: what tells which libraries it needs
 * @param test true when it belongs to the repository's tests
 */
public record SourceFile(
    String path,
    String sourceRoot,
    String packageName,
    List<String> types,
    List<String> references,
    List<String> imports,
    boolean test)
    implements Comparable<SourceFile> {

  public SourceFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sourceRoot, "sourceRoot");
    Objects.requireNonNull(packageName, "packageName");
    types = types.stream().distinct().sorted().toList();
    references = references.stream().distinct().sorted().toList();
    imports = imports.stream().distinct().sorted().toList();
  }

  /** The path below the source root: where the file goes in another module's source tree. */
  public String relativePath() {
    return sourceRoot.isEmpty() ? path : path.substring(sourceRoot.length() + 1);
  }

  @Override
  public int compareTo(SourceFile other) {
    return path.compareTo(other.path);
  }
}
