package dev.ficus.model;

import java.util.List;

/**
 * Everything {@code ficus analyze} learned about a repository; the input of planning and of every
 * report. All lists are sorted so that the same repository always gives the same report.
 *
 * @param classes the repository's top-level and nested classes that some route reaches, with sizes
 * @param functionEffects what each function's code can do as a whole, by function, sorted by id
 * @param resources the resources the IaC declares (tables, buckets, queues), sorted by logical id:
 *     what a scaffolded stack takes as parameters instead of creating anew
 * @param sources the repository's Java files with what each depends on, sorted by path: what a
 *     scaffolded module copies
 * @param code each route's code cut out of the monolith, sorted by route: what a scaffolded
 *     handler runs
 */
public record Analysis(
    List<Route> routes,
    List<LambdaFunction> functions,
    List<Finding> findings,
    List<Diagnostic> diagnostics,
    List<ClassInfo> classes,
    List<FunctionEffects> functionEffects,
    List<IacResource> resources,
    List<SourceFile> sources,
    List<RouteCode> code) {

  /** Version of the JSON report's schema; bump on a breaking change (docs/report-format.md). */
  public static final int SCHEMA_VERSION = 1;

  public Analysis {
    routes = routes.stream().sorted().toList();
    functions =
        functions.stream()
            .sorted(java.util.Comparator.comparing(LambdaFunction::logicalId))
            .toList();
    findings = findings.stream().sorted().toList();
    diagnostics = diagnostics.stream().distinct().sorted().toList();
    classes = classes.stream().distinct().sorted().toList();
    functionEffects =
        functionEffects.stream()
            .sorted(java.util.Comparator.comparing(FunctionEffects::logicalId))
            .toList();
    resources =
        resources.stream()
            .sorted(java.util.Comparator.comparing(IacResource::logicalId))
            .toList();
    sources = sources.stream().distinct().sorted().toList();
    code = code.stream().distinct().sorted().toList();
  }

  public Analysis(
      List<Route> routes,
      List<LambdaFunction> functions,
      List<Finding> findings,
      List<Diagnostic> diagnostics,
      List<ClassInfo> classes,
      List<FunctionEffects> functionEffects,
      List<IacResource> resources,
      List<SourceFile> sources) {
    this(routes, functions, findings, diagnostics, classes, functionEffects, resources, sources,
        List.of());
  }

  public Analysis(
      List<Route> routes,
      List<LambdaFunction> functions,
      List<Finding> findings,
      List<Diagnostic> diagnostics,
      List<ClassInfo> classes,
      List<FunctionEffects> functionEffects) {
    this(routes, functions, findings, diagnostics, classes, functionEffects, List.of(), List.of());
  }

  public Analysis(
      List<Route> routes,
      List<LambdaFunction> functions,
      List<Finding> findings,
      List<Diagnostic> diagnostics,
      List<ClassInfo> classes) {
    this(routes, functions, findings, diagnostics, classes, List.of(), List.of(), List.of());
  }

  /** The code cut out for a route, when the analysis could cut it. */
  public java.util.Optional<RouteCode> codeOf(Route route) {
    return code.stream().filter(c -> c.serves(route)).findFirst();
  }

  /** The effects of one function, when the analysis could follow its handler. */
  public java.util.Optional<FunctionEffects> effectsOf(String logicalId) {
    return functionEffects.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
  }

  /** The same analysis with other findings (after a baseline or suppressions). */
  public Analysis withFindings(List<Finding> newFindings) {
    return new Analysis(
        routes, functions, newFindings, diagnostics, classes, functionEffects, resources, sources,
        code);
  }

  public Analysis(
      List<Route> routes,
      List<LambdaFunction> functions,
      List<Finding> findings,
      List<Diagnostic> diagnostics) {
    this(routes, functions, findings, diagnostics, List.of(), List.of(), List.of(), List.of());
  }
}
