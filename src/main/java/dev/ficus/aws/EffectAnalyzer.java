package dev.ficus.aws;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.ficus.graph.CallGraph;
import dev.ficus.graph.TypeResolver;
import dev.ficus.iac.IacModel;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.CallFrame;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.SourceRef;
import dev.ficus.workspace.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The AWS calls a route's code can make: the SDK calls found on the call graph from the route's
 * entry code, each with the IAM actions the catalog names, the resource resolved as narrowly as the
 * code and the IaC allow, and the shortest call chain from the handler to the call. A resource
 * that cannot be resolved is {@code "*"} with a reason and a warning at the call, never a silent
 * wildcard.
 */
public final class EffectAnalyzer {

  private final Workspace workspace;
  private final SdkCatalog catalog;
  private final CallGraph graph;
  private final TypeResolver types;
  private final Resources resources;
  private final SpringDataRepositories repositories;
  private final Map<MethodCallExpr, List<SdkCall>> repositoryCalls = new IdentityHashMap<>();
  private final Map<MethodCallExpr, Optional<SdkCall>> recognized = new IdentityHashMap<>();
  private final Map<MethodCallExpr, Map<String, List<Resources.Grant>>> resolved = new IdentityHashMap<>();

  /** An SDK call site: the client, the catalog operation, and the call expression. */
  record SdkCall(SdkCatalog.Client client, String operation, MethodCallExpr call) {}

  public EffectAnalyzer(Workspace workspace, IacModel iac, SdkCatalog catalog, CallGraph graph) {
    this.workspace = workspace;
    this.catalog = catalog;
    this.graph = graph;
    // A graph built by graphOf has typed every expression knowing the SDK already.
    this.types = graph.types().external() instanceof SdkTypes sdk && sdk.catalog() == catalog
        ? graph.types()
        : new TypeResolver(workspace, new SdkTypes(catalog));
    this.repositories = new SpringDataRepositories(workspace, types);
    this.resources = new Resources(workspace, catalog, types, new ValueResolver(types, graph, new ConfigProperties(workspace), iac, catalog), graph, repositories);
  }

  /**
   * The call graph of a workspace typed as this stage types code (knowing what SDK factories
   * return), so an analyzer built on it shares the graph's types instead of working them out again.
   */
  public static CallGraph graphOf(Workspace workspace, SdkCatalog catalog) {
    return CallGraph.build(workspace, new SdkTypes(catalog));
  }

  /**
   * Effects reachable from the entry code of a route; the handler string starts every call chain.
   *
   * @param functionOrNull the function serving the route, whose environment resolves {@code
   *     System.getenv}; null when unknown
   */
  public List<AwsEffect> effectsOf(String handler, List<Node> entryCode, LambdaFunction functionOrNull) {
    CallGraph.Calls calls = graph.callsIn(entryCode);
    List<Path> direct = new ArrayList<>();
    for (CallGraph.ExternalCall ext : calls.external()) {
      direct.add(new Path(List.of(new CallFrame(handler, ext.site())), ext));
    }
    Map<String, CallGraph.Step> tree = graph.reachableFrom(calls.targets());
    Map<String, Reach> reach = new TreeMap<>();
    int order = 0;
    for (Map.Entry<String, CallGraph.Step> e : tree.entrySet()) {
      reach.put(e.getKey(), new Reach(null, e.getValue().depth(), order++));
    }
    return collect(direct, reach, (vertex, r) -> chainIn(handler, tree, vertex), functionOrNull);
  }

  /** Frames from the handler through the entry call down to (not including) {@code vertex}. */
  private static List<CallFrame> chainIn(String handler, Map<String, CallGraph.Step> tree, String vertex) {
    List<String> vertices = new ArrayList<>();
    List<SourceRef> sites = new ArrayList<>();
    SourceRef entrySite = null;
    for (String v = vertex; v != null; ) {
      vertices.add(0, v);
      CallGraph.Step step = tree.get(v);
      if (step.parent() == null) {
        entrySite = step.site();
        break;
      }
      sites.add(0, step.site());
      v = step.parent();
    }
    List<CallFrame> frames = new ArrayList<>();
    frames.add(new CallFrame(handler, entrySite));
    for (int i = 0; i < vertices.size() - 1; i++) {
      frames.add(new CallFrame(CallGraph.displayName(vertices.get(i)), sites.get(i)));
    }
    return frames;
  }

  /**
   * Effects of code that runs once per cold start for a handler class: static initializers,
   * field initializers, constructors. Chains start at the initializer or constructor.
   */
  public List<AwsEffect> initEffectsOf(String handlerClassFqn, LambdaFunction functionOrNull) {
    Map<String, Reach> reach = new TreeMap<>();
    int order = 0;
    for (String init : graph.initVerticesOf(handlerClassFqn)) {
      CallGraph.Target start = new CallGraph.Target(init, null);
      for (Map.Entry<String, CallGraph.Step> e : graph.reachableFrom(init, false).entrySet()) {
        int depth = e.getValue().depth();
        Reach existing = reach.get(e.getKey());
        if (existing == null || depth < existing.depth()) {
          reach.put(e.getKey(), new Reach(start, depth, order));
        }
      }
      order++;
    }
    return collect(List.of(), reach, (vertex, r) -> chain(null, r.start(), vertex), functionOrNull);
  }

  private record Reach(CallGraph.Target start, int depth, int order) {}

  /** The frames leading to a vertex, without the frame of the vertex itself. */
  private record Path(List<CallFrame> frames, CallGraph.ExternalCall call) {}

  private interface Chainer {
    List<CallFrame> framesTo(String vertex, Reach reach);
  }

  private List<CallFrame> chain(String handler, CallGraph.Target start, String vertex) {
    Map<String, CallGraph.Step> tree = graph.reachableFrom(start.vertex(), false);
    List<String> vertices = new ArrayList<>();
    List<SourceRef> sites = new ArrayList<>();
    for (String v = vertex; v != null; ) {
      vertices.add(0, v);
      CallGraph.Step step = tree.get(v);
      if (step == null || step.parent() == null) {
        break;
      }
      sites.add(0, step.site());
      v = step.parent();
    }
    List<CallFrame> frames = new ArrayList<>();
    if (handler != null) {
      frames.add(new CallFrame(handler, start.site()));
    }
    for (int i = 0; i < vertices.size() - 1; i++) {
      frames.add(new CallFrame(CallGraph.displayName(vertices.get(i)), sites.get(i)));
    }
    return frames;
  }

  private List<AwsEffect> collect(
      List<Path> direct, Map<String, Reach> reach, Chainer chainer, LambdaFunction function) {
    // Identity, not equals: JavaParser nodes compare by structure, and the same call text in two
    // classes is two calls.
    Map<MethodCallExpr, Path> paths = new IdentityHashMap<>();
    List<Path> found = new ArrayList<>();
    for (Path p : direct) {
      if (paths.putIfAbsent(p.call().call(), p) == null) {
        found.add(p);
      }
    }
    List<Map.Entry<String, Reach>> ordered = new ArrayList<>(reach.entrySet());
    ordered.sort(Comparator.comparingInt((Map.Entry<String, Reach> e) -> e.getValue().depth())
        .thenComparingInt(e -> e.getValue().order())
        .thenComparing(Map.Entry::getKey));
    for (Map.Entry<String, Reach> e : ordered) {
      List<CallGraph.ExternalCall> external = graph.externalCallsOf(e.getKey());
      if (external.isEmpty()) {
        continue;
      }
      List<CallFrame> prefix = null;
      for (CallGraph.ExternalCall ext : external) {
        if (paths.containsKey(ext.call()) || recognizeAll(ext.call()).isEmpty()) {
          continue;
        }
        if (prefix == null) {
          prefix = chainer.framesTo(e.getKey(), e.getValue());
        }
        List<CallFrame> frames = new ArrayList<>(prefix);
        frames.add(new CallFrame(CallGraph.displayName(e.getKey()), ext.site()));
        Path path = new Path(frames, ext);
        paths.put(ext.call(), path);
        found.add(path);
      }
    }
    List<AwsEffect> effects = new ArrayList<>();
    for (Path p : found) {
      for (SdkCall sdk : recognizeAll(p.call().call())) {
        for (Resources.Grant g : grantsOf(sdk, function)) {
          effects.add(new AwsEffect(sdk.client().module(), g.operation(), g.actions(), g.resource(), p.frames()));
        }
      }
    }
    return effects.stream().distinct().sorted().toList();
  }

  /**
   * The SDK calls a call stands for: the SDK call itself, or the DynamoDB calls a Spring Data
   * repository makes for it; none (with a warning when a library hides AWS calls) otherwise.
   */
  private List<SdkCall> recognizeAll(MethodCallExpr call) {
    Optional<SdkCall> sdk = recognize(call);
    if (sdk.isPresent()) {
      return List.of(sdk.get());
    }
    List<SdkCall> cached = repositoryCalls.get(call);
    if (cached != null) {
      return cached;
    }
    List<SdkCall> out = new ArrayList<>();
    Optional<SpringDataRepositories.RepositoryCall> repo = repositories.recognize(call);
    if (repo.isPresent()) {
      SdkCatalog.Client client = new SdkCatalog.Client(repo.get().repository(), "dynamodb", SdkCatalog.Style.CUSTOM);
      for (String op : repo.get().operations()) {
        out.add(new SdkCall(client, op, call));
      }
    } else {
      repositories.warnIfOpaque(call);
    }
    repositoryCalls.put(call, List.copyOf(out));
    return repositoryCalls.get(call);
  }

  /** Grants of an SDK call, resolved once per call, operation and function (routes share their code). */
  private List<Resources.Grant> grantsOf(SdkCall sdk, LambdaFunction function) {
    String key = (function == null ? "" : function.logicalId()) + "#" + sdk.operation();
    return resolved.computeIfAbsent(sdk.call(), c -> new java.util.HashMap<>())
        .computeIfAbsent(key, k -> resources.resolve(sdk, function));
  }

  /** The SDK client and operation of a call, if it is one. */
  Optional<SdkCall> recognize(MethodCallExpr call) {
    Optional<SdkCall> cached = recognized.get(call);
    if (cached != null) {
      return cached;
    }
    Optional<SdkCall> result = Optional.empty();
    if (call.getScope().isPresent()) {
      Expression scope = call.getScope().get();
      Optional<String> type = types.typeOf(scope);
      Optional<SdkCatalog.Client> client = type.flatMap(catalog::client);
      if (client.isPresent()) {
        result = catalog.operationOf(client.get(), call.getNameAsString())
            .map(op -> new SdkCall(client.get(), op, call));
      }
    }
    recognized.put(call, result);
    return result;
  }
}
