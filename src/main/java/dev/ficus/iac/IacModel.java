package dev.ficus.iac;

import dev.ficus.model.IacResource;
import dev.ficus.model.LambdaFunction;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the repository's infrastructure code declares: the Lambda functions with their handlers,
 * environment and triggers, the resources they may use, and the template parameters. It tells
 * the route stage which classes are entry points and which paths a function serves.
 *
 * @param parameters template parameters by name, with their default value or {@code null}
 * @param files the IaC files that were read, relative to the repository root, sorted
 */
public record IacModel(
    List<LambdaFunction> functions,
    List<IacResource> resources,
    Map<String, String> parameters,
    List<String> files) {

  public IacModel {
    functions = functions.stream().sorted(Comparator.comparing(LambdaFunction::logicalId)).toList();
    resources = resources.stream().sorted(Comparator.comparing(IacResource::logicalId)).toList();
    parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    files = files.stream().sorted().toList();
  }

  public static IacModel empty() {
    return new IacModel(List.of(), List.of(), Map.of(), List.of());
  }

  /** Functions whose handler names this class (any method of it). */
  public List<LambdaFunction> functionsForClass(String qualifiedClassName) {
    return functions.stream().filter(f -> qualifiedClassName.equals(f.handlerClass())).toList();
  }

  /** The function with this logical id; empty for null or an unknown id. */
  public Optional<LambdaFunction> function(String logicalId) {
    return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
  }

  public Optional<IacResource> resource(String logicalId) {
    return resources.stream().filter(r -> r.logicalId().equals(logicalId)).findFirst();
  }
}
