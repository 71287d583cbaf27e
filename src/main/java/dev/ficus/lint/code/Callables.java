package dev.ficus.lint.code;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.ficus.workspace.JavaSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The methods and constructors of a set of files and the calls each makes itself, found in one
 * walk over every tree. Every rule that reads code starts from these; walking the trees once per
 * rule, and each method's subtree again per question, was most of the lint stage's cost.
 */
public final class Callables {

  private final List<CallableDeclaration<?>> all;
  /** Keyed by identity: JavaParser's {@code Node.equals} compares whole subtrees. */
  private final Map<CallableDeclaration<?>, List<MethodCallExpr>> calls;

  private Callables(List<CallableDeclaration<?>> all, Map<CallableDeclaration<?>, List<MethodCallExpr>> calls) {
    this.all = Collections.unmodifiableList(all);
    this.calls = calls;
  }

  /** A pre-order walk of every file, as {@code findAll} goes, remembering the callable around. */
  public static Callables of(List<JavaSource> sources) {
    List<CallableDeclaration<?>> all = new ArrayList<>();
    Map<CallableDeclaration<?>, List<MethodCallExpr>> calls = new IdentityHashMap<>();
    // The list of the callable around a node travels with it, so a call costs no lookup.
    record Visit(Node node, List<MethodCallExpr> ownerCalls) {}
    Deque<Visit> stack = new ArrayDeque<>();
    for (JavaSource source : sources) {
      stack.push(new Visit(source.unit(), null));
      while (!stack.isEmpty()) {
        Visit v = stack.pop();
        Node n = v.node();
        List<MethodCallExpr> ownerCalls = v.ownerCalls();
        if (n instanceof CallableDeclaration<?> callable) {
          all.add(callable);
          ownerCalls = new ArrayList<>();
          calls.put(callable, ownerCalls);
        } else if (n instanceof MethodCallExpr call && ownerCalls != null) {
          ownerCalls.add(call);
        }
        List<Node> children = n.getChildNodes();
        for (int i = children.size() - 1; i >= 0; i--) {
          stack.push(new Visit(children.get(i), ownerCalls));
        }
      }
    }
    return new Callables(all, calls);
  }

  /** Every method and constructor, in file order and, within a file, in tree order. */
  public List<CallableDeclaration<?>> all() {
    return all;
  }

  /**
   * The calls a callable makes itself, in tree order: those inside it but not inside a method or
   * constructor of a local or anonymous class within it (those have their own entry). Calls in
   * lambdas are included.
   */
  public List<MethodCallExpr> callsOf(CallableDeclaration<?> callable) {
    List<MethodCallExpr> own = calls.get(callable);
    return own == null ? List.of() : Collections.unmodifiableList(own);
  }
}
