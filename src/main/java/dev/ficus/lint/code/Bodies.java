package dev.ficus.lint.code;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

/** Structural questions about method bodies that several rules ask. */
public final class Bodies {

  private Bodies() {}

  /** Nodes by where they begin, line then column: source order, an enclosing node first. */
  public static final Comparator<Node> BEGIN =
      Comparator.comparingInt((Node n) -> n.getBegin().map(p -> p.line).orElse(0))
          .thenComparingInt(n -> n.getBegin().map(p -> p.column).orElse(0));

  /**
   * True when {@code node} runs as part of {@code owner}'s own execution: not inside a lambda, an
   * anonymous class or a local class between them, which run at another time or place.
   */
  public static boolean runsIn(Node node, Node owner) {
    for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n == owner) {
        return true;
      }
      if (runsElsewhere(n)) {
        return false;
      }
    }
    return false;
  }

  /**
   * True when the code inside {@code node} runs at another time or place than the code around it:
   * a lambda, an anonymous class (its constructor arguments included), a local or member type, a
   * method or constructor.
   */
  private static boolean runsElsewhere(Node node) {
    return node instanceof LambdaExpr
        || (node instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent())
        || node instanceof TypeDeclaration<?>
        || node instanceof CallableDeclaration<?>;
  }

  /** Every simple name used in a subtree. */
  public static Set<String> names(Node node) {
    Set<String> names = new TreeSet<>();
    if (node instanceof NameExpr n) {
      names.add(n.getNameAsString());
    }
    node.findAll(NameExpr.class).forEach(n -> names.add(n.getNameAsString()));
    return names;
  }

  /** True when {@code inner} is {@code outer} or inside it. */
  public static boolean within(Node inner, Node outer) {
    for (Node n = inner; n != null; n = n.getParentNode().orElse(null)) {
      if (n == outer) {
        return true;
      }
    }
    return false;
  }
}
