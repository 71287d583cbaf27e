package dev.ficus.model;

import java.util.List;
import java.util.Objects;

/**
 * The function one route becomes, or a function an event source triggers that moves into the
 * decomposed project as it is: its name in the generated template, what it runs, what it may do
 * and the configuration it needs.
 *
 * <p>An event function (an S3-, SQS-, SNS-, stream- or schedule-triggered function of the same
 * repository) is already single-purpose, so it is carried over whole rather than cut: it keeps
 * its handler and its triggers, and gets a policy of its own. It is told apart by its {@link
 * #triggers()}, which route functions do not have (their API event is their route).
 *
 * @param name a CloudFormation logical id (letters and digits), unique within the plan
 * @param route the route's id, {@code GET /orders/{id}}; for an event function, the logical id of
 *     the IaC function it comes from, which is how phases and plan files name it
 * @param method the route's HTTP method; null for an event function
 * @param path the route's path; null for an event function
 * @param handler {@code fully.qualified.Class#method} that serves the route today; for an event
 *     function, the handler as its IaC names it ({@code com.acme.Worker::handleRequest})
 * @param monolith logical id of the function that serves the route today, or null when unknown;
 *     for an event function, the function itself
 * @param policy least-privilege statements, one per resource ARN, sorted by resource
 * @param environment the monolith's environment variables this function still needs
 * @param permissions how much smaller its permissions are than the monolith's; an event function
 *     is measured against its own needs, as it is not split
 * @param triggers an event function's non-API event sources as the IaC declares them, sorted;
 *     empty for a route's function
 */
public record PlannedFunction(
    String name,
    String route,
    String method,
    String path,
    String handler,
    String monolith,
    List<PolicyStatement> policy,
    List<EnvBinding> environment,
    Permissions permissions,
    List<Trigger> triggers) {

  public PlannedFunction {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(permissions, "permissions");
    policy = List.copyOf(policy);
    environment = List.copyOf(environment);
    triggers = triggers == null ? List.of() : List.copyOf(triggers);
  }

  /** The function of one route, as plans had it before event functions. */
  public PlannedFunction(
      String name,
      String route,
      String method,
      String path,
      String handler,
      String monolith,
      List<PolicyStatement> policy,
      List<EnvBinding> environment,
      Permissions permissions) {
    this(name, route, method, path, handler, monolith, policy, environment, permissions, List.of());
  }

  /** True for a function an event source triggers, false for a route's function. */
  public boolean isEvent() {
    return !triggers.isEmpty();
  }

  /**
   * What people read for the function in tables and diagrams: the route id, or for an event
   * function its triggers ({@code S3 MediaBucket}, {@code Schedule rate(5 minutes)}).
   */
  public String label() {
    if (!isEvent()) {
      return route;
    }
    return String.join(
        ", ",
        triggers.stream()
            .map(t -> t.kind() + " " + (t.target() != null ? t.target()
                : t.properties().getOrDefault("Schedule", t.name())))
            .toList());
  }

  /**
   * The count of IAM actions and resources a function holds beside those of the monolith it
   * leaves, the measure of the least-privilege gain.
   */
  public record Permissions(int actions, int resources, int monolithActions, int monolithResources) {

    /** 1 - actions / monolithActions; 0 when the monolith needs none. */
    public double actionReduction() {
      return monolithActions == 0 ? 0 : 1 - (double) actions / monolithActions;
    }

    /** 1 - resources / monolithResources; 0 when the monolith names none. */
    public double resourceReduction() {
      return monolithResources == 0 ? 0 : 1 - (double) resources / monolithResources;
    }
  }
}
