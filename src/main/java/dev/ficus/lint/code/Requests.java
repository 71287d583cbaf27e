package dev.ficus.lint.code;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a property of an SDK request as the code sets it, in the three shapes the SDKs allow: a
 * v2 builder ({@code .key(k)}, also in a consumer lambda), a v1 fluent setter ({@code
 * .withKey(k)}) and a v1 setter on a request variable ({@code req.setKey(k)}).
 */
public final class Requests {

  private Requests() {}

  /** The values given to {@code property} for the request(s) passed to {@code call}. */
  public static List<Expression> property(MethodCallExpr call, String property) {
    String cap = property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
    List<String> names = List.of(property, "with" + cap, "set" + cap);
    List<Expression> values = new ArrayList<>();
    List<Node> roots = new ArrayList<>(call.getArguments());
    call.getScope().ifPresent(roots::add);
    List<String> variables = new ArrayList<>();
    for (Expression arg : call.getArguments()) {
      if (arg instanceof NameExpr n) {
        variables.add(n.getNameAsString());
        Declarations.of(n).ifPresent(d -> roots.addAll(Declarations.assignments(d)));
      }
    }
    for (Node root : roots) {
      collect(root, names, values);
    }
    // req.setKey(k) / req.withKey(k) statements on a request variable in the same method.
    Node method = call;
    while (method != null && !(method instanceof CallableDeclaration<?>)) {
      method = method.getParentNode().orElse(null);
    }
    if (method != null && !variables.isEmpty()) {
      for (MethodCallExpr m : method.findAll(MethodCallExpr.class)) {
        if (names.contains(m.getNameAsString())
            && m.getArguments().size() == 1
            && m.getScope().filter(s -> s instanceof NameExpr n && variables.contains(n.getNameAsString())).isPresent()
            && !values.contains(m.getArgument(0))) {
          values.add(m.getArgument(0));
        }
      }
    }
    return values;
  }

  private static void collect(Node root, List<String> names, List<Expression> values) {
    List<MethodCallExpr> calls = new ArrayList<>(root.findAll(MethodCallExpr.class));
    for (MethodCallExpr m : calls) {
      if (names.contains(m.getNameAsString()) && m.getArguments().size() == 1 && !values.contains(m.getArgument(0))) {
        values.add(m.getArgument(0));
      }
    }
  }
}
