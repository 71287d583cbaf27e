package dev.ficus.workspace;

import com.github.javaparser.ast.CompilationUnit;
import java.util.Objects;

/**
 * A parsed Java file of the analyzed repository. Parser types stay inside the parsing stages
 * (workspace, iac, routes, graph, aws); later stages see only model records.
 *
 * @param file path relative to the repository root, forward slashes
 * @param sourceRoot the folder that holds the package tree, relative to the repository root
 *     ({@code ""} for the root itself)
 */
public record JavaSource(String file, String sourceRoot, CompilationUnit unit) {
  public JavaSource {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sourceRoot, "sourceRoot");
    Objects.requireNonNull(unit, "unit");
  }

  public String packageName() {
    return unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
  }
}
