package dev.ficus.routes;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.ficus.workspace.TypeNames;
import dev.ficus.workspace.Workspace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates the string expressions routes are declared with ({@code @Path(Paths.ORDERS + "/{id}")},
 * {@code get(BASE + "/orders", ...)}) from the repository's own constants, wherever they are
 * declared: the enclosing class and its supertypes, another class, a static import, a local
 * variable. Anything computed at run time gives empty, so the caller can say so.
 */
final class JaxRsConstants {

  private static final int MAX_DEPTH = 24;

  private final Workspace workspace;
  private final TypeNames names;
  private final Set<VariableDeclarator> evaluating =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  JaxRsConstants(Workspace workspace) {
    this.workspace = workspace;
    this.names = new TypeNames(workspace.types());
  }

  TypeNames names() {
    return names;
  }

  /** The value of a compile-time string expression, or empty when it cannot be told. */
  Optional<String> evaluate(Expression expression) {
    return evaluate(expression, 0);
  }

  private Optional<String> evaluate(Expression e, int depth) {
    if (e == null || depth > MAX_DEPTH) {
      return Optional.empty();
    }
    if (e instanceof StringLiteralExpr s) {
      return Optional.of(s.asString());
    }
    if (e instanceof TextBlockLiteralExpr t) {
      return Optional.of(t.asString());
    }
    if (e instanceof CharLiteralExpr c) {
      return Optional.of(String.valueOf(c.asChar()));
    }
    if (e instanceof IntegerLiteralExpr i) {
      return Optional.of(i.getValue());
    }
    if (e instanceof EnclosedExpr enclosed) {
      return evaluate(enclosed.getInner(), depth + 1);
    }
    if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      Optional<String> left = evaluate(b.getLeft(), depth + 1);
      Optional<String> right = evaluate(b.getRight(), depth + 1);
      return left.isPresent() && right.isPresent()
          ? Optional.of(left.get() + right.get())
          : Optional.empty();
    }
    if (e instanceof NameExpr n) {
      return name(n.getNameAsString(), n, depth);
    }
    if (e instanceof FieldAccessExpr f) {
      return typeOf(f.getScope().toString(), f)
          .flatMap(type -> field(type, f.getNameAsString(), depth, new HashSet<>()));
    }
    return Optional.empty();
  }

  /** The repository type a name written at {@code context} refers to. */
  Optional<TypeDeclaration<?>> typeOf(String written, Node context) {
    Optional<TypeDeclaration<?>> type =
        names.qualify(written, context).flatMap(workspace::findType);
    return type.isPresent() ? type : workspace.findType(TypeNames.stripGenerics(written));
  }

  private Optional<String> name(String name, Node context, int depth) {
    // A local variable of the enclosing method or lambda, declared with a constant initializer.
    for (Node n = context.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof CallableDeclaration<?> || n instanceof LambdaExpr) {
        for (VariableDeclarator v : n.findAll(VariableDeclarator.class)) {
          if (v.getNameAsString().equals(name)
              && v.getParentNode().filter(p -> !(p instanceof FieldDeclaration)).isPresent()
              && v.getInitializer().isPresent()
              && context.findAncestor(AnnotationExpr.class).isEmpty()
              && declaredBefore(v, context)) {
            return initializer(v, depth);
          }
        }
      }
      if (n instanceof TypeDeclaration<?> type) {
        Optional<String> value = field(type, name, depth, new HashSet<>());
        if (value.isPresent()) {
          return value;
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
      String owner;
      if (imp.isAsterisk()) {
        owner = imp.getNameAsString();
      } else if (imp.getName().getIdentifier().equals(name)) {
        owner = imp.getName().getQualifier().map(Object::toString).orElse("");
      } else {
        continue;
      }
      Optional<String> value =
          workspace.findType(owner).flatMap(t -> field(t, name, depth, new HashSet<>()));
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  /** The value of a variable's initializer; a constant defined through itself has none. */
  private Optional<String> initializer(VariableDeclarator variable, int depth) {
    if (variable.getInitializer().isEmpty() || !evaluating.add(variable)) {
      return Optional.empty();
    }
    try {
      return evaluate(variable.getInitializer().get(), depth + 1);
    } finally {
      evaluating.remove(variable);
    }
  }

  private static boolean declaredBefore(Node declaration, Node use) {
    return declaration.getBegin().isPresent() && use.getBegin().isPresent()
        && declaration.getBegin().get().isBefore(use.getBegin().get());
  }

  private Optional<String> field(TypeDeclaration<?> type, String name, int depth, Set<String> seen) {
    String qualified = type.getFullyQualifiedName().orElse(type.getNameAsString());
    if (!seen.add(qualified)) {
      return Optional.empty();
    }
    for (FieldDeclaration field : type.getFields()) {
      for (VariableDeclarator v : field.getVariables()) {
        if (v.getNameAsString().equals(name)) {
          return initializer(v, depth);
        }
      }
    }
    for (TypeDeclaration<?> supertype : supertypes(type)) {
      Optional<String> value = field(supertype, name, depth, seen);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  /** The direct supertypes declared in the repository: superclass first, then interfaces. */
  List<TypeDeclaration<?>> supertypes(TypeDeclaration<?> type) {
    List<TypeDeclaration<?>> result = new ArrayList<>();
    if (type instanceof ClassOrInterfaceDeclaration c) {
      List<ClassOrInterfaceType> written = new ArrayList<>(c.getExtendedTypes());
      written.addAll(c.getImplementedTypes());
      for (ClassOrInterfaceType t : written) {
        typeOf(t.getNameWithScope(), c).filter(found -> found != type).ifPresent(result::add);
      }
    }
    return result;
  }
}
