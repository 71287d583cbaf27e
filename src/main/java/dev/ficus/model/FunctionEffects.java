package dev.ficus.model;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a Lambda function's code can do as a whole: the role it needs today, before it is split.
 * Handler effects are everything reachable from the function's handler method (for a lambdalith,
 * the union of its routes); init effects run once per cold start (static initializers, field
 * initializers and constructors of the handler class and what they create).
 */
public record FunctionEffects(String logicalId, List<AwsEffect> effects, List<AwsEffect> initEffects) {

  public FunctionEffects {
    Objects.requireNonNull(logicalId, "logicalId");
    effects = effects.stream().distinct().sorted().toList();
    initEffects = initEffects.stream().distinct().sorted().toList();
  }

  /** Sorted, unique actions of handler and init effects together. */
  public List<String> iamActions() {
    TreeSet<String> actions = new TreeSet<>();
    effects.forEach(e -> actions.addAll(e.iamActions()));
    initEffects.forEach(e -> actions.addAll(e.iamActions()));
    return List.copyOf(actions);
  }
}
