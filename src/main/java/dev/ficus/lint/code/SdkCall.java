package dev.ficus.lint.code;

import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Locale;
import java.util.Set;

/**
 * One call on an AWS SDK client found in the syntax tree, v1 or v2, sync or async.
 *
 * @param clientType the client's fully qualified type as declared
 * @param service the SDK service, e.g. {@code dynamodb}, {@code s3}, {@code lambda}
 * @param operation the method called, without v1's {@code Async} suffix: {@code getItem}
 * @param async true when the client returns a future instead of waiting
 */
public record SdkCall(
    MethodCallExpr call, String clientType, String service, String operation, boolean async) {

  private static final String[] READ_PREFIXES = {
    "get", "list", "describe", "query", "scan", "head", "batchget", "select", "load", "count",
    "doesobjectexist", "doesbucketexist", "waituntil", "transactget", "lookup", "search", "check",
    "receive"
  };

  private static final Set<String> UNDO_PREFIXES =
      Set.of("delete", "cancel", "stop", "terminate", "remove", "revoke", "deregister", "disable");

  /** True when the caller waits for the answer: a sync client, or an async one joined at once. */
  public boolean blocking() {
    if (!async) {
      return true;
    }
    return call.getParentNode()
        .filter(p -> p instanceof MethodCallExpr m && m.getScope().filter(s -> s == call).isPresent())
        .map(p -> ((MethodCallExpr) p).getNameAsString())
        .filter(n -> n.equals("join") || n.equals("get"))
        .isPresent();
  }

  /** An operation with no side effect on the resource: safe to run in any order. */
  public boolean isRead() {
    String op = operation.toLowerCase(Locale.ROOT);
    for (String p : READ_PREFIXES) {
      if (op.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  public boolean isWrite() {
    return !isRead();
  }

  /** A write that takes back an earlier one (delete, cancel, stop), the shape of compensation. */
  public boolean isUndo() {
    String op = operation.toLowerCase(Locale.ROOT);
    return UNDO_PREFIXES.stream().anyMatch(op::startsWith);
  }

  /** How messages show the call: {@code dynamoDb.getItem(..)}. */
  public String text() {
    String scope = call.getScope().map(Object::toString).orElse("");
    if (scope.length() > 40) {
      scope = scope.substring(0, 37) + "...";
    }
    return (scope.isEmpty() ? "" : scope + ".") + call.getNameAsString() + "(..)";
  }

  public int line() {
    return call.getBegin().map(p -> p.line).orElse(0);
  }
}
