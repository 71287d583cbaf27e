package dev.ficus.lint.code;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds where a simple name used in code is declared (local, parameter, field), by walking the
 * enclosing scopes of the syntax tree. No symbol solver: the SDK jars are usually not on the
 * analysis class path, and the declared type as written, qualified from the imports, is enough.
 */
public final class Declarations {

  private Declarations() {}

  /** A declaration: its written type ({@code var} or absent for inferred) and its initializer. */
  public record Declared(String name, String type, Expression initializer, Node node, boolean field) {}

  /**
   * The fields of each type by name, built the first time a name is looked up in the type. A type
   * can hold hundreds of fields (a handler with a client or repository per domain) and every
   * receiver of every call is looked up in it, so the one who looks up many names keeps an index
   * (see {@link SdkCalls}) for as long as it looks: not the trees, which outlive a lint run. Not
   * safe for use by several threads.
   */
  public static final class FieldIndex {

    private final Map<TypeDeclaration<?>, Map<String, VariableDeclarator>> byType = new IdentityHashMap<>();

    /** The first declarator of that name among the type's fields, as a scan in order finds it. */
    Optional<VariableDeclarator> field(TypeDeclaration<?> type, String name) {
      Map<String, VariableDeclarator> fields = byType.get(type);
      if (fields == null) {
        fields = new HashMap<>();
        for (FieldDeclaration field : type.getFields()) {
          for (VariableDeclarator v : field.getVariables()) {
            fields.putIfAbsent(v.getNameAsString(), v);
          }
        }
        byType.put(type, fields);
      }
      return Optional.ofNullable(fields.get(name));
    }
  }

  /** The declaration a name or {@code this.name} refers to, innermost scope first. */
  public static Optional<Declared> of(Expression expression) {
    return of(expression, null);
  }

  /** True for what {@link #of} can look up: a simple name or {@code this.name}. */
  public static boolean isReference(Expression expression) {
    return expression instanceof NameExpr
        || (expression instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr);
  }

  /** As {@link #of(Expression)}, reading fields from {@code fields} (scanning when null). */
  public static Optional<Declared> of(Expression expression, FieldIndex fields) {
    if (expression instanceof NameExpr name) {
      return lookup(name.getNameAsString(), name, false, fields);
    }
    if (expression instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
      return lookup(access.getNameAsString(), access, true, fields);
    }
    return Optional.empty();
  }

  public static Optional<Declared> lookup(String name, Node from, boolean fieldsOnly) {
    return lookup(name, from, fieldsOnly, null);
  }

  private static Optional<Declared> lookup(String name, Node from, boolean fieldsOnly, FieldIndex fields) {
    Node child = from;
    for (Node n = from.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
      Optional<Declared> found =
          fieldsOnly && !(n instanceof TypeDeclaration<?>) ? Optional.empty() : inScope(name, n, child, fields);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<Declared> inScope(String name, Node scope, Node child, FieldIndex fields) {
    if (scope instanceof CallableDeclaration<?> callable) {
      return parameter(name, callable.getParameters());
    }
    if (scope instanceof LambdaExpr lambda) {
      return parameter(name, lambda.getParameters());
    }
    if (scope instanceof CatchClause c) {
      // Not NodeList.nodeList(parameter): adding a node to a list re-parents it, which took the
      // catch parameter out of its tree.
      Parameter p = c.getParameter();
      return p.getNameAsString().equals(name) ? parameter(name, p) : Optional.empty();
    }
    if (scope instanceof ForEachStmt f) {
      return declarator(name, f.getVariable().getVariables(), false);
    }
    if (scope instanceof ForStmt f) {
      for (Expression init : f.getInitialization()) {
        if (init instanceof VariableDeclarationExpr v) {
          Optional<Declared> d = declarator(name, v.getVariables(), false);
          if (d.isPresent()) {
            return d;
          }
        }
      }
    }
    if (scope instanceof TryStmt t) {
      for (Expression r : t.getResources()) {
        if (r instanceof VariableDeclarationExpr v) {
          Optional<Declared> d = declarator(name, v.getVariables(), false);
          if (d.isPresent()) {
            return d;
          }
        }
      }
    }
    if (scope instanceof BlockStmt block) {
      // Declarations before the statement that holds the use; the closest one wins.
      Optional<Declared> last = Optional.empty();
      for (Statement s : block.getStatements()) {
        if (s == child) {
          break;
        }
        if (s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr v) {
          Optional<Declared> d = declarator(name, v.getVariables(), false);
          if (d.isPresent()) {
            last = d;
          }
        }
      }
      return last;
    }
    if (scope instanceof TypeDeclaration<?> type) {
      if (fields != null) {
        Optional<VariableDeclarator> v = fields.field(type, name);
        if (v.isPresent()) {
          return Optional.of(declared(v.get(), true));
        }
      } else {
        for (FieldDeclaration field : type.getFields()) {
          Optional<Declared> d = declarator(name, field.getVariables(), true);
          if (d.isPresent()) {
            return d;
          }
        }
      }
      if (type instanceof RecordDeclaration record) {
        return parameter(name, record.getParameters()).map(d -> new Declared(d.name(), d.type(), null, d.node(), true));
      }
    }
    return Optional.empty();
  }

  private static Optional<Declared> parameter(String name, NodeList<Parameter> parameters) {
    for (Parameter p : parameters) {
      if (p.getNameAsString().equals(name)) {
        return parameter(name, p);
      }
    }
    return Optional.empty();
  }

  private static Optional<Declared> parameter(String name, Parameter p) {
    String type = p.getType().isUnknownType() ? null : p.getType().asString();
    return Optional.of(new Declared(name, type, null, p, false));
  }

  private static Optional<Declared> declarator(
      String name, NodeList<VariableDeclarator> variables, boolean field) {
    for (VariableDeclarator v : variables) {
      if (v.getNameAsString().equals(name)) {
        return Optional.of(declared(v, field));
      }
    }
    return Optional.empty();
  }

  private static Declared declared(VariableDeclarator v, boolean field) {
    return new Declared(v.getNameAsString(), v.getType().asString(), v.getInitializer().orElse(null), v, field);
  }

  /**
   * Values assigned to a variable anywhere in the enclosing method or, for a field, in its type
   * (constructors and setters): where an injected client or a computed URL comes from.
   */
  public static List<Expression> assignments(Declared declared) {
    List<Expression> values = new ArrayList<>();
    if (declared.initializer() != null) {
      values.add(declared.initializer());
    }
    Node scope = declared.node();
    while (scope != null
        && !(declared.field() ? scope instanceof TypeDeclaration<?> : scope instanceof CallableDeclaration<?>)) {
      scope = scope.getParentNode().orElse(null);
    }
    if (scope == null) {
      return values;
    }
    for (var assign : scope.findAll(com.github.javaparser.ast.expr.AssignExpr.class)) {
      Expression target = assign.getTarget();
      String targetName =
          target instanceof NameExpr n
              ? n.getNameAsString()
              : target instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr
                  ? f.getNameAsString()
                  : null;
      if (declared.name().equals(targetName)) {
        values.add(assign.getValue());
      }
    }
    return values;
  }
}
