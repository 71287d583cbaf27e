package dev.ficus.lint.code;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What little constant folding the rules need: the literal value or literal prefix of a string
 * expression, and the environment variables a value is read from, following locals and fields a
 * few steps. Anything else is "unknown", which the rules treat as such, never as a match.
 */
public final class Values {

  private static final int MAX_DEPTH = 4;

  private Values() {}

  /** The exact string value, through constants and concatenation of literals. */
  public static Optional<String> literal(Expression e) {
    return literal(e, 0);
  }

  private static Optional<String> literal(Expression e, int depth) {
    if (depth > MAX_DEPTH || e == null) {
      return Optional.empty();
    }
    if (e instanceof StringLiteralExpr s) {
      return Optional.of(s.asString());
    }
    if (e instanceof TextBlockLiteralExpr t) {
      return Optional.of(t.asString());
    }
    if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      Optional<String> l = literal(b.getLeft(), depth + 1);
      Optional<String> r = literal(b.getRight(), depth + 1);
      return l.isPresent() && r.isPresent() ? Optional.of(l.get() + r.get()) : Optional.empty();
    }
    if (e instanceof NameExpr || e instanceof FieldAccessExpr) {
      return Declarations.of(e)
          .filter(d -> Declarations.assignments(d).size() == 1)
          .flatMap(d -> literal(Declarations.assignments(d).get(0), depth + 1));
    }
    return Optional.empty();
  }

  /**
   * The known leading text of a string expression ({@code "thumbnails/" + name} gives {@code
   * thumbnails/}); the whole value when it is a literal; empty when nothing is known.
   */
  public static Optional<String> prefix(Expression e) {
    return prefix(e, 0);
  }

  private static Optional<String> prefix(Expression e, int depth) {
    if (depth > MAX_DEPTH || e == null) {
      return Optional.empty();
    }
    Optional<String> whole = literal(e, depth);
    if (whole.isPresent()) {
      return whole;
    }
    if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      Optional<String> left = prefix(b.getLeft(), depth + 1);
      if (left.isPresent() && literal(b.getLeft(), depth + 1).isPresent()) {
        return left;
      }
      return left.filter(s -> !s.isEmpty());
    }
    if (e instanceof MethodCallExpr m
        && m.getNameAsString().equals("format")
        && m.getArguments().size() >= 1) {
      return literal(m.getArgument(0), depth + 1)
          .map(f -> f.contains("%") ? f.substring(0, f.indexOf('%')) : f);
    }
    if (e instanceof NameExpr || e instanceof FieldAccessExpr) {
      return Declarations.of(e)
          .filter(d -> Declarations.assignments(d).size() == 1)
          .flatMap(d -> prefix(Declarations.assignments(d).get(0), depth + 1));
    }
    return Optional.empty();
  }

  /**
   * The environment variables a value is derived from: {@code System.getenv("API_URL")} anywhere
   * in the expression, or in what the locals and fields it uses were assigned.
   */
  public static Set<String> envVars(Node expression) {
    Set<String> found = new TreeSet<>();
    envVars(expression, 0, found);
    return found;
  }

  private static void envVars(Node node, int depth, Set<String> found) {
    if (depth > MAX_DEPTH || node == null) {
      return;
    }
    if (node instanceof MethodCallExpr m) {
      envName(m).ifPresent(found::add);
    }
    for (MethodCallExpr m : node.findAll(MethodCallExpr.class)) {
      envName(m).ifPresent(found::add);
    }
    for (Expression e : node.findAll(Expression.class)) {
      if (e instanceof NameExpr || (e instanceof FieldAccessExpr f && f.getScope().isThisExpr())) {
        Declarations.of(e)
            .ifPresent(d -> Declarations.assignments(d).forEach(a -> envVars(a, depth + 1, found)));
      }
    }
  }

  /** {@code System.getenv("X")} gives X. */
  public static Optional<String> envName(MethodCallExpr m) {
    if (!m.getNameAsString().equals("getenv") || m.getArguments().size() != 1) {
      return Optional.empty();
    }
    boolean system = m.getScope().map(s -> s.toString().equals("System")).orElse(false);
    if (!system) {
      return Optional.empty();
    }
    return literal(m.getArgument(0));
  }
}
