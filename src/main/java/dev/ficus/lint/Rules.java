package dev.ficus.lint;

import dev.ficus.lint.rules.LambdaCallsLambda;
import dev.ficus.lint.rules.LambdaMonolith;
import dev.ficus.lint.rules.LambdaOrchestrator;
import dev.ficus.lint.rules.RecursiveInvocation;
import dev.ficus.lint.rules.SequentialWaits;
import java.util.List;
import java.util.Optional;

/**
 * The built-in rules as an explicit list, reviewed like code (Error Prone's
 * BuiltInCheckerSuppliers): adding a rule is one class, its docs page, its tests and a line here.
 */
public final class Rules {

  private Rules() {}

  public static List<Rule> builtIn() {
    return List.of(
        new LambdaMonolith(),
        new LambdaOrchestrator(),
        new RecursiveInvocation(),
        new LambdaCallsLambda(),
        new SequentialWaits());
  }

  public static Optional<Rule> byId(String id) {
    return builtIn().stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
