package dev.ficus.lint.code;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.ficus.workspace.JavaSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The methods and constructors of a set of files and the calls each makes itself, from the nodes
 * the workspace collected for each file in its parse. Every rule that reads code starts from
 * these; walking the trees once per rule, and each method's subtree again per question, was most
 * of the lint stage's cost.
 */
public final class Callables {

  private final List<CallableDeclaration<?>> all;
  /** Keyed by identity: JavaParser's {@code Node.equals} compares whole subtrees. */
  private final Map<CallableDeclaration<?>, List<MethodCallExpr>> calls;

  private Callables(List<CallableDeclaration<?>> all, Map<CallableDeclaration<?>, List<MethodCallExpr>> calls) {
    this.all = Collections.unmodifiableList(all);
    this.calls = calls;
  }

  /**
   * From the callables and calls the workspace collected for each file in its parse, in tree
   * order; each call goes to the nearest callable above it.
   */
  public static Callables of(List<JavaSource> sources) {
    List<CallableDeclaration<?>> all = new ArrayList<>();
    Map<CallableDeclaration<?>, List<MethodCallExpr>> calls = new IdentityHashMap<>();
    for (JavaSource source : sources) {
      for (CallableDeclaration<?> callable : source.nodes().callables()) {
        all.add(callable);
        calls.put(callable, new ArrayList<>());
      }
      for (MethodCallExpr call : source.nodes().calls()) {
        for (Node n = call.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
          if (n instanceof CallableDeclaration<?> owner) {
            calls.get(owner).add(call);
            break;
          }
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
