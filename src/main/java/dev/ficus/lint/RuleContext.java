package dev.ficus.lint;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.ficus.iac.IacModel;
import dev.ficus.lint.code.Bodies;
import dev.ficus.lint.code.CodeFacts;
import dev.ficus.lint.code.SdkCall;
import dev.ficus.lint.code.SdkCalls;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.CallFrame;
import dev.ficus.model.Diagnostics;
import dev.ficus.model.Finding;
import dev.ficus.model.Severity;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Route;
import dev.ficus.model.SourceRef;
import dev.ficus.workspace.Workspace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * What a rule may look at: the parsed workspace (rules that need loops and data flow read the
 * syntax tree, see docs/adr/0002), the IaC, the routes with their effects, and the effects of
 * every function, including the ones no route reaches (a bucket-triggered function).
 *
 * <p>A class rather than a record because it also keeps what every rule would otherwise work out
 * again: the workspace's callables and the SDK calls found in them ({@link CodeFacts}, which the
 * analysis works out ahead on its second thread). One context serves one lint run on one thread.
 */
public final class RuleContext {

  private final Workspace workspace;
  private final IacModel iac;
  private final List<Route> routes;
  private final Map<String, List<AwsEffect>> effectsByFunction;
  private final LintOptions options;
  private final Diagnostics diagnostics;
  private final Supplier<CodeFacts> factsSource;
  private CodeFacts facts;

  /**
   * @param effectsByFunction AWS effects reachable from each function's handler, by logical id; a
   *     function with no entry has no known effects
   */
  public RuleContext(
      Workspace workspace,
      IacModel iac,
      List<Route> routes,
      Map<String, List<AwsEffect>> effectsByFunction,
      LintOptions options,
      Diagnostics diagnostics) {
    this(workspace, iac, routes, effectsByFunction, options, diagnostics, () -> CodeFacts.lazy(workspace));
  }

  /**
   * @param facts what the rules read about the code, worked out ahead (see {@link CodeFacts});
   *     asked once, on the first rule's first question
   */
  public RuleContext(
      Workspace workspace,
      IacModel iac,
      List<Route> routes,
      Map<String, List<AwsEffect>> effectsByFunction,
      LintOptions options,
      Diagnostics diagnostics,
      Supplier<CodeFacts> facts) {
    this.workspace = workspace;
    this.iac = iac;
    this.routes = List.copyOf(routes);
    TreeMap<String, List<AwsEffect>> copy = new TreeMap<>();
    effectsByFunction.forEach((k, v) -> copy.put(k, v.stream().sorted().toList()));
    this.effectsByFunction = Collections.unmodifiableMap(copy);
    this.options = options;
    this.diagnostics = diagnostics;
    this.factsSource = facts;
  }

  public Workspace workspace() {
    return workspace;
  }

  public IacModel iac() {
    return iac;
  }

  public List<Route> routes() {
    return routes;
  }

  public Map<String, List<AwsEffect>> effectsByFunction() {
    return effectsByFunction;
  }

  public LintOptions options() {
    return options;
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }

  /**
   * The SDK call recognizer every rule shares, so a call is classified once per run however many
   * rules ask about it.
   */
  public SdkCalls sdkCalls() {
    return facts().sdkCalls();
  }

  public List<LambdaFunction> functions() {
    return iac.functions();
  }

  public Optional<LambdaFunction> function(String logicalId) {
    return functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
  }

  /** The effects of one function: its own entry, else the union of its routes' effects. */
  public List<AwsEffect> effectsOf(String functionId) {
    List<AwsEffect> own = effectsByFunction.get(functionId);
    if (own != null) {
      return own;
    }
    return routes.stream()
        .filter(r -> functionId.equals(r.function()))
        .flatMap(r -> r.effects().stream())
        .distinct()
        .sorted()
        .toList();
  }

  public List<Route> routesOf(String functionId) {
    return routes.stream().filter(r -> functionId.equals(r.function())).toList();
  }

  /** {@code fully.qualified.Class#method} of the method or constructor that holds a node. */
  public static Optional<String> methodKey(Node node) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof CallableDeclaration<?> callable) {
        return enclosingType(callable)
            .flatMap(TypeDeclaration::getFullyQualifiedName)
            .map(
                t ->
                    t
                        + "#"
                        + (callable.isConstructorDeclaration() ? "<init>" : callable.getNameAsString()));
      }
    }
    return Optional.empty();
  }

  /** How findings name a method or constructor: {@code Class#method}, else its bare name. */
  public static String displayName(CallableDeclaration<?> method) {
    return methodKey(method).map(RuleContext::shortName).orElse(method.getNameAsString());
  }

  /** {@code Class#method} without the package: how messages name code. */
  public static String shortName(String methodKey) {
    int hash = methodKey.indexOf('#');
    String type = hash < 0 ? methodKey : methodKey.substring(0, hash);
    String simple = type.substring(type.lastIndexOf('.') + 1);
    return hash < 0 ? simple : simple + methodKey.substring(hash);
  }

  private static Optional<TypeDeclaration<?>> enclosingType(Node node) {
    for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> t) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * Which function and route code in this method belongs to: routes whose handler is the method or
   * whose effects pass through it, functions whose handler class declares it; with one function in
   * the IaC, everything belongs to it. A value is given only when it is unique.
   */
  public Owner ownerOf(String methodKey) {
    TreeSet<String> routeIds = new TreeSet<>();
    TreeSet<String> functionIds = new TreeSet<>();
    for (Route r : routes) {
      boolean passes =
          withoutParameters(r.handler()).equals(methodKey)
              || r.effects().stream().anyMatch(e -> passesThrough(e, methodKey));
      if (passes) {
        routeIds.add(r.id());
        if (r.function() != null) {
          functionIds.add(r.function());
        }
      }
    }
    String type = methodKey.contains("#") ? methodKey.substring(0, methodKey.indexOf('#')) : methodKey;
    for (LambdaFunction f : functions()) {
      if (type.equals(f.handlerClass())) {
        functionIds.add(f.logicalId());
      }
    }
    effectsByFunction.forEach(
        (fn, effects) -> {
          if (effects.stream().anyMatch(e -> passesThrough(e, methodKey))) {
            functionIds.add(fn);
          }
        });
    if (functionIds.isEmpty() && functions().size() == 1) {
      functionIds.add(functions().get(0).logicalId());
    }
    return new Owner(
        functionIds.size() == 1 ? functionIds.first() : null,
        routeIds.size() == 1 ? routeIds.first() : null);
  }

  /** The function and route a finding is about; either may be null. */
  public record Owner(String function, String route) {}

  private static boolean passesThrough(AwsEffect effect, String methodKey) {
    for (CallFrame frame : effect.callChain()) {
      if (withoutParameters(frame.method()).equals(methodKey)) {
        return true;
      }
    }
    return false;
  }

  /** A finding located at a node, attributed to the function and route that code belongs to. */
  public Finding findingAt(Rule rule, Node node, Severity severity, String message) {
    SourceRef ref = workspace.ref(node);
    Owner owner = methodKey(node).map(this::ownerOf).orElse(new Owner(null, null));
    return new Finding(rule.id(), severity, message, ref, owner.function(), owner.route(), rule.advice());
  }

  /**
   * Every method and constructor of the workspace, in file order: found once, on the first
   * request, since every rule that reads code starts from this list.
   */
  public List<CallableDeclaration<?>> callables() {
    return facts().callables();
  }

  /**
   * The calls a method or constructor makes itself, in tree order: not those of a local or
   * anonymous class's methods within it, which are callables of their own; those in lambdas are
   * included.
   */
  public List<MethodCallExpr> callsOf(CallableDeclaration<?> callable) {
    return facts().callsOf(callable);
  }

  /**
   * The SDK calls that run as part of a method or constructor itself, in source order: not in a
   * lambda or an anonymous or local class within it ({@link Bodies#runsIn}), worked out once.
   */
  public List<SdkCall> ownSdkCalls(CallableDeclaration<?> callable) {
    return facts().ownSdkCalls(callable);
  }

  private CodeFacts facts() {
    if (facts == null) {
      facts = factsSource.get();
    }
    return facts;
  }

  /** {@code a.B#m(String)} and {@code a.B#m} name the same method for attribution. */
  private static String withoutParameters(String method) {
    int paren = method.indexOf('(');
    return paren < 0 ? method : method.substring(0, paren);
  }

  /** The effects whose SDK call is at this place, for naming the resource a call touches. */
  public List<AwsEffect> effectsAt(SourceRef callSite) {
    List<AwsEffect> found = new ArrayList<>();
    for (Route r : routes) {
      for (AwsEffect e : r.effects()) {
        if (e.callSite().equals(callSite) && !found.contains(e)) {
          found.add(e);
        }
      }
    }
    for (List<AwsEffect> effects : effectsByFunction.values()) {
      for (AwsEffect e : effects) {
        if (e.callSite().equals(callSite) && !found.contains(e)) {
          found.add(e);
        }
      }
    }
    return found.stream().sorted().toList();
  }
}
