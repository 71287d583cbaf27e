package dev.ficus.workspace;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed Java file of the analyzed repository. Parser types stay inside the parsing stages
 * (workspace, iac, routes, graph, aws); later stages see only model records.
 *
 * @param file path relative to the repository root, forward slashes
 * @param sourceRoot the folder that holds the package tree, relative to the repository root
 *     ({@code ""} for the root itself)
 * @param nodes the kinds of node several stages look for in every file, found once
 */
public record JavaSource(String file, String sourceRoot, CompilationUnit unit, Nodes nodes) {
  public JavaSource {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sourceRoot, "sourceRoot");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(nodes, "nodes");
  }

  public String packageName() {
    return unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
  }

  /**
   * The type declarations (local classes included), callables (methods, constructors), method
   * calls, annotations and the names that may be types (class or interface types, annotations,
   * capitalized simple names) of a file, each in the order {@code findAll} gives them, and its
   * imports as written after {@code import} (without {@code static}, on-demand ones ending in
   * {@code .*}), which every framework extractor scans to tell whether it applies. The
   * workspace collects them in the parallel parse, from the walk it makes anyway, so the stages
   * that each looked for one kind in every tree on the main thread read a list instead. The trees
   * are not changed after the parse, so the lists stay true.
   */
  public record Nodes(
      List<TypeDeclaration<?>> types,
      List<CallableDeclaration<?>> callables,
      List<MethodCallExpr> calls,
      List<AnnotationExpr> annotations,
      List<Node> typeNames,
      List<String> imports) {
    public Nodes {
      types = List.copyOf(types);
      callables = List.copyOf(callables);
      calls = List.copyOf(calls);
      annotations = List.copyOf(annotations);
      typeNames = List.copyOf(typeNames);
      imports = List.copyOf(imports);
    }

    /** @param preOrder every node of a tree, in the order {@code findAll(Node.class)} gives them */
    public static Nodes of(List<Node> preOrder) {
      List<TypeDeclaration<?>> types = new ArrayList<>();
      List<CallableDeclaration<?>> callables = new ArrayList<>();
      List<MethodCallExpr> calls = new ArrayList<>();
      List<AnnotationExpr> annotations = new ArrayList<>();
      List<Node> typeNames = new ArrayList<>();
      List<String> imports = new ArrayList<>();
      for (Node node : preOrder) {
        if (node instanceof MethodCallExpr call) {
          calls.add(call);
        } else if (node instanceof CallableDeclaration<?> callable) {
          callables.add(callable);
        } else if (node instanceof TypeDeclaration<?> type) {
          types.add(type);
        } else if (node instanceof AnnotationExpr annotation) {
          annotations.add(annotation);
          typeNames.add(annotation);
        } else if (node instanceof ImportDeclaration imp) {
          imports.add(imp.getNameAsString() + (imp.isAsterisk() ? ".*" : ""));
        } else if (node instanceof ClassOrInterfaceType
            || node instanceof NameExpr name && startsUpperCase(name.getNameAsString())) {
          typeNames.add(node);
        }
      }
      return new Nodes(types, callables, calls, annotations, typeNames, imports);
    }

    /** Type names start with a capital by convention; variables, which are most names, do not. */
    private static boolean startsUpperCase(String name) {
      return !name.isEmpty() && Character.isUpperCase(name.charAt(0));
    }
  }
}
