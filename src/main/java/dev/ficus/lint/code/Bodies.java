package dev.ficus.lint.code;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

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
  public static boolean runsElsewhere(Node node) {
    return node instanceof LambdaExpr
        || (node instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent())
        || node instanceof TypeDeclaration<?>
        || node instanceof CallableDeclaration<?>;
  }

  /** SDK calls that run as part of {@code owner} itself, in source order. */
  public static List<SdkCall> ownCalls(SdkCalls sdk, Node owner) {
    List<SdkCall> calls = new ArrayList<>();
    for (MethodCallExpr call : findAll(owner, MethodCallExpr.class, Bodies::runsElsewhere)) {
      if (call != owner) {
        sdk.classify(call).ifPresent(calls::add);
      }
    }
    calls.sort(SdkCalls.SOURCE_ORDER);
    return calls;
  }

  /**
   * The nodes of a type in {@code root}'s subtree, {@code root} included, in the order of
   * JavaParser's {@code findAll} (pre-order), without looking inside the nodes below {@code root}
   * for which {@code prune} holds. One pass, where a walk over everything and a walk up from each
   * node found would visit the nested parts again and again.
   */
  public static <T extends Node> List<T> findAll(Node root, Class<T> type, Predicate<Node> prune) {
    List<T> found = new ArrayList<>();
    Deque<Node> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      if (n != root && prune.test(n)) {
        continue;
      }
      if (type.isInstance(n)) {
        found.add(type.cast(n));
      }
      List<Node> children = n.getChildNodes();
      for (int i = children.size() - 1; i >= 0; i--) {
        stack.push(children.get(i));
      }
    }
    return found;
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
