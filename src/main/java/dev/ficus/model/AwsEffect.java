package dev.ficus.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One AWS SDK call a route can reach, with the IAM actions it needs and the resource it needs
 * them on: the unit from which least-privilege policies are built.
 *
 * @param service the SDK service module, e.g. {@code dynamodb}
 * @param operation the API operation, e.g. {@code PutItem}
 * @param iamActions the actions IAM checks for it, sorted
 * @param callChain from the handler to the SDK call, the last frame being the call itself
 */
public record AwsEffect(
    String service,
    String operation,
    List<String> iamActions,
    ResourceRef resource,
    List<CallFrame> callChain)
    implements Comparable<AwsEffect> {

  private static final Comparator<AwsEffect> ORDER =
      Comparator.comparing(AwsEffect::service)
          .thenComparing(AwsEffect::operation)
          .thenComparing(e -> e.resource().arn())
          .thenComparing(e -> e.callSite().toString())
          .thenComparing(e -> String.join(",", e.iamActions()));

  public AwsEffect {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(resource, "resource");
    iamActions = iamActions.stream().distinct().sorted().toList();
    callChain = List.copyOf(callChain);
    if (callChain.isEmpty()) {
      throw new IllegalArgumentException("an effect needs at least its call site");
    }
  }

  /** Where the SDK call itself is. */
  public SourceRef callSite() {
    return callChain.get(callChain.size() - 1).source();
  }

  /**
   * Orders by service, operation, resource, call site and actions. Two effects that differ only in
   * the chain that reaches the call compare equal, so a sorted set keeps one effect per call, per
   * resource and per action set (one call can need different actions on one resource: a presigned
   * URL, a transaction).
   */
  @Override
  public int compareTo(AwsEffect other) {
    return ORDER.compare(this, other);
  }
}
