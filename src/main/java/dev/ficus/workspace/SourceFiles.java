package dev.ficus.workspace;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.ficus.model.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What each Java file of the repository names, read from its text: the repository types it
 * refers to and the outside types it imports. A scaffolded module copies whole files, so it needs
 * every file a copied file names (for the copy to compile) and the libraries behind its imports
 * (for its pom); the call graph cannot tell either, as it sees only the code that runs.
 */
public final class SourceFiles {

  private SourceFiles() {}

  /** One record per parsed file of the workspace, sorted by path. */
  public static List<SourceFile> of(Workspace workspace) {
    TypeNames names = new TypeNames(workspace.types());
    List<SourceFile> out = new ArrayList<>();
    for (JavaSource source : workspace.sources()) {
      out.add(describe(source, workspace.types(), names));
    }
    return out.stream().sorted().toList();
  }

  private static SourceFile describe(JavaSource source, TypeIndex index, TypeNames names) {
    CompilationUnit unit = source.unit();
    TreeSet<String> declared = new TreeSet<>();
    for (TypeDeclaration<?> type : source.nodes().types()) {
      type.getFullyQualifiedName().ifPresent(declared::add);
    }
    TreeSet<String> references = new TreeSet<>();
    TreeSet<String> imports = new TreeSet<>();
    for (ImportDeclaration imp : unit.getImports()) {
      String name = imp.getNameAsString();
      Optional<String> repositoryType = repositoryTypeOf(name, index);
      if (repositoryType.isPresent()) {
        references.add(repositoryType.get());
      } else if (imp.isAsterisk() && !imp.isStatic() && packageHasTypes(name, index)) {
        continue; // a repository package: the names used below tell which of its types
      } else {
        imports.add((imp.isStatic() ? "static " : "") + name + (imp.isAsterisk() ? ".*" : ""));
      }
    }
    for (Node node : source.nodes().typeNames()) {
      written(node)
          .flatMap(w -> names.qualify(w, node))
          .flatMap(q -> repositoryTypeOf(q, index))
          .ifPresent(references::add);
    }
    references.removeIf(r -> declared.contains(r) || declared.stream().anyMatch(d -> r.startsWith(d + ".")));
    return new SourceFile(
        source.file(),
        source.sourceRoot(),
        source.packageName(),
        List.copyOf(declared),
        List.copyOf(references),
        List.copyOf(imports),
        isTestRoot(source.sourceRoot()));
  }

  /** The name as written where it could be a type: {@code Routes} of {@code Routes.LIST}. */
  private static Optional<String> written(Node node) {
    if (node instanceof ClassOrInterfaceType type) {
      return Optional.of(type.getNameWithScope());
    }
    if (node instanceof AnnotationExpr annotation) {
      return Optional.of(annotation.getNameAsString());
    }
    if (node instanceof NameExpr name) {
      return Optional.of(name.getNameAsString());
    }
    return Optional.empty();
  }

  /**
   * The repository's top-level type a qualified name is or lies in ({@code a.B.C} and {@code
   * a.B.CONSTANT} give {@code a.B}); empty for a name outside the repository.
   */
  static Optional<String> repositoryTypeOf(String qualified, TypeIndex index) {
    String name = qualified;
    String topLevel = null;
    while (!name.isEmpty()) {
      if (index.find(name).isPresent()) {
        topLevel = name;
      } else if (topLevel != null) {
        break;
      }
      int dot = name.lastIndexOf('.');
      if (dot < 0) {
        break;
      }
      name = name.substring(0, dot);
    }
    if (topLevel == null) {
      return Optional.empty();
    }
    return Optional.of(outermost(topLevel, index));
  }

  private static String outermost(String type, TypeIndex index) {
    String result = type;
    for (int dot = type.lastIndexOf('.'); dot > 0; dot = type.lastIndexOf('.', dot - 1)) {
      String prefix = type.substring(0, dot);
      if (index.find(prefix).isPresent()) {
        result = prefix;
      }
    }
    return result;
  }

  private static boolean packageHasTypes(String packageName, TypeIndex index) {
    return index.hasNameStartingWith(packageName + "."); // not a scan of every type per import
  }

  private static boolean isTestRoot(String sourceRoot) {
    return ("/" + sourceRoot + "/").contains("/src/test/");
  }
}
