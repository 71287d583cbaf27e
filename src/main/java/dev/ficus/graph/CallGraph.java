package dev.ficus.graph;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import dev.ficus.model.SourceRef;
import dev.ficus.workspace.SolverLock;
import dev.ficus.workspace.TypeNames;
import dev.ficus.workspace.Workspace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jgrapht.Graph;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.graph.AsUnmodifiableGraph;

/**
 * Who calls whom in the repository, built once per workspace: vertices are methods, constructors,
 * class initializers and lambdas with a stable id ({@code com.acme.OrderService#find(String)},
 * {@code com.acme.Clients#<clinit>()}, {@code ...#handle(Map)$lambda1}), edges are call sites.
 * Calls are resolved from declared types and imports ({@link TypeResolver}), with the symbol solver
 * as a fallback; a call through an interface or abstract class goes to every implementation in the
 * repository, narrowed by what dependency injection wires ({@link Injection}). Calls that leave the
 * repository (the AWS SDK among them) are kept per vertex for the effect analysis. A call that
 * cannot be resolved is a note diagnostic, once per method and receiver, and is not followed.
 */
public final class CallGraph {

  /** An edge: the first call site from its source vertex to its target. */
  public static final class CallEdge {
    private final SourceRef site;

    CallEdge(SourceRef site) {
      this.site = site;
    }

    public SourceRef site() {
      return site;
    }

    @Override
    public String toString() {
      return site.toString();
    }
  }

  /** A call into the repository's code: the vertex entered and where the call is. */
  public record Target(String vertex, SourceRef site) {}

  /** A call that does not enter the repository's code (an SDK call, a JDK call). */
  public record ExternalCall(MethodCallExpr call, SourceRef site) {}

  /** The calls made by some code: into the repository, and out of it. */
  public record Calls(List<Target> targets, List<ExternalCall> external) {}

  /** A step of a shortest path: the vertex before, and the call site there. */
  public record Step(String parent, SourceRef site, int depth) {}

  private static final Comparator<Target> TARGET_ORDER =
      Comparator.comparing(Target::site).thenComparing(Target::vertex);

  private final Workspace workspace;
  private final TypeResolver types;
  private final Injection injection;
  private final Graph<String, CallEdge> graph =
      GraphTypeBuilder.<String, CallEdge>directed().allowingMultipleEdges(false)
          .allowingSelfLoops(true).edgeClass(CallEdge.class).buildGraph();
  private final Map<String, Node> declarations = new TreeMap<>();
  private final Map<String, List<ExternalCall>> external = new TreeMap<>();
  private final Map<String, List<Target>> successors = new TreeMap<>();
  private final Map<String, List<Node>> callSites = new TreeMap<>();
  private final Map<Node, String> lambdaIds = new IdentityHashMap<>();
  private final Map<String, Integer> lambdaCounters = new TreeMap<>();
  private final Map<String, SourceRef> unresolved = new TreeMap<>();
  private final Set<String> reported = new TreeSet<>();
  private final Set<String> deferred = new java.util.HashSet<>();
  private final Map<String, Map<String, Step>> reachableNow = new ConcurrentHashMap<>();
  private final Set<String> declaredMethodNames = new java.util.HashSet<>();
  private final Map<String, Map<String, Step>> reachable = new ConcurrentHashMap<>();

  private CallGraph(Workspace workspace, TypeResolver.ExternalTypes external) {
    this.workspace = workspace;
    this.types = new TypeResolver(workspace, external);
    this.injection = new Injection(types);
  }

  /**
   * The call graph of a workspace. Not kept for later callers: a static cache keyed weakly by
   * workspace never let go, since the graph holds its workspace, and with it every tree of every
   * analysis a process ran. The pipeline builds one graph per code scope and hands it on.
   */
  public static CallGraph build(Workspace workspace) {
    return build(workspace, TypeResolver.ExternalTypes.NONE);
  }

  /**
   * The call graph of a workspace whose expressions are typed knowing what methods outside the
   * repository return ({@code external}): a later stage that needs those types too reads them from
   * {@link #types()} instead of typing every expression a second time.
   */
  public static CallGraph build(Workspace workspace, TypeResolver.ExternalTypes external) {
    CallGraph graph = new CallGraph(workspace, external);
    graph.populate();
    return graph;
  }

  // ---------------------------------------------------------------- public queries

  /** A read-only view of the graph. */
  public Graph<String, CallEdge> graph() {
    return new AsUnmodifiableGraph<>(graph);
  }

  public TypeResolver types() {
    return types;
  }

  public Set<String> vertices() {
    return Collections.unmodifiableSet(new TreeSet<>(graph.vertexSet()));
  }

  /** The declaration behind a vertex: a method, constructor, lambda, or type (initializers). */
  public Optional<Node> declarationOf(String vertex) {
    return Optional.ofNullable(declarations.get(vertex));
  }

  /** Calls made by a vertex's own code that leave the repository, in source order. */
  public List<ExternalCall> externalCallsOf(String vertex) {
    return external.getOrDefault(vertex, List.of());
  }

  /** The vertices a vertex calls, ordered by call site. */
  public List<Target> successorsOf(String vertex) {
    return successors.getOrDefault(vertex, List.of());
  }

  /** Every call expression in the repository that may enter this vertex (for argument tracing). */
  public List<Node> callSitesOf(String vertex) {
    return callSites.getOrDefault(vertex, List.of());
  }

  /** The vertex of the method or constructor declaration, if it is one. */
  public Optional<String> vertexOf(Node declaration) {
    if (declaration instanceof LambdaExpr l) {
      return Optional.ofNullable(lambdaIds.get(l));
    }
    if (declaration instanceof CallableDeclaration<?> c) {
      return idOf(c).filter(graph::containsVertex);
    }
    return Optional.empty();
  }

  /** The vertices that run when a class is initialized and instantiated: static and instance initializers, constructors. */
  public List<String> initVerticesOf(String className) {
    List<String> out = new ArrayList<>();
    String clinit = className + "#<clinit>()";
    if (graph.containsVertex(clinit)) {
      out.add(clinit);
    }
    Optional<TypeDeclaration<?>> type = workspace.findType(className);
    if (type.isPresent()) {
      for (ConstructorDeclaration c : type.get().getConstructors()) {
        idOf(c).filter(graph::containsVertex).ifPresent(out::add);
      }
      String implicit = className + "#<init>()";
      if (type.get().getConstructors().isEmpty() && graph.containsVertex(implicit)) {
        out.add(implicit);
      }
    }
    return out;
  }

  /**
   * Shortest paths from a vertex to every vertex it reaches (breadth first, successors in call
   * site order, so the answer is deterministic); computed once per vertex.
   */
  public Map<String, Step> reachableFrom(String vertex) {
    return reachableFrom(vertex, true);
  }

  /**
   * As {@link #reachableFrom(String)}; without {@code followStored}, edges to lambdas and method
   * references that are only stored where they are written (a route table filled in a
   * constructor) are not followed: what runs right away, for cold-start code.
   */
  public Map<String, Step> reachableFrom(String vertex, boolean followStored) {
    Map<String, Map<String, Step>> reachable = followStored ? this.reachable : reachableNow;
    Map<String, Step> cached = reachable.get(vertex);
    if (cached != null) {
      return cached;
    }
    Map<String, Step> tree = new LinkedHashMap<>();
    tree.put(vertex, new Step(null, null, 0));
    Deque<String> queue = new ArrayDeque<>();
    queue.add(vertex);
    while (!queue.isEmpty()) {
      String v = queue.poll();
      int depth = tree.get(v).depth();
      for (Target t : successorsOf(v)) {
        if (!followStored && deferred.contains(v + "->" + t.vertex())) {
          continue;
        }
        if (!tree.containsKey(t.vertex())) {
          tree.put(t.vertex(), new Step(v, t.site(), depth + 1));
          queue.add(t.vertex());
        }
      }
    }
    Map<String, Step> result = Collections.unmodifiableMap(tree);
    reachable.put(vertex, result);
    return result;
  }

  /**
   * Shortest paths from several entry calls at once (one breadth-first search, entries in the
   * given order): what a route's entry code reaches. Entry vertices have depth 1, no parent, and
   * the entry call's site; a single entry reuses the per-vertex cache.
   */
  public Map<String, Step> reachableFrom(List<Target> entries) {
    Map<String, Step> tree = new LinkedHashMap<>();
    if (entries.size() == 1) {
      Target only = entries.get(0);
      for (Map.Entry<String, Step> e : reachableFrom(only.vertex()).entrySet()) {
        Step s = e.getValue();
        tree.put(e.getKey(), s.parent() == null
            ? new Step(null, only.site(), 1) : new Step(s.parent(), s.site(), s.depth() + 1));
      }
      return tree;
    }
    Deque<String> queue = new ArrayDeque<>();
    for (Target t : entries) {
      if (!tree.containsKey(t.vertex())) {
        tree.put(t.vertex(), new Step(null, t.site(), 1));
        queue.add(t.vertex());
      }
    }
    while (!queue.isEmpty()) {
      String v = queue.poll();
      int depth = tree.get(v).depth();
      for (Target t : successorsOf(v)) {
        if (!tree.containsKey(t.vertex())) {
          tree.put(t.vertex(), new Step(v, t.site(), depth + 1));
          queue.add(t.vertex());
        }
      }
    }
    return tree;
  }

  /**
   * The calls some code makes (a route's entry code: a method, a branch, statements), resolved as
   * the graph resolves calls; lambdas in it count as called.
   */
  public Calls callsIn(List<Node> code) {
    Sink sink = new Sink(null);
    for (Node node : code) {
      visit(node, sink, node);
    }
    reportUnresolved();
    List<Target> targets = new ArrayList<>(sink.targets.values());
    targets.sort(TARGET_ORDER);
    return new Calls(targets, List.copyOf(sink.external));
  }

  private final Map<CallableDeclaration<?>, Optional<String>> ids = new IdentityHashMap<>();

  private Optional<String> cachedId(CallableDeclaration<?> callable) {
    return ids.computeIfAbsent(callable, CallGraph::idOf);
  }

  /** {@code pkg.Class#method(ParamType,...)}: the stable id of a method or constructor. */
  public static Optional<String> idOf(CallableDeclaration<?> callable) {
    Optional<String> owner = TypeResolver.enclosingTypeName(callable);
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder id = new StringBuilder(owner.get()).append('#');
    id.append(callable instanceof ConstructorDeclaration ? "<init>" : callable.getNameAsString());
    id.append('(');
    boolean first = true;
    for (Parameter p : callable.getParameters()) {
      if (!first) {
        id.append(',');
      }
      first = false;
      String simple = TypeNames.stripGenerics(p.getType().asString());
      int dot = simple.lastIndexOf('.');
      id.append(dot >= 0 ? simple.substring(dot + 1) : simple);
      if (p.isVarArgs()) {
        id.append("...");
      }
    }
    return Optional.of(id.append(')').toString());
  }

  /** {@code pkg.Class#method} of a vertex id, for call chains. */
  public static String displayName(String vertex) {
    int paren = vertex.indexOf('(');
    int close = vertex.indexOf(')', paren);
    return paren < 0 ? vertex : vertex.substring(0, paren) + vertex.substring(close + 1);
  }

  // ---------------------------------------------------------------- building

  /**
   * True when a receiver is the result of calls on a type outside the repository ({@code
   * list.stream().map(..)}): the symbol solver is slow on those and they rarely lead back in.
   */
  private boolean onExternalChain(Expression scope) {
    Expression root = scope;
    while (root instanceof MethodCallExpr m && m.getScope().isPresent()) {
      root = m.getScope().get();
    }
    if (root == scope && !(scope instanceof MethodCallExpr)) {
      return false;
    }
    Optional<String> type = types.staticTypeOf(root);
    if (type.isEmpty()) {
      type = types.typeOf(root);
    }
    return type.isPresent() && workspace.findType(type.get()).isEmpty();
  }

  private void populate() {
    for (TypeDeclaration<?> type : workspace.types().all().values()) {
      for (MethodDeclaration m : type.getMethods()) {
        declaredMethodNames.add(m.getNameAsString());
      }
    }
    // Vertices first, so calls can be checked against them.
    for (Map.Entry<String, TypeDeclaration<?>> e : workspace.types().all().entrySet()) {
      String fqn = e.getKey();
      TypeDeclaration<?> type = e.getValue();
      for (BodyDeclaration<?> member : type.getMembers()) {
        if (member instanceof MethodDeclaration m && m.getBody().isPresent()
            || member instanceof ConstructorDeclaration) {
          idOf((CallableDeclaration<?>) member).ifPresent(id -> addVertex(id, member));
        }
      }
      if (hasStaticInit(type)) {
        addVertex(fqn + "#<clinit>()", type);
      }
      if (type.getConstructors().isEmpty() && !(type instanceof ClassOrInterfaceDeclaration c && c.isInterface())) {
        addVertex(fqn + "#<init>()", type);
      }
    }
    for (Map.Entry<String, TypeDeclaration<?>> e : workspace.types().all().entrySet()) {
      String fqn = e.getKey();
      TypeDeclaration<?> type = e.getValue();
      for (BodyDeclaration<?> member : type.getMembers()) {
        if (member instanceof MethodDeclaration m && m.getBody().isPresent()) {
          idOf(m).ifPresent(id -> scanInto(id, m.getBody().get()));
        } else if (member instanceof ConstructorDeclaration c) {
          idOf(c).ifPresent(id -> {
            scanInto(id, c.getBody());
            instanceInit(id, type);
            if (c.getBody().getStatements().isEmpty()
                || !(c.getBody().getStatement(0) instanceof ExplicitConstructorInvocationStmt)) {
              implicitSuper(id, type, workspace.ref(c));
            }
          });
        }
      }
      if (hasStaticInit(type)) {
        String clinit = fqn + "#<clinit>()";
        for (BodyDeclaration<?> member : type.getMembers()) {
          if (member instanceof FieldDeclaration f && f.isStatic()) {
            scanInto(clinit, f);
          } else if (member instanceof InitializerDeclaration i && i.isStatic()) {
            scanInto(clinit, i.getBody());
          }
        }
        if (type instanceof EnumDeclaration en) {
          for (EnumConstantDeclaration constant : en.getEntries()) {
            scanInto(clinit, constant);
          }
        }
      }
      String implicit = fqn + "#<init>()";
      if (graph.containsVertex(implicit)) {
        instanceInit(implicit, type);
        implicitSuper(implicit, type, workspace.ref(type));
      }
    }
    for (Map.Entry<String, List<Target>> e : successors.entrySet()) {
      e.getValue().sort(TARGET_ORDER);
    }
    reportUnresolved();
  }

  private static boolean hasStaticInit(TypeDeclaration<?> type) {
    if (type instanceof EnumDeclaration) {
      return true;
    }
    for (BodyDeclaration<?> member : type.getMembers()) {
      if (member instanceof FieldDeclaration f && f.isStatic()
          && f.getVariables().stream().anyMatch(v -> v.getInitializer().isPresent())
          || member instanceof InitializerDeclaration i && i.isStatic()) {
        return true;
      }
    }
    return false;
  }

  private void instanceInit(String owner, TypeDeclaration<?> type) {
    for (BodyDeclaration<?> member : type.getMembers()) {
      if (member instanceof FieldDeclaration f && !f.isStatic()) {
        scanInto(owner, f);
      } else if (member instanceof InitializerDeclaration i && !i.isStatic()) {
        scanInto(owner, i.getBody());
      }
    }
  }

  private void implicitSuper(String owner, TypeDeclaration<?> type, SourceRef site) {
    if (!(type instanceof ClassOrInterfaceDeclaration c) || c.isInterface() || c.getExtendedTypes().isEmpty()) {
      return;
    }
    types.qualify(c.getExtendedTypes().get(0), c).ifPresent(parent -> {
      for (String target : constructors(parent, 0)) {
        addEdge(owner, target, site, null);
      }
    });
  }

  private void addVertex(String id, Node declaration) {
    if (graph.addVertex(id)) {
      declarations.put(id, declaration);
    }
  }

  private void addEdge(String from, String to, SourceRef site, Node call) {
    if (!graph.containsVertex(to)) {
      return;
    }
    if (call != null) {
      callSites.computeIfAbsent(to, k -> new ArrayList<>()).add(call);
    }
    if (from == null) {
      return;
    }
    if (graph.getEdge(from, to) == null) {
      graph.addEdge(from, to, new CallEdge(site));
      successors.computeIfAbsent(from, k -> new ArrayList<>()).add(new Target(to, site));
    }
  }

  private void scanInto(String owner, Node code) {
    Sink sink = new Sink(owner);
    try {
      visit(code, sink, code);
    } catch (StackOverflowError e) {
      workspace.diagnostics().warning("analysis-limit",
          "Code in " + displayName(owner) + " is nested too deeply to follow; calls after this point are missed.",
          workspace.ref(code));
    }
    for (Target t : sink.targets.values()) {
      addEdge(owner, t.vertex(), t.site(), null);
      if (!sink.immediate.getOrDefault(t.vertex(), true)) {
        deferred.add(owner + "->" + t.vertex());
      }
    }
    if (!sink.external.isEmpty()) {
      external.computeIfAbsent(owner, k -> new ArrayList<>()).addAll(sink.external);
    }
  }

  /** What one scan found; targets keep the first site per vertex. */
  private final class Sink {
    final String owner;
    final Map<String, Target> targets = new LinkedHashMap<>();
    final Map<String, Boolean> immediate = new TreeMap<>();
    final List<ExternalCall> external = new ArrayList<>();

    Sink(String owner) {
      this.owner = owner;
    }

    void target(String vertex, SourceRef site, Node call) {
      target(vertex, site, call, false);
    }

    void target(String vertex, SourceRef site, Node call, boolean deferred) {
      if (!graph.containsVertex(vertex)) {
        return;
      }
      immediate.merge(vertex, !deferred, Boolean::logicalOr);
      Target existing = targets.get(vertex);
      if (existing == null || site.compareTo(existing.site()) < 0) {
        targets.put(vertex, new Target(vertex, site));
      }
      if (call != null && owner != null) { // entry-code scans are queries: the graph stays as built
        callSites.computeIfAbsent(vertex, k -> new ArrayList<>()).add(call);
      }
    }
  }

  private void visit(Node node, Sink sink, Node root) {
    if (node instanceof LambdaExpr lambda && node != root) {
      sink.target(lambdaVertex(lambda, sink.owner), workspace.ref(lambda), null, stored(lambda));
      return;
    }
    if (node instanceof TypeDeclaration<?> && node != root) {
      return; // local and nested classes have vertices of their own
    }
    if (node instanceof LambdaExpr lambda) {
      visit(lambda.getBody(), sink, lambda.getBody());
      return;
    }
    if (node instanceof MethodCallExpr call) {
      call(call, sink);
    } else if (node instanceof ObjectCreationExpr creation) {
      creation(creation, sink);
    } else if (node instanceof MethodReferenceExpr ref) {
      reference(ref, sink);
    } else if (node instanceof ExplicitConstructorInvocationStmt ctor) {
      explicitConstructor(ctor, sink);
    } else if (node instanceof FieldAccessExpr access) {
      types.staticTypeOf(access.getScope())
          .ifPresent(t -> sink.target(t + "#<clinit>()", workspace.ref(access), null));
    }
    for (Node child : node.getChildNodes()) {
      visit(child, sink, root);
    }
  }

  private static final Set<String> STORING = Set.of(
      "put", "putIfAbsent", "add", "addAll", "register", "set", "offer", "push", "of", "ofEntries",
      "entry", "addListener", "addHandler", "subscribe", "route", "on", "get", "post", "delete",
      "patch", "options", "head", "before", "after", "path", "exception", "notFound");

  /**
   * A lambda or method reference kept for later (assigned, returned, put in a map, given to a
   * constructor or a registration call) rather than run where it is written. Its edge is followed
   * for routes, which start from it anyway, but not for cold-start code.
   */
  private static boolean stored(Node fn) {
    Node parent = fn.getParentNode().orElse(null);
    while (parent instanceof com.github.javaparser.ast.expr.CastExpr
        || parent instanceof com.github.javaparser.ast.expr.EnclosedExpr) {
      parent = parent.getParentNode().orElse(null);
    }
    if (parent instanceof com.github.javaparser.ast.body.VariableDeclarator
        || parent instanceof com.github.javaparser.ast.expr.AssignExpr
        || parent instanceof com.github.javaparser.ast.stmt.ReturnStmt
        || parent instanceof ObjectCreationExpr) {
      return true;
    }
    return parent instanceof MethodCallExpr m && STORING.contains(m.getNameAsString())
        && m.getArguments().stream().anyMatch(a -> a == fn);
  }

  private String lambdaVertex(LambdaExpr lambda, String owner) {
    String existing = lambdaIds.get(lambda);
    if (existing != null) {
      return existing;
    }
    String base = owner != null ? owner : enclosingVertex(lambda).orElse("?");
    int n = lambdaCounters.merge(base, 1, Integer::sum);
    String id = base + "$lambda" + n;
    lambdaIds.put(lambda, id);
    addVertex(id, lambda);
    scanInto(id, lambda.getBody());
    return id;
  }

  private Optional<String> enclosingVertex(Node node) {
    for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof LambdaExpr l && lambdaIds.containsKey(l)) {
        return Optional.of(lambdaIds.get(l));
      }
      if (n instanceof CallableDeclaration<?> c) {
        return idOf(c);
      }
      if (n instanceof TypeDeclaration<?> t) {
        return t.getFullyQualifiedName().map(f -> f + "#<clinit>()");
      }
    }
    return Optional.empty();
  }

  private void call(MethodCallExpr call, Sink sink) {
    String name = call.getNameAsString();
    int argc = call.getArguments().size();
    SourceRef site = workspace.ref(call);
    Set<String> targets = new TreeSet<>();
    boolean leavesRepo = false;
    boolean unknown = false;
    if (call.getScope().isEmpty()) {
      Optional<TypeDeclaration<?>> scopeType = TypeResolver.enclosingType(call);
      boolean external = false;
      while (scopeType.isPresent() && targets.isEmpty()) {
        String fqn = scopeType.get().getFullyQualifiedName().orElse("");
        targets.addAll(virtualTargets(fqn, name, argc, false, Optional.empty()));
        external |= types.hasExternalSupertype(fqn);
        scopeType = TypeResolver.enclosingType(scopeType.get());
      }
      if (targets.isEmpty()) {
        targets.addAll(staticImportTargets(call, name, argc));
      }
      if (targets.isEmpty()) {
        external |= externalStaticImport(call, name)
            || TypeResolver.enclosingTypeName(call).map(t -> implicitMethod(t, name)).orElse(false);
        leavesRepo = external;
        unknown = !external;
      }
    } else {
      Expression scope = call.getScope().get();
      Optional<String> staticType = types.staticTypeOf(scope);
      if (staticType.isPresent()) {
        if (workspace.findType(staticType.get()).isPresent()) {
          targets.addAll(virtualTargets(staticType.get(), name, argc, true, Optional.empty()));
          sink.target(staticType.get() + "#<clinit>()", site, null);
          unknown = targets.isEmpty() && !types.hasExternalSupertype(staticType.get())
              && !implicitMethod(staticType.get(), name);
          leavesRepo = targets.isEmpty() && !unknown;
        } else {
          leavesRepo = true;
        }
      } else if (scope instanceof SuperExpr) {
        TypeResolver.enclosingType(call).flatMap(TypeDeclaration::getFullyQualifiedName)
            .ifPresent(t -> types.supertypesOf(t).forEach(s ->
                targets.addAll(virtualTargets(s, name, argc, true, Optional.empty()))));
        leavesRepo = targets.isEmpty();
      } else {
        Optional<String> receiver = types.typeOf(scope);
        if (receiver.isPresent()) {
          if (workspace.findType(receiver.get()).isPresent()) {
            boolean exact = scope instanceof ObjectCreationExpr;
            targets.addAll(virtualTargets(receiver.get(), name, argc, exact, injection.qualifierOf(scope)));
            if (targets.isEmpty()) {
              leavesRepo = types.hasExternalSupertype(receiver.get())
                  || abstractOnly(receiver.get(), name) || implicitMethod(receiver.get(), name);
              unknown = !leavesRepo;
            }
          } else {
            leavesRepo = true;
          }
        } else {
          if (declaredMethodNames.contains(name) && !onExternalChain(scope)) {
            targets.addAll(symbolSolverTargets(call));
          }
          if (targets.isEmpty()) {
            leavesRepo = true;
            unknown = undeclaredName(scope);
          }
        }
      }
    }
    for (String t : targets) {
      sink.target(t, site, call);
    }
    if (leavesRepo || unknown) {
      sink.external.add(new ExternalCall(call, site));
    }
    if (unknown) {
      String key = call.getScope().map(Object::toString).map(s -> s + ".").orElse("") + name;
      synchronized (unresolved) {
        unresolved.merge(key, site, (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
    }
  }

  /** A receiver named by a variable whose declaration or type cannot be found. */
  private boolean undeclaredName(Expression scope) {
    if (scope instanceof NameExpr n) {
      Optional<Node> decl = types.declarationOf(n);
      if (decl.isEmpty()) {
        return !Character.isUpperCase(n.getNameAsString().charAt(0));
      }
      if (decl.get() instanceof Parameter p && p.getType().isUnknownType()) {
        return false; // an implicitly typed lambda parameter: usually a JDK functional type
      }
      return false;
    }
    return false;
  }

  private static final Set<String> OBJECT_METHODS = Set.of(
      "toString", "equals", "hashCode", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");
  private static final Set<String> ENUM_METHODS = Set.of(
      "values", "valueOf", "name", "ordinal", "compareTo", "getDeclaringClass", "describeConstable");

  /** Methods every object, enum or record has without declaring them. */
  private boolean implicitMethod(String type, String name) {
    if (OBJECT_METHODS.contains(name)) {
      return true;
    }
    for (String t : types.selfAndSupertypes(type)) {
      Optional<TypeDeclaration<?>> decl = workspace.findType(t);
      if (decl.isEmpty()) {
        continue;
      }
      if (decl.get() instanceof EnumDeclaration && ENUM_METHODS.contains(name)) {
        return true;
      }
      if (decl.get() instanceof com.github.javaparser.ast.body.RecordDeclaration r
          && r.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))) {
        return true;
      }
    }
    return false;
  }

  /** A static import from outside the repository that may supply the method ({@code spark.Spark.*}). */
  private boolean externalStaticImport(MethodCallExpr call, String name) {
    return call.findCompilationUnit().map(unit -> unit.getImports().stream().anyMatch(imp -> {
      if (!imp.isStatic()) {
        return false;
      }
      String imported = imp.getNameAsString();
      String owner = imp.isAsterisk() ? imported
          : imported.endsWith("." + name) ? imported.substring(0, imported.length() - name.length() - 1) : null;
      return owner != null && workspace.findType(owner).isEmpty();
    })).orElse(false);
  }

  private boolean abstractOnly(String type, String name) {
    return workspace.findType(type).map(t -> !t.getMethodsByName(name).isEmpty()).orElse(false);
  }

  private Set<String> staticImportTargets(MethodCallExpr call, String name, int argc) {
    Set<String> out = new TreeSet<>();
    call.findCompilationUnit().ifPresent(unit -> unit.getImports().forEach(imp -> {
      if (!imp.isStatic()) {
        return;
      }
      String imported = imp.getNameAsString();
      String owner = imp.isAsterisk() ? imported
          : imported.endsWith("." + name) ? imported.substring(0, imported.length() - name.length() - 1) : null;
      if (owner != null && workspace.findType(owner).isPresent()) {
        out.addAll(virtualTargets(owner, name, argc, true, Optional.empty()));
      }
    }));
    return out;
  }

  private Set<String> symbolSolverTargets(MethodCallExpr call) {
    record Declared(String id, String owner) {}
    Optional<Declared> declared;
    try {
      declared = SolverLock.ask(() -> {
        ResolvedMethodDeclaration resolved = call.resolve();
        return resolved.toAst()
            .filter(MethodDeclaration.class::isInstance)
            .flatMap(m -> idOf((MethodDeclaration) m))
            .map(id -> new Declared(id, resolved.declaringType().getQualifiedName()));
      });
    } catch (RuntimeException | StackOverflowError e) {
      return Set.of(); // No jars, or a construct the solver does not handle: the caller reports it.
    }
    if (declared.isEmpty() || !graph.containsVertex(declared.get().id())) {
      return Set.of();
    }
    Set<String> out = new TreeSet<>();
    out.add(declared.get().id());
    out.addAll(virtualTargets(
        declared.get().owner(), call.getNameAsString(), call.getArguments().size(), false, Optional.empty()));
    return out;
  }

  /**
   * The methods a call may enter: the nearest implementation in the receiver's type or its
   * supertypes and, unless the receiver's exact type is known, the overrides in its subtypes
   * (narrowed by dependency injection).
   */
  private Set<String> virtualTargets(String type, String name, int argc, boolean exact, Optional<String> qualifier) {
    Set<String> out = new TreeSet<>();
    for (String t : types.selfAndSupertypes(type)) {
      Optional<TypeDeclaration<?>> decl = workspace.findType(t);
      if (decl.isEmpty()) {
        continue;
      }
      List<String> found = implementations(decl.get(), name, argc);
      if (!found.isEmpty()) {
        out.addAll(found);
        break;
      }
    }
    if (!exact) {
      for (String sub : injection.narrow(type, types.subtypesOf(type), qualifier)) {
        workspace.findType(sub).ifPresent(d -> out.addAll(implementations(d, name, argc)));
      }
    }
    return out;
  }

  private List<String> implementations(TypeDeclaration<?> type, String name, int argc) {
    List<String> out = new ArrayList<>();
    for (MethodDeclaration m : type.getMethodsByName(name)) {
      if (m.getBody().isPresent() && (argc < 0 || accepts(m, argc))) {
        cachedId(m).ifPresent(out::add);
      }
    }
    return out;
  }

  private static boolean accepts(CallableDeclaration<?> m, int argc) {
    int n = m.getParameters().size();
    boolean varargs = n > 0 && m.getParameter(n - 1).isVarArgs();
    return n == argc || varargs && argc >= n - 1;
  }

  private List<String> constructors(String type, int argc) {
    Optional<TypeDeclaration<?>> decl = workspace.findType(type);
    if (decl.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (decl.get().getConstructors().isEmpty()) {
      out.add(type + "#<init>()");
    }
    for (ConstructorDeclaration c : decl.get().getConstructors()) {
      if (argc < 0 || accepts(c, argc)) {
        cachedId(c).ifPresent(out::add);
      }
    }
    return out;
  }

  private void creation(ObjectCreationExpr creation, Sink sink) {
    Optional<String> type = types.qualify(creation.getType(), creation);
    if (type.isEmpty() || workspace.findType(type.get()).isEmpty()) {
      return;
    }
    SourceRef site = workspace.ref(creation);
    for (String ctor : constructors(type.get(), creation.getArguments().size())) {
      sink.target(ctor, site, creation);
    }
    sink.target(type.get() + "#<clinit>()", site, null);
  }

  private void reference(MethodReferenceExpr ref, Sink sink) {
    Expression scope = ref.getScope();
    Optional<String> type;
    boolean exact = false;
    if (scope instanceof ThisExpr) {
      type = TypeResolver.enclosingTypeName(ref);
    } else if (scope instanceof SuperExpr) {
      type = TypeResolver.enclosingType(ref).flatMap(TypeDeclaration::getFullyQualifiedName)
          .flatMap(t -> types.supertypesOf(t).stream().findFirst());
      exact = true;
    } else {
      type = types.staticTypeOf(scope);
      if (type.isEmpty()) {
        type = types.typeOf(scope);
      }
    }
    if (type.isEmpty()) {
      return;
    }
    SourceRef site = workspace.ref(ref);
    if (ref.getIdentifier().equals("new")) {
      constructors(type.get(), -1).forEach(c -> sink.target(c, site, null, stored(ref)));
      return;
    }
    virtualTargets(type.get(), ref.getIdentifier(), -1, exact, Optional.empty())
        .forEach(t -> sink.target(t, site, null, stored(ref)));
  }

  private void explicitConstructor(ExplicitConstructorInvocationStmt ctor, Sink sink) {
    Optional<TypeDeclaration<?>> owner = TypeResolver.enclosingType(ctor);
    if (owner.isEmpty()) {
      return;
    }
    Optional<String> target;
    if (ctor.isThis()) {
      target = owner.get().getFullyQualifiedName();
    } else if (owner.get() instanceof ClassOrInterfaceDeclaration c && !c.getExtendedTypes().isEmpty()) {
      target = types.qualify(c.getExtendedTypes().get(0), c);
    } else {
      target = Optional.empty();
    }
    SourceRef site = workspace.ref(ctor);
    target.ifPresent(t -> constructors(t, ctor.getArguments().size()).forEach(c -> sink.target(c, site, ctor)));
  }

  private void reportUnresolved() {
    synchronized (unresolved) {
      for (Map.Entry<String, SourceRef> e : unresolved.entrySet()) {
        if (!reported.add(e.getKey())) {
          continue;
        }
        workspace.diagnostics().note(
            "unresolved-call",
            "Could not tell which method `" + e.getKey() + "(..)` calls; AWS calls behind it are not followed.",
            e.getValue());
      }
      unresolved.clear();
    }
  }
}
