package dev.ficus.plan;

import dev.ficus.cluster.DataAccess;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.Diagnostic;
import dev.ficus.model.EnvBinding;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.PlannedFunction.Permissions;
import dev.ficus.model.PolicyStatement;
import dev.ficus.model.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one extracted function may do and what it must be told: its least-privilege policy, built
 * from the route's effects only, and the environment variables of its monolith that name the
 * resources it uses.
 */
public final class Policies {

  private Policies() {}

  /**
   * One statement per resource ARN with the actions the route's effects need on it. Actions
   * containing {@code *} are never granted (a diagnostic says so); a {@code *} resource keeps the
   * reason the analysis gave.
   */
  public static List<PolicyStatement> of(Route route, List<Diagnostic> diagnostics) {
    return of("Route " + route.id(), route.effects(), diagnostics);
  }

  /**
   * The same for any code's effects ({@code subject} names it in diagnostics): an event function's
   * handler and initialization effects together.
   */
  public static List<PolicyStatement> of(
      String subject, List<AwsEffect> effects, List<Diagnostic> diagnostics) {
    Map<String, Set<String>> actions = new TreeMap<>();
    Map<String, Set<String>> reasons = new TreeMap<>();
    for (AwsEffect effect : effects) {
      String arn = effect.resource().arn();
      for (String action : effect.iamActions()) {
        if (action.contains("*")) {
          diagnostics.add(
              Diagnostic.warning(
                  "wildcard-action",
                  subject + " would need the action " + action
                      + "; ficus never grants a wildcard action, add the exact actions by hand.",
                  effect.callSite()));
          continue;
        }
        actions.computeIfAbsent(arn, k -> new TreeSet<>()).add(action);
      }
      if (effect.resource().isWildcard() && actions.containsKey(arn)) {
        String reason = effect.resource().reason();
        if (reason == null || reason.isBlank()) {
          reason =
              "none".equals(effect.resource().resolution())
                  ? "the action " + effect.service() + ":" + effect.operation() + " has no resource type"
                  : "the analysis could not resolve the resource of " + effect.operation();
        }
        reasons.computeIfAbsent(arn, k -> new TreeSet<>()).add(reason);
      }
    }
    List<PolicyStatement> statements = new ArrayList<>();
    actions.forEach(
        (arn, acts) -> {
          Set<String> why = reasons.get(arn);
          statements.add(
              new PolicyStatement(arn, List.copyOf(acts), why == null ? null : String.join("; ", why)));
        });
    return statements;
  }

  /**
   * The monolith's environment variables whose value names a resource the route uses: the
   * binding's value or physical name equals the effect's resource name or the last part of its
   * ARN, or the binding names the resource whose logical id the effect's placeholder ({@code
   * ${OrdersTable}}) carries. Variables that name nothing the route uses (a log level) are left
   * out.
   */
  public static List<EnvBinding> environment(Route route, LambdaFunction monolith) {
    return environment(route.effects(), monolith);
  }

  /**
   * The same for any code's effects. An S3 object's bucket counts as used: code names the bucket
   * ({@code MEDIA_BUCKET}) and builds the key itself.
   */
  public static List<EnvBinding> environment(List<AwsEffect> effects, LambdaFunction monolith) {
    if (monolith == null) {
      return List.of();
    }
    Set<String> used = new HashSet<>();
    for (AwsEffect effect : effects) {
      if (effect.resource().name() != null) {
        used.add(effect.resource().name());
      }
      if (!effect.resource().isWildcard()) {
        used.add(lastPart(effect.resource().arn()));
        String key = DataAccess.resourceKey(effect.resource().arn());
        if (key.contains(":s3:::")) {
          used.add(key.substring(key.indexOf(":s3:::") + ":s3:::".length()));
        }
      }
    }
    used.remove("");
    used.remove("*");
    // A resource the stack names without a physical name is known by its logical id: ${OrdersTable}.
    for (String name : List.copyOf(used)) {
      if (name.startsWith("${") && name.endsWith("}") && name.indexOf('}') == name.length() - 1) {
        used.add(name.substring(2, name.length() - 1));
      }
    }
    return monolith.environment().stream()
        .filter(b -> used.contains(b.value()) || (b.physicalName() != null && used.contains(b.physicalName())))
        .toList();
  }

  private static String lastPart(String arn) {
    return DataAccess.lastPart(arn.endsWith("/*") ? arn.substring(0, arn.length() - 2) : arn);
  }

  /** The distinct actions and resources of a set of policies: a monolith's permissions. */
  public record Totals(Set<String> actions, Set<String> resources) {
    public static Totals of(Collection<List<PolicyStatement>> policies) {
      Set<String> actions = new TreeSet<>();
      Set<String> resources = new TreeSet<>();
      for (List<PolicyStatement> policy : policies) {
        policy.forEach(
            s -> {
              actions.addAll(s.actions());
              resources.add(s.resource());
            });
      }
      return new Totals(actions, resources);
    }
  }

  /** The function's count of actions and resources beside those of all its monolith's routes. */
  public static Permissions permissions(List<PolicyStatement> own, Totals monolith) {
    Set<String> actions = new TreeSet<>();
    own.forEach(s -> actions.addAll(s.actions()));
    return new Permissions(
        actions.size(), own.size(), monolith.actions().size(), monolith.resources().size());
  }
}
