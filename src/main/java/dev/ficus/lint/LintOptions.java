package dev.ficus.lint;

/**
 * Thresholds of the rules that count things, so a team can tune them to its own idea of "many"
 * (docs/rules/lambda-monolith.md explains the defaults).
 *
 * @param monolithRoutes a function serving at least this many routes is a monolith
 * @param monolithResources a function reaching at least this many distinct resources, of at least
 *     two services, is a monolith even with few routes
 */
public record LintOptions(int monolithRoutes, int monolithResources) {

  public static final int DEFAULT_MONOLITH_ROUTES = 5;
  public static final int DEFAULT_MONOLITH_RESOURCES = 6;

  public LintOptions {
    if (monolithRoutes < 2 || monolithResources < 2) {
      throw new IllegalArgumentException("monolith thresholds must be at least 2");
    }
  }

  public static LintOptions defaults() {
    return new LintOptions(DEFAULT_MONOLITH_ROUTES, DEFAULT_MONOLITH_RESOURCES);
  }
}
