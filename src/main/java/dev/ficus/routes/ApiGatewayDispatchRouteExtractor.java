package dev.ficus.routes;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.ficus.model.Confidence;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Route;
import dev.ficus.model.SourceRef;
import dev.ficus.model.Trigger;
import dev.ficus.routes.DispatchConstraints.Constraint;
import dev.ficus.routes.DispatchConstraints.Op;
import dev.ficus.routes.DispatchInterpreter.Decision;
import dev.ficus.routes.DispatchDelegates.Served;
import dev.ficus.routes.DispatchPaths.Candidate;
import dev.ficus.routes.DispatchPaths.Proposal;
import dev.ficus.routes.DispatchValue.Role;
import dev.ficus.workspace.TypeNames;
import dev.ficus.workspace.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Routes of hand-written API Gateway dispatch: a Lambda handler that receives the proxy event and
 * picks the code to run by method and path with {@code switch}es, {@code if} chains, maps of
 * handlers or nested routers. The dispatch code is run, symbolically, once per candidate route
 * (paths the code compares against, and the function's IaC events); the branch a candidate
 * reaches is its route. See docs/extractors/apigateway-dispatch.md.
 */
public final class ApiGatewayDispatchRouteExtractor implements RouteExtractor {

  public static final String ID = "apigateway-dispatch";

  private static final String RUNTIME = "com.amazonaws.services.lambda.runtime.";
  private static final Set<String> HANDLER_INTERFACES =
      Set.of(RUNTIME + "RequestHandler", RUNTIME + "RequestStreamHandler");
  private static final Set<String> API_EVENTS =
      Set.of(
          RUNTIME + "events.APIGatewayProxyRequestEvent",
          RUNTIME + "events.APIGatewayV2HTTPEvent",
          RUNTIME + "events.APIGatewayV2ProxyRequestEvent",
          RUNTIME + "events.apigateway.APIGatewayProxyRequestEvent");
  private static final List<String> METHODS =
      List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean appliesTo(RouteContext context) {
    if (!context.iac().functions().isEmpty()) {
      return true;
    }
    return context.importsAny(name -> name.startsWith("com.amazonaws.services.lambda.runtime"));
  }

  /** A method Lambda calls with an API Gateway event. */
  private record Entry(
      TypeDeclaration<?> type, MethodDeclaration method, Role role, boolean apiTyped) {
    String className() {
      return type.getFullyQualifiedName().orElse(type.getNameAsString());
    }
  }

  @Override
  public List<ExtractedRoute> extract(RouteContext context) {
    DispatchInterpreter.Shared shared = new DispatchInterpreter.Shared(context.workspace());
    List<ExtractedRoute> routes = new ArrayList<>();
    for (Entry entry : entries(context, shared)) {
      try {
        routes.addAll(extract(context, shared, entry));
      } catch (RuntimeException | StackOverflowError e) {
        context.diagnostics().warning(
            "dispatch-failed",
            "Could not follow the dispatch of " + entry.className() + "#" + entry.method().getNameAsString()
                + " (" + e.getClass().getSimpleName() + "); its routes are missing.",
            context.workspace().ref(entry.method()));
      }
    }
    Set<Node> reported = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Node node : shared.unresolved) {
      if (reported.add(node)) {
        context.diagnostics().warning(
            "dispatch-unresolved",
            "Dispatch on `" + abbreviate(node.toString()) + "` depends on a value computed at run time;"
                + " the routes it selects cannot be listed.",
            context.workspace().ref(node));
      }
    }
    routes.sort(Comparator.comparing(ExtractedRoute::route));
    return routes;
  }

  // ---------------------------------------------------------------------------------------------
  // Entry points

  private List<Entry> entries(RouteContext context, DispatchInterpreter.Shared shared) {
    Workspace workspace = context.workspace();
    Map<String, Entry> found = new TreeMap<>();
    DispatchInterpreter helper = DispatchInterpreter.exploring(shared, new DispatchConstraints());
    for (TypeDeclaration<?> type : workspace.types().all().values()) {
      if (!(type instanceof ClassOrInterfaceDeclaration c) || c.isInterface() || c.isAbstract()) {
        continue;
      }
      HandlerShape shape = shape(c, helper, shared.names);
      if (!shape.handler()) {
        continue;
      }
      Optional<MethodDeclaration> m = entryMethod(c, "handleRequest", helper);
      if (m.isEmpty()) {
        continue;
      }
      String key = c.getFullyQualifiedName().orElse(c.getNameAsString()) + "#" + m.get().getNameAsString();
      found.put(key, new Entry(c, m.get(), roleOf(m.get()), shape.apiTyped()));
    }
    for (LambdaFunction f : context.iac().functions()) {
      if (f.handlerClass() == null) {
        continue;
      }
      Optional<TypeDeclaration<?>> type = workspace.findType(f.handlerClass());
      if (type.isEmpty()) {
        continue;
      }
      String method = f.handlerMethod() != null ? f.handlerMethod() : "handleRequest";
      Optional<MethodDeclaration> m = entryMethod(type.get(), method, helper);
      if (m.isEmpty()) {
        continue;
      }
      String key = f.handlerClass() + "#" + m.get().getNameAsString();
      if (!found.containsKey(key)) {
        boolean apiTyped = m.get().getParameters().stream().anyMatch(p -> isApiEvent(p.getType(), p, shared.names));
        found.put(key, new Entry(type.get(), m.get(), roleOf(m.get()), apiTyped));
      }
    }
    return new ArrayList<>(found.values());
  }

  private record HandlerShape(boolean handler, boolean stream, boolean apiTyped) {}

  private HandlerShape shape(ClassOrInterfaceDeclaration c, DispatchInterpreter helper, TypeNames names) {
    boolean handler = false;
    boolean stream = false;
    boolean apiTyped = false;
    List<TypeDeclaration<?>> chain = helper.hierarchy(c);
    for (TypeDeclaration<?> t : chain) {
      if (!(t instanceof ClassOrInterfaceDeclaration decl)) {
        continue;
      }
      List<ClassOrInterfaceType> supers = new ArrayList<>(decl.getExtendedTypes());
      supers.addAll(decl.getImplementedTypes());
      for (ClassOrInterfaceType s : supers) {
        String q = qualify(s.getNameWithScope(), decl, names);
        if (HANDLER_INTERFACES.contains(q)) {
          handler = true;
          stream |= q.endsWith("RequestStreamHandler");
        }
        for (Type arg : s.getTypeArguments().orElse(new com.github.javaparser.ast.NodeList<>())) {
          apiTyped |= isApiEvent(arg, decl, names);
        }
      }
      for (MethodDeclaration m : decl.getMethodsByName("handleRequest")) {
        apiTyped |= m.getParameters().stream().anyMatch(p -> isApiEvent(p.getType(), p, names));
      }
    }
    return new HandlerShape(handler, stream, apiTyped);
  }

  private static String qualify(String written, Node context, TypeNames names) {
    String simple = TypeNames.stripGenerics(written);
    Optional<String> q = names.qualify(simple, context);
    if (q.isPresent()) {
      return q.get();
    }
    // No import tells: trust the well-known simple names.
    String last = simple.contains(".") ? simple.substring(simple.lastIndexOf('.') + 1) : simple;
    return switch (last) {
      case "RequestHandler", "RequestStreamHandler" -> RUNTIME + last;
      case "APIGatewayProxyRequestEvent", "APIGatewayV2HTTPEvent", "APIGatewayV2ProxyRequestEvent" ->
          RUNTIME + "events." + last;
      default -> simple;
    };
  }

  private static boolean isApiEvent(Type type, Node context, TypeNames names) {
    return type.isClassOrInterfaceType()
        && API_EVENTS.contains(qualify(type.asClassOrInterfaceType().getNameWithScope(), context, names));
  }

  private static Optional<MethodDeclaration> entryMethod(
      TypeDeclaration<?> type, String name, DispatchInterpreter helper) {
    for (TypeDeclaration<?> t : helper.hierarchy(type)) {
      Optional<MethodDeclaration> best = t.getMethodsByName(name).stream()
          .filter(m -> m.getBody().isPresent() && !m.getParameters().isEmpty())
          .max(Comparator.comparingInt(m -> m.getParameters().size()));
      if (best.isPresent()) {
        return best;
      }
    }
    return Optional.empty();
  }

  private static Role roleOf(MethodDeclaration m) {
    String type = TypeNames.stripGenerics(m.getParameter(0).getTypeAsString());
    return type.endsWith("InputStream") ? Role.INPUT : Role.EVENT;
  }

  // ---------------------------------------------------------------------------------------------
  // Routes of one entry point

  private List<ExtractedRoute> extract(RouteContext context, DispatchInterpreter.Shared shared, Entry entry) {
    DispatchConstraints constraints = new DispatchConstraints();
    DispatchInterpreter.exploring(shared, constraints).run(entry.method(), entry.type(), entry.role());
    shared.unresolved.addAll(constraints.unresolved);
    List<LambdaFunction> functions = context.iac().functionsForClass(entry.className()).stream()
        .filter(f -> f.handlerMethod() == null || f.handlerMethod().equals(entry.method().getNameAsString()))
        .toList();
    boolean hasApiEvents = functions.stream().anyMatch(f -> !f.apiTriggers().isEmpty());
    if (!constraints.dispatches && constraints.constraints.isEmpty() && !hasApiEvents) {
      return List.of();
    }
    if (!entry.apiTyped() && !constraints.dispatches && !hasApiEvents) {
      return List.of();
    }
    Proposal proposal = DispatchPaths.propose(constraints);
    for (Constraint c : constraints.constraints) {
      if (c.op() == Op.MATCHES) {
        String regex = c.constant().toString().replace("\u0000find", "");
        if (DispatchPaths.regexToTemplate(regex).isEmpty()) {
          context.diagnostics().warning(
              "dispatch-regex",
              "The path pattern \"" + regex + "\" is not a plain template; the route it selects is missing.",
              context.workspace().ref(c.where()));
        }
      }
    }
    List<ExtractedRoute> routes = new ArrayList<>();
    if (functions.isEmpty() && !context.iac().functions().isEmpty()) {
      // The IaC says what is deployed: a dispatching class that no function names is either dead
      // or reached through a framework's handler (a Quarkus @Named bean, say), whose extractor
      // reports its routes with their function. Reporting them here as well, function-less, would
      // count each route twice.
      context.diagnostics().note(
          "dispatch-not-deployed",
          entry.className()
              + " dispatches API requests, but no function of the IaC names it as its handler;"
              + " its routes are left to the framework that hosts it, if any.",
          context.workspace().ref(entry.method()));
      return List.of();
    }
    if (functions.isEmpty()) {
      routes.addAll(routesFor(context, shared, entry, null, proposal, constraints.parameterNames));
    } else {
      for (LambdaFunction f : functions) {
        routes.addAll(routesFor(context, shared, entry, f, proposal, constraints.parameterNames));
      }
    }
    if (routes.isEmpty() && constraints.dispatches) {
      context.diagnostics().warning(
          "dispatch-no-routes",
          entry.className() + "#" + entry.method().getNameAsString()
              + " dispatches on the request, but no candidate route reached a branch that serves it.",
          context.workspace().ref(entry.method().getName()));
    }
    return routes;
  }

  private enum Kind {
    CODE,
    IAC,
    FALLBACK
  }

  private record Probe(String template, Confidence confidence, Kind kind, List<String> methods, Trigger trigger) {}

  /** Routes found for one shape of path at one branch. */
  private static final class PathGroup {
    String template;
    boolean fromIac;
    Confidence confidence = Confidence.LOW;
    final Set<String> methods = new TreeSet<>();
    final Set<String> iacMethods = new TreeSet<>();
  }

  /** One branch and the candidates that reach it. */
  private static final class Leaf {
    final Node source;
    final List<Node> code;
    final String handler;
    final boolean pathTested;
    final Map<String, PathGroup> paths = new LinkedHashMap<>();
    final List<String> parameterNames;

    Leaf(Node source, List<Node> code, String handler, boolean pathTested, List<String> parameterNames) {
      this.source = source;
      this.code = code;
      this.handler = handler;
      this.pathTested = pathTested;
      this.parameterNames = parameterNames;
    }
  }

  private List<ExtractedRoute> routesFor(
      RouteContext context,
      DispatchInterpreter.Shared shared,
      Entry entry,
      LambdaFunction function,
      Proposal proposal,
      Set<String> parameterNames) {
    List<Probe> probes = new ArrayList<>();
    for (Candidate c : proposal.paths()) {
      probes.add(new Probe(c.template(), c.confidence(), Kind.CODE, METHODS, null));
      // The code may test path parameters by name: try the names it reads as well.
      int vars = DispatchPaths.variables(c.template());
      if (vars == 1) {
        for (String name : parameterNames) {
          String renamed = DispatchPaths.rename(c.template(), List.of(name));
          if (!renamed.equals(c.template())) {
            probes.add(new Probe(renamed, c.confidence(), Kind.CODE, METHODS, null));
          }
        }
      } else if (vars > 1 && parameterNames.size() >= vars) {
        String renamed = DispatchPaths.rename(c.template(), new ArrayList<>(parameterNames));
        if (!renamed.equals(c.template())) {
          probes.add(new Probe(renamed, c.confidence(), Kind.CODE, METHODS, null));
        }
      }
    }
    String proxyPath = null;
    boolean specificIac = false;
    if (function != null) {
      for (Trigger t : function.apiTriggers()) {
        if (t.path().contains("+}")) {
          proxyPath = proxyPath == null ? t.path() : proxyPath;
          continue;
        }
        specificIac = true;
        String m = t.method().toUpperCase(Locale.ROOT);
        List<String> methods = m.equals("ANY") || m.equals("*") ? METHODS : List.of(m);
        probes.add(new Probe(t.path(), Confidence.HIGH, Kind.IAC, methods, t));
      }
    }
    if (!specificIac) {
      probes.add(new Probe(proxyPath != null ? proxyPath : "/{proxy+}", Confidence.LOW, Kind.FALLBACK, METHODS, null));
    }

    Map<Node, Leaf> leaves = new IdentityHashMap<>();
    List<Leaf> order = new ArrayList<>();
    Map<Leaf, List<Object[]>> fallbackHits = new IdentityHashMap<>();
    Set<Trigger> matchedTriggers = new LinkedHashSet<>();
    Map<Node, Map<String, Boolean>> sensitivity = new IdentityHashMap<>();
    for (Probe probe : probes) {
      for (String method : probe.methods()) {
        for (String sample : DispatchPaths.SAMPLES) {
          DispatchRequest request = DispatchRequest.of(method, probe.template(), sample);
          DispatchInterpreter run = DispatchInterpreter.concrete(shared, request);
          run.run(entry.method(), entry.type(), entry.role());
          Decision decision = run.leaf();
          Node source;
          List<Node> leafCode;
          DispatchInterpreter.Frame frame;
          if (decision == null) {
            if (run.dispatched() || probe.kind() != Kind.IAC) {
              if (DispatchPaths.variables(probe.template()) == 0) {
                break;
              }
              continue;
            }
            source = entry.method().getName();
            leafCode = run.code;
            frame = null;
          } else {
            source = decision.source();
            leafCode = run.code.subList(Math.min(run.leafCodeStart, run.code.size()), run.code.size());
            frame = decision.frame();
          }
          Served served = frame == null
              ? new Served(null, false)
              : new DispatchDelegates(run).served(new ArrayList<>(leafCode), frame.copy());
          if (served.error() || run.failed) {
            if (DispatchPaths.variables(probe.template()) == 0) {
              break;
            }
            continue;
          }
          boolean pathTested = decision != null
              && pathSensitive(shared, entry, request, source, sensitivity);
          if (probe.kind() == Kind.CODE && !pathTested) {
            continue;
          }
          Leaf leaf = leaves.get(source);
          if (leaf == null) {
            String handler = served.handler() != null ? served.handler()
                : DispatchDelegates.enclosingMethod(decision == null ? entry.method() : leafBody(decision, leafCode));
            List<Node> named = new ArrayList<>(leafCode);
            delegateBody(context.workspace(), served.handler()).ifPresent(named::add);
            leaf = new Leaf(source, List.copyOf(run.code), handler, pathTested, parameterNames(named));
            leaves.put(source, leaf);
            order.add(leaf);
          }
          if (probe.kind() == Kind.FALLBACK) {
            if (!pathTested) {
              fallbackHits.computeIfAbsent(leaf, l -> new ArrayList<>()).add(new Object[] {method, probe});
            }
            break;
          }
          if (probe.trigger() != null) {
            matchedTriggers.add(probe.trigger());
          }
          String shape = DispatchPaths.shape(probe.template());
          PathGroup group = leaf.paths.computeIfAbsent(shape, s -> new PathGroup());
          if (group.template == null || probe.kind() == Kind.IAC && !group.fromIac
              || !group.fromIac && generated(group.template) && !generated(probe.template())
                  && leaf.parameterNames.containsAll(DispatchPaths.variableNames(probe.template()))) {
            group.template = probe.template();
          }
          group.methods.add(method);
          Confidence confidence = probe.confidence();
          if (probe.kind() == Kind.IAC) {
            group.fromIac = true;
            group.iacMethods.add(method);
            confidence = run.dispatched() && !pathTested ? Confidence.MEDIUM : Confidence.HIGH;
          }
          if (confidence.compareTo(group.confidence) > 0) {
            group.confidence = confidence;
          }
          break;
        }
      }
    }

    Set<String> mentioned = new TreeSet<>(proposal.methods());
    if (function != null) {
      function.apiTriggers().forEach(t -> mentioned.add(t.method().toUpperCase(Locale.ROOT)));
    }
    String functionId = function == null ? null : function.logicalId();
    Map<String, ExtractedRoute> byId = new TreeMap<>();
    Workspace workspace = context.workspace();
    for (Leaf leaf : order) {
      dropSubsumed(leaf);
      for (PathGroup group : leaf.paths.values()) {
        String template = group.fromIac ? group.template : DispatchPaths.rename(group.template, leaf.parameterNames);
        Confidence confidence = group.confidence;
        Set<String> methods = group.fromIac ? group.iacMethods : group.methods;
        List<String> chosen = chooseMethods(methods, mentioned);
        if (chosen.isEmpty()) {
          chosen = List.of("ANY");
          confidence = Confidence.LOW;
        }
        for (String method : chosen) {
          add(byId, new ExtractedRoute(
              new Route(method, template, leaf.handler, workspace.ref(leaf.source), functionId,
                  confidence, ID, List.of()),
              leaf.code));
        }
      }
    }
    for (Leaf leaf : order) {
      List<Object[]> hits = fallbackHits.get(leaf);
      if (hits == null || !leaf.paths.isEmpty()) {
        continue;
      }
      Set<String> methods = new TreeSet<>();
      String template = "/{proxy+}";
      for (Object[] hit : hits) {
        methods.add((String) hit[0]);
        template = ((Probe) hit[1]).template();
      }
      List<String> chosen = chooseMethods(methods, mentioned);
      if (chosen.isEmpty()) {
        chosen = List.of("ANY");
      }
      for (String method : chosen) {
        add(byId, new ExtractedRoute(
            new Route(method, template, leaf.handler, workspace.ref(leaf.source), functionId,
                Confidence.LOW, ID, List.of()),
            leaf.code));
      }
      context.diagnostics().warning(
          "dispatch-proxy-only",
          "The branch here is chosen by " + (chosen.contains("ANY") ? "nothing ficus can see" : "method only")
              + " and the IaC declares no specific path for it; reported as " + chosen.get(0) + " " + template
              + ". Declare the paths as API events to get precise routes.",
          workspace.ref(leaf.source));
    }
    if (function != null) {
      for (Trigger t : function.apiTriggers()) {
        if (!t.path().contains("+}") && !matchedTriggers.contains(t)) {
          SourceRef where = t.source() != null ? t.source() : function.source();
          context.diagnostics().warning(
              "dispatch-iac-unmatched",
              "The IaC routes " + t.method() + " " + t.path() + " to " + entry.className()
                  + " but no branch of its dispatch serves it.",
              where);
        }
      }
    }
    return new ArrayList<>(byId.values());
  }

  /**
   * Whether the branch depends on the path: a request with the same method and a path nothing
   * matches does not reach it. A branch that does not depend on the path (dispatch on the method
   * only) gets its paths from the IaC, never from a path the code merely mentions elsewhere.
   */
  private static boolean pathSensitive(
      DispatchInterpreter.Shared shared,
      Entry entry,
      DispatchRequest request,
      Node leaf,
      Map<Node, Map<String, Boolean>> cache) {
    String key = request.method() + " " + (request.parameters() == null ? "" : request.parameters().keySet());
    Map<String, Boolean> known = cache.computeIfAbsent(leaf, l -> new java.util.HashMap<>());
    Boolean cached = known.get(key);
    if (cached != null) {
      return cached;
    }
    String nowhere = "/ficus-unmatched-path";
    DispatchRequest other = new DispatchRequest(
        request.method(), nowhere, nowhere, request.method() + " " + nowhere, request.parameters());
    DispatchInterpreter run = DispatchInterpreter.concrete(shared, other);
    run.run(entry.method(), entry.type(), entry.role());
    Decision decision = run.leaf();
    boolean sensitive = decision == null || decision.source() != leaf;
    known.put(key, sensitive);
    return sensitive;
  }

  /**
   * Paths the code mentions elsewhere that reach this branch only because its own test is
   * broader: {@code /users/me} reaching the {@code startsWith("/users/")} branch, or {@code
   * /orders/{id}} reaching a branch that tested {@code startsWith("/orders")} and nothing more. The
   * narrower reading of the branch wins.
   */
  private static void dropSubsumed(Leaf leaf) {
    List<PathGroup> groups = new ArrayList<>(leaf.paths.values());
    for (PathGroup narrow : groups) {
      if (narrow.fromIac) {
        continue;
      }
      for (PathGroup other : groups) {
        if (other == narrow || other.fromIac) {
          continue;
        }
        boolean instance = DispatchPaths.variables(narrow.template) == 0
            && DispatchPaths.variables(other.template) > 0
            && DispatchPaths.matches(other.template, narrow.template);
        // A prefix branch (`startsWith("/reports/")`) is also reached by deeper candidates that
        // other branches proposed (`/reports/{id}/export`): they are the same route, not new ones.
        boolean extension = narrow.confidence != Confidence.HIGH
            && DispatchPaths.shape(narrow.template).startsWith(DispatchPaths.shape(other.template) + "/");
        if (instance || extension) {
          narrow.methods.removeAll(other.methods);
        }
      }
    }
    leaf.paths.values().removeIf(g -> g.methods.isEmpty());
  }

  private static boolean generated(String template) {
    return template.matches(".*\\{id\\d*}.*");
  }

  private static Node leafBody(Decision decision, List<Node> leafCode) {
    return leafCode.isEmpty() ? decision.source() : leafCode.get(0);
  }

  private static List<String> chooseMethods(Set<String> reached, Set<String> mentioned) {
    if (reached.containsAll(METHODS)) {
      return List.of("ANY");
    }
    List<String> chosen = new ArrayList<>();
    for (String m : reached) {
      if (mentioned.contains(m)) {
        chosen.add(m);
      }
    }
    if (chosen.isEmpty() && reached.size() <= 3) {
      // Reached by so few methods that the code must have named them (a table keyed by method).
      chosen.addAll(reached);
    }
    return chosen;
  }

  private static void add(Map<String, ExtractedRoute> byId, ExtractedRoute route) {
    String key = route.route().id();
    ExtractedRoute old = byId.get(key);
    if (old == null || route.route().confidence().compareTo(old.route().confidence()) > 0) {
      byId.put(key, route);
    }
  }

  /**
   * Whether a name or string in an expression contains {@code part}, as its printed text would
   * ({@code event.getPathParameters()}, {@code pathParams}), without printing it.
   */
  private static boolean mentions(Expression expression, String part) {
    return expression.findFirst(Node.class, n ->
            n instanceof SimpleName name && name.getIdentifier().contains(part)
                || n instanceof Name qualified && qualified.getIdentifier().contains(part)
                || n instanceof StringLiteralExpr string && string.getValue().contains(part))
        .isPresent();
  }

  /** Names the branch reads from the path parameters, in order: they name the template's variables. */
  private static List<String> parameterNames(List<Node> code) {
    List<String> names = new ArrayList<>();
    for (Node node : code) {
      for (MethodCallExpr call : node.findAll(MethodCallExpr.class)) {
        if (!(call.getNameAsString().equals("get") || call.getNameAsString().equals("getOrDefault")
                || call.getNameAsString().equals("path"))
            || call.getArguments().isEmpty()
            || !(call.getArgument(0) instanceof StringLiteralExpr literal)
            || call.getScope().isEmpty()) {
          continue;
        }
        if (mentions(call.getScope().get(), "athParam") && !names.contains(literal.asString())) {
          names.add(literal.asString());
        }
      }
    }
    return names;
  }

  /** The body of the method a branch delegates to, where it may read the path parameters. */
  private static Optional<Node> delegateBody(Workspace workspace, String handler) {
    if (handler == null || !handler.contains("#")) {
      return Optional.empty();
    }
    String type = handler.substring(0, handler.indexOf('#'));
    String method = handler.substring(handler.indexOf('#') + 1);
    return workspace.findType(type).flatMap(t -> t.getMethodsByName(method).stream()
        .filter(m -> m.getBody().isPresent()).findFirst().flatMap(MethodDeclaration::getBody));
  }

  private static String abbreviate(String code) {
    String oneLine = code.replaceAll("\\s+", " ").strip();
    return oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
  }
}
