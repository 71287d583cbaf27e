package dev.ficus.lint.code;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Structural questions about method bodies that several rules ask. */
public final class Bodies {

  private Bodies() {}

  /**
   * True when {@code node} runs as part of {@code owner}'s own execution: not inside a lambda, an
   * anonymous class or a local class between them, which run at another time or place.
   */
  public static boolean runsIn(Node node, Node owner) {
    for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n == owner) {
        return true;
      }
      if (n instanceof LambdaExpr
          || (n instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent())
          || n instanceof TypeDeclaration<?>
          || n instanceof CallableDeclaration<?>) {
        return false;
      }
    }
    return false;
  }

  /** SDK calls that run as part of {@code owner} itself. */
  public static List<SdkCall> ownCalls(SdkCalls sdk, Node owner) {
    return sdk.in(owner).stream().filter(c -> runsIn(c.call(), owner)).toList();
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
