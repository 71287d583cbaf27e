package dev.ficus.model;

import java.util.List;
import java.util.Objects;

/**
 * The function one route becomes: its name in the generated template, what it runs, what it may
 * do and the configuration it needs.
 *
 * @param name a CloudFormation logical id (letters and digits), unique within the plan
 * @param route the route's id, {@code GET /orders/{id}}
 * @param handler {@code fully.qualified.Class#method} that serves the route today
 * @param monolith logical id of the function that serves the route today, or null when unknown
 * @param policy least-privilege statements, one per resource ARN, sorted by resource
 * @param environment the monolith's environment variables this function still needs
 * @param permissions how much smaller its permissions are than the monolith's
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
    Permissions permissions) {

  public PlannedFunction {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(permissions, "permissions");
    policy = List.copyOf(policy);
    environment = List.copyOf(environment);
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
