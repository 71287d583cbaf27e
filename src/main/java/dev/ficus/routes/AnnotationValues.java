package dev.ficus.routes;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.ficus.workspace.TypeNames;
import dev.ficus.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads annotation members the way the compiler would see them: string literals, concatenations,
 * array initializers, and compile-time constants declared anywhere in the repository
 * ({@code @GetMapping(Paths.OWNERS + "/{id}")}, a static import, an interface constant), without
 * the symbol solver, so it works when the framework's jars are not around.
 */
final class AnnotationValues {

  private static final int MAX_DEPTH = 12;

  private final Workspace workspace;
  private final TypeNames typeNames;

  AnnotationValues(Workspace workspace) {
    this.workspace = workspace;
    this.typeNames = new TypeNames(workspace.types());
  }

  TypeNames typeNames() {
    return typeNames;
  }

  /**
   * The first annotation on {@code node} naming one of {@code qualifiedNames}: written fully
   * qualified, simple and imported by name, or simple and covered by a wildcard import of its
   * package.
   */
  Optional<AnnotationExpr> find(NodeWithAnnotations<?> node, Set<String> qualifiedNames) {
    for (AnnotationExpr annotation : node.getAnnotations()) {
      if (is(annotation, qualifiedNames)) {
        return Optional.of(annotation);
      }
    }
    return Optional.empty();
  }

  /** True when {@code annotation} is one of {@code qualifiedNames}. */
  boolean is(AnnotationExpr annotation, Set<String> qualifiedNames) {
    String written = annotation.getNameAsString();
    if (qualifiedNames.contains(written)) {
      return true;
    }
    Optional<String> qualified = qualify(annotation);
    if (qualified.isPresent()) {
      return qualifiedNames.contains(qualified.get());
    }
    if (written.contains(".")) {
      return false;
    }
    Optional<CompilationUnit> unit = annotation.findCompilationUnit();
    if (unit.isEmpty()) {
      return false;
    }
    for (ImportDeclaration imp : unit.get().getImports()) {
      if (imp.isAsterisk()
          && !imp.isStatic()
          && qualifiedNames.contains(imp.getNameAsString() + "." + written)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The annotation's fully qualified name as far as imports and the repository's own types tell (a
   * guess through a lone wildcard import is not taken); empty when unknown.
   */
  Optional<String> qualify(AnnotationExpr annotation) {
    String written = annotation.getNameAsString();
    if (written.contains(".") && Character.isLowerCase(written.charAt(0))) {
      return Optional.of(written);
    }
    Optional<CompilationUnit> unit = annotation.findCompilationUnit();
    if (unit.isPresent()) {
      String first = written.contains(".") ? written.substring(0, written.indexOf('.')) : written;
      for (ImportDeclaration imp : unit.get().getImports()) {
        if (!imp.isAsterisk() && !imp.isStatic() && imp.getName().getIdentifier().equals(first)) {
          return Optional.of(imp.getNameAsString() + written.substring(first.length()));
        }
      }
    }
    Optional<String> qualified = typeNames.qualify(written, annotation);
    return qualified.filter(q -> workspace.findType(q).isPresent());
  }

  /** A member of an annotation; {@code value} also answers for a single-member annotation. */
  static Optional<Expression> member(AnnotationExpr annotation, String... names) {
    if (annotation instanceof SingleMemberAnnotationExpr single) {
      for (String name : names) {
        if (name.equals("value")) {
          return Optional.of(single.getMemberValue());
        }
      }
      return Optional.empty();
    }
    if (annotation instanceof NormalAnnotationExpr normal) {
      for (String name : names) {
        for (MemberValuePair pair : normal.getPairs()) {
          if (pair.getNameAsString().equals(name)) {
            return Optional.of(pair.getValue());
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The strings an annotation member evaluates to (one for a scalar, several for an array); empty
   * when some part is not a constant the repository declares.
   */
  Optional<List<String>> strings(Expression expression) {
    List<String> out = new ArrayList<>();
    return collect(expression, out, 0) ? Optional.of(out) : Optional.empty();
  }

  /** The last identifier of each element ({@code RequestMethod.GET} and {@code GET} give GET). */
  static List<String> names(Expression expression) {
    List<String> out = new ArrayList<>();
    if (expression instanceof ArrayInitializerExpr array) {
      array.getValues().forEach(v -> out.addAll(names(v)));
    } else if (expression instanceof FieldAccessExpr access) {
      out.add(access.getNameAsString());
    } else if (expression instanceof NameExpr name) {
      out.add(name.getNameAsString());
    } else if (expression instanceof StringLiteralExpr literal) {
      out.add(literal.asString());
    }
    return out;
  }

  private boolean collect(Expression expression, List<String> out, int depth) {
    if (expression instanceof ArrayInitializerExpr array) {
      for (Expression value : array.getValues()) {
        if (!collect(value, out, depth)) {
          return false;
        }
      }
      return true;
    }
    Optional<String> value = scalar(expression, depth);
    value.ifPresent(out::add);
    return value.isPresent();
  }

  /** A single constant string value, or empty when it cannot be told. */
  Optional<String> scalar(Expression expression, int depth) {
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    if (expression instanceof StringLiteralExpr literal) {
      return Optional.of(literal.asString());
    }
    if (expression instanceof TextBlockLiteralExpr block) {
      return Optional.of(block.asString());
    }
    if (expression instanceof CharLiteralExpr c) {
      try {
        return Optional.of(String.valueOf(c.asChar()));
      } catch (RuntimeException e) {
        return Optional.empty(); // an escape the parser cannot decode: not a readable constant
      }
    }
    if (expression instanceof IntegerLiteralExpr i) {
      return Optional.of(String.valueOf(i.asNumber()));
    }
    if (expression instanceof LongLiteralExpr l) {
      return Optional.of(String.valueOf(l.asNumber()));
    }
    if (expression instanceof EnclosedExpr enclosed) {
      return scalar(enclosed.getInner(), depth);
    }
    if (expression instanceof BinaryExpr binary
        && binary.getOperator() == BinaryExpr.Operator.PLUS) {
      Optional<String> left = scalar(binary.getLeft(), depth + 1);
      Optional<String> right = scalar(binary.getRight(), depth + 1);
      return left.isPresent() && right.isPresent()
          ? Optional.of(left.get() + right.get())
          : Optional.empty();
    }
    if (expression instanceof NameExpr name) {
      return constantInScope(name.getNameAsString(), name, depth);
    }
    if (expression instanceof FieldAccessExpr access) {
      String scope = access.getScope().toString();
      Optional<TypeDeclaration<?>> type =
          typeNames.qualify(scope, access).flatMap(workspace::findType);
      if (type.isEmpty()) {
        type = workspace.findType(scope);
      }
      return type.flatMap(t -> constantOf(t, access.getNameAsString(), depth + 1, 0));
    }
    return Optional.empty();
  }

  /** A simple name: a field of an enclosing type or its supertypes, or a static import. */
  private Optional<String> constantInScope(String name, Node context, int depth) {
    for (Node n = context; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> type) {
        Optional<String> found = constantOf(type, name, depth + 1, 0);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    Optional<CompilationUnit> unit = context.findCompilationUnit();
    if (unit.isEmpty()) {
      return Optional.empty();
    }
    for (ImportDeclaration imp : unit.get().getImports()) {
      if (!imp.isStatic()) {
        continue;
      }
      String imported = imp.getNameAsString();
      String typeName;
      if (imp.isAsterisk()) {
        typeName = imported;
      } else if (imported.endsWith("." + name)) {
        typeName = imported.substring(0, imported.length() - name.length() - 1);
      } else {
        continue;
      }
      Optional<String> found =
          workspace.findType(typeName).flatMap(t -> constantOf(t, name, depth + 1, 0));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** A constant field of {@code type}, of an interface it implements, or of a superclass. */
  private Optional<String> constantOf(TypeDeclaration<?> type, String name, int depth, int hops) {
    if (hops > 8) {
      return Optional.empty();
    }
    for (FieldDeclaration field : type.getFields()) {
      for (VariableDeclarator variable : field.getVariables()) {
        if (variable.getNameAsString().equals(name)) {
          return variable.getInitializer().flatMap(init -> scalar(init, depth));
        }
      }
    }
    if (type instanceof ClassOrInterfaceDeclaration declaration) {
      List<ClassOrInterfaceType> supers = new ArrayList<>(declaration.getExtendedTypes());
      supers.addAll(declaration.getImplementedTypes());
      for (ClassOrInterfaceType superType : supers) {
        Optional<TypeDeclaration<?>> resolved =
            typeNames
                .qualify(superType.getNameWithScope(), declaration)
                .flatMap(workspace::findType);
        if (resolved.isPresent()) {
          Optional<String> found = constantOf(resolved.get(), name, depth, hops + 1);
          if (found.isPresent()) {
            return found;
          }
        }
      }
    }
    return Optional.empty();
  }
}
