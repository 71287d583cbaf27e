package dev.ficus.routes;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.resolution.types.ResolvedReferenceType;
import com.github.javaparser.resolution.types.ResolvedType;
import dev.ficus.iac.IacModel;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Route;
import dev.ficus.model.RouteCode;
import dev.ficus.workspace.SolverLock;
import dev.ficus.workspace.Workspace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cuts one route of a hand-written dispatch out of its dispatcher: the dispatcher class, with its
 * {@code handleRequest} reduced to the statements the route runs (the prelude, the branch, and
 * the {@code try} and {@code catch} around them) and without the members only other branches
 * use. The statements come from the route's entry code, which the dispatch interpreter recorded
 * as it ran the route; the switch, if chain or lookup that chose the branch is what goes.
 */
final class DispatchSlicer {

  private final Workspace workspace;
  private final IacModel iac;
  private List<String> notes = new ArrayList<>();
  /**
   * Per dispatcher method, what every route of it shares: its event kind (a symbol-solver call)
   * and its printed signature. A dispatcher of R routes is sliced R times, and working these out
   * each time made slicing cost R times the dispatcher's size.
   */
  private final Map<MethodDeclaration, RouteCode.Event> events = new IdentityHashMap<>();
  private final Map<MethodDeclaration, String> signatures = new IdentityHashMap<>();
  /** Per method, the variables holding the request's path parameters. */
  private final Map<Node, Set<String>> pathHolders = new IdentityHashMap<>();
  /**
   * Tests of the dispatcher that call no regex matcher: every route of an else-if chain passes
   * the tests before its own, so without this each route would search all of them again.
   */
  private final Set<Expression> statelessTests = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<TypeDeclaration<?>, Members> members = new IdentityHashMap<>();
  /** What every route of a dispatcher prints or looks up alike, worked out once. */
  private final Map<TypeDeclaration<?>, String> headers = new IdentityHashMap<>();
  private final Map<TypeDeclaration<?>, Map<String, List<MethodDeclaration>>> methodsNamed = new IdentityHashMap<>();
  private final Map<BodyDeclaration<?>, String> printedMembers = new IdentityHashMap<>();
  private final Map<BodyDeclaration<?>, Set<String>> memberNames = new IdentityHashMap<>();
  /** The repository's methods by name, for calls the symbol solver cannot resolve. */
  private Map<String, List<MethodDeclaration>> methodsByName;

  DispatchSlicer(Workspace workspace, IacModel iac) {
    this.workspace = workspace;
    this.iac = iac;
  }

  /** The route's code, or empty when its dispatcher method cannot be found. */
  Optional<RouteCode> slice(ExtractedRoute extracted) {
    Route route = extracted.route();
    Kept kept = new Kept();
    extracted.entryCode().forEach(kept::add);
    Optional<MethodDeclaration> entry = entryMethod(extracted);
    if (entry.isEmpty() || entry.get().getBody().isEmpty()
        || !(entry.get().getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration type)) {
      return Optional.empty();
    }
    MethodDeclaration method = entry.get();
    BlockStmt body = method.getBody().get();
    List<String> notes = new ArrayList<>();
    this.notes = notes;
    Optional<Node> foreign =
        extracted.entryCode().stream().filter(n -> !isAncestor(body, n) && n != body).findFirst();
    if (foreign.isPresent() && !anchor(body, foreign.get(), kept)) {
      // The branch is chosen by a lookup ficus cannot rewrite (a table of handlers): the lookup
      // stays, and serves only this route because the API sends only this route here.
      boolean after = false;
      for (Statement s : body.getStatements()) {
        if (after && !kept.within(s)) {
          kept.add(s);
        }
        after |= kept.within(s);
      }
      notes.add("The dispatch of " + type.getNameAsString() + " picks the branch by a lookup that"
          + " could not be cut out; the handler keeps that lookup, which the API only reaches for"
          + " this route.");
    }
    Pruner pruner = new Pruner(kept, notes);
    BlockStmt newBody = new BlockStmt(pruner.statements(body));

    Set<String> used = identifiers(newBody);
    List<BodyDeclaration<?>> members = usedMembers(type, method, used);
    String self = type.getNameAsString();
    List<String> seam = seam(type, members);
    List<String> memberTexts = new ArrayList<>();
    Set<String> allNames = new TreeSet<>(used);
    for (BodyDeclaration<?> m : members) {
      if (m instanceof ConstructorDeclaration) { // a copy of this route's own, printed once
        BodyDeclaration<?> c = m.clone();
        rename(c, self);
        memberTexts.add(print(c));
        allNames.addAll(identifiers(m));
      } else { // the dispatcher's member itself, shared with other routes
        memberTexts.add(memberText(m, self));
        allNames.addAll(memberNames.computeIfAbsent(m, DispatchSlicer::identifiers));
      }
    }
    allNames.addAll(identifiers(method.getType()));
    method.getParameters().forEach(p -> allNames.addAll(identifiers(p)));
    method.getThrownExceptions().forEach(t -> allNames.addAll(identifiers(t)));
    method.getAnnotations().forEach(a -> allNames.addAll(identifiers(a)));
    type.getImplementedTypes().forEach(t -> allNames.addAll(identifiers(t)));
    type.getExtendedTypes().forEach(t -> allNames.addAll(identifiers(t)));
    String signatureText = signatures.computeIfAbsent(method, DispatchSlicer::signatureText);
    BlockStmt renamedBody = newBody.clone();
    rename(renamedBody, self);
    String bodyText = statementsText(renamedBody);

    CompilationUnit unit = type.findCompilationUnit().orElseThrow();
    String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    List<String> imports = new ArrayList<>();
    Set<String> classes = new TreeSet<>();
    for (ImportDeclaration i : unit.getImports()) {
      String name = i.getNameAsString();
      String simple = name.substring(name.lastIndexOf('.') + 1);
      if (!i.isAsterisk() && !allNames.contains(simple)) {
        continue;
      }
      imports.add((i.isStatic() ? "static " : "") + name + (i.isAsterisk() ? ".*" : ""));
      if (!i.isStatic() && !i.isAsterisk() && workspace.findType(name).isPresent()) {
        classes.add(name);
      }
    }
    for (String name : allNames) {
      String qualified = pkg.isEmpty() ? name : pkg + "." + name;
      if (!name.equals(self) && workspace.findType(qualified).isPresent()) {
        classes.add(qualified);
      }
    }
    String headerText = headers.computeIfAbsent(type, t -> headerText(type, self));

    Set<String> pathParameters = new TreeSet<>();
    pathParameters(newBody, pathParameters, pathHolders);
    members.forEach(m -> pathParameters(m, pathParameters, pathHolders));
    extracted.entryCode().forEach(n -> pathParameters(n, pathParameters, pathHolders));

    String eventParameter = method.getParameters().isEmpty() ? "event" : method.getParameter(0).getNameAsString();
    return Optional.of(new RouteCode(
        route.id(), route.handler(), RouteCode.Kind.SLICE,
        type.getFullyQualifiedName().orElse(self), events.computeIfAbsent(method, DispatchSlicer::event), imports, headerText, memberTexts,
        signatureText, bodyText, eventParameter, seam, List.copyOf(pathParameters), List.copyOf(classes),
        notes));
  }

  /**
   * The parameter types of the constructor with the most parameters. When the dispatcher has
   * none (its only constructor builds its collaborators, often calling AWS), one that takes each
   * kept instance field is added to the members, so tests can construct the handler offline.
   */
  private static List<String> seam(ClassOrInterfaceDeclaration type, List<BodyDeclaration<?>> members) {
    ConstructorDeclaration widest = null;
    for (BodyDeclaration<?> m : members) {
      if (m instanceof ConstructorDeclaration c
          && (widest == null || c.getParameters().size() > widest.getParameters().size())) {
        widest = c;
      }
    }
    if (widest != null && !widest.getParameters().isEmpty()) {
      return widest.getParameters().stream().map(p -> p.getType().asString()).toList();
    }
    List<VariableDeclarator> fields = new ArrayList<>();
    for (BodyDeclaration<?> m : members) {
      if (m instanceof FieldDeclaration f && !f.isStatic()) {
        for (VariableDeclarator v : f.getVariables()) {
          if (v.getInitializer().isPresent()) {
            return List.of();
          }
          fields.add(v);
        }
      }
    }
    if (fields.isEmpty()) {
      return List.of();
    }
    ConstructorDeclaration added = new ConstructorDeclaration(type.getNameAsString());
    BlockStmt body = new BlockStmt();
    for (VariableDeclarator v : fields) {
      added.addParameter(v.getType().clone(), v.getNameAsString());
      body.addStatement(new AssignExpr(
          new FieldAccessExpr(new ThisExpr(), v.getNameAsString()), new NameExpr(v.getNameAsString()),
          AssignExpr.Operator.ASSIGN));
    }
    added.setBody(body);
    added.setModifiers(new NodeList<>());
    added.setLineComment(" Added by ficus for tests: the collaborators, without what the public constructor builds.");
    members.add(added);
    return fields.stream().map(v -> v.getType().asString()).toList();
  }

  /** The dispatcher's handler method: the one the IaC names, else the one holding the prelude. */
  private Optional<MethodDeclaration> entryMethod(ExtractedRoute extracted) {
    Route route = extracted.route();
    Optional<LambdaFunction> function =
        route.function() == null ? Optional.empty() : iac.function(route.function());
    if (function.isPresent() && function.get().handlerClass() != null) {
      String name = function.get().handlerMethod() == null ? "handleRequest" : function.get().handlerMethod();
      Optional<TypeDeclaration<?>> type = workspace.findType(function.get().handlerClass());
      if (type.isPresent()) {
        List<MethodDeclaration> methods = methodsNamed
            .computeIfAbsent(type.get(), t -> new java.util.HashMap<>())
            .computeIfAbsent(name, n -> type.get().getMethodsByName(n));
        for (MethodDeclaration m : methods) {
          if (m.getBody().isPresent()
              && extracted.entryCode().stream().anyMatch(n -> isAncestor(m.getBody().get(), n))) {
            return Optional.of(m);
          }
        }
        if (methods.size() == 1) {
          return Optional.of(methods.get(0));
        }
      }
    }
    if (extracted.entryCode().isEmpty()) {
      return Optional.empty();
    }
    return extracted.entryCode().get(0).findAncestor(MethodDeclaration.class)
        .filter(m -> m.getParameters().size() >= 2);
  }

  /**
   * Marks, in the dispatcher's method, the statement that calls into the nested router where
   * the route's code goes on; false when no call leads there.
   */
  private static boolean anchor(BlockStmt body, Node foreign, Kept kept) {
    Optional<CallableDeclaration> target = foreign instanceof CallableDeclaration<?> c
        ? Optional.of(c) : foreign.findAncestor(CallableDeclaration.class);
    if (target.isEmpty()) {
      return false;
    }
    String name = target.get().getNameAsString();
    int arity = target.get().getParameters().size();
    for (MethodCallExpr call : body.findAll(MethodCallExpr.class)) {
      if (call.getNameAsString().equals(name) && call.getArguments().size() == arity) {
        Optional<Statement> statement = call.findAncestor(Statement.class);
        if (statement.isPresent()) {
          kept.add(statement.get());
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code ancestor} lies above {@code node}, found by walking up from the node: JavaParser's
   * {@code isAncestorOf} searches the ancestor's whole subtree, which for a dispatcher method is
   * the size of the dispatcher for every route.
   */
  static boolean isAncestor(Node ancestor, Node node) {
    for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n == ancestor) {
        return true;
      }
    }
    return false;
  }

  /**
   * The statements a route keeps, and every node above them, so that whether a subtree holds a
   * kept node is one lookup instead of a walk of the subtree at each level of the pruning.
   */
  private static final class Kept {
    private final Set<Node> nodes = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Node> above = Collections.newSetFromMap(new IdentityHashMap<>());

    void add(Node node) {
      nodes.add(node);
      for (Node n = node.getParentNode().orElse(null); n != null && above.add(n); n = n.getParentNode().orElse(null)) {
        // marks the ancestors up to the first one already marked
      }
    }

    boolean contains(Node node) {
      return nodes.contains(node);
    }

    /** The node is kept or holds a kept node. */
    boolean within(Node node) {
      return nodes.contains(node) || above.contains(node);
    }

    /**
     * The entries of a switch that hold a kept node, in source order: found from the kept nodes
     * upwards, as a dispatch switch has an entry per route and a scan of them all per route made
     * slicing quadratic.
     */
    List<SwitchEntry> entriesOf(Node sw) {
      Set<SwitchEntry> found = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Node k : nodes) {
        Node below = k;
        for (Node n = k.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
          if (n == sw) {
            if (below instanceof SwitchEntry e) {
              found.add(e);
            }
            break;
          }
          below = n;
        }
      }
      if (ranged(found)) {
        List<SwitchEntry> ordered = new ArrayList<>(found);
        ordered.sort(java.util.Comparator.comparing(e -> e.getRange().get().begin));
        return ordered;
      }
      List<SwitchEntry> ordered = new ArrayList<>();
      NodeList<SwitchEntry> entries = sw instanceof SwitchStmt st ? st.getEntries()
          : ((com.github.javaparser.ast.expr.SwitchExpr) sw).getEntries();
      for (SwitchEntry e : entries) {
        if (within(e)) {
          ordered.add(e);
        }
      }
      return ordered;
    }

    /** Whether every entry has its place in the source, by which entries sort. */
    private static boolean ranged(Set<SwitchEntry> entries) {
      return entries.stream().allMatch(e -> e.getRange().isPresent());
    }

    List<Node> under(Node ancestor) {
      List<Node> out = new ArrayList<>();
      for (Node k : nodes) {
        if (isAncestor(ancestor, k)) {
          out.add(k);
        }
      }
      return out;
    }
  }

  /** Rebuilds statements keeping the route's path: switches and ifs give way to their branch. */
  private final class Pruner {
    private final Kept kept;

    Pruner(Kept kept, List<String> notes) {
      this.kept = kept;
    }

    NodeList<Statement> statements(BlockStmt block) {
      NodeList<Statement> out = new NodeList<>();
      for (Statement s : block.getStatements()) {
        out.addAll(prune(s));
      }
      return out;
    }

    List<Statement> prune(Statement s) {
      if (s instanceof ReturnStmt rs
          && rs.getExpression().orElse(null) instanceof com.github.javaparser.ast.expr.SwitchExpr sx
          && kept.within(sx)) {
        Optional<List<Statement>> branch = returnedBranch(sx);
        if (branch.isPresent()) {
          return branch.get();
        }
      }
      if (kept.contains(s)) {
        return List.of(s.clone());
      }
      if (!kept.within(s)) {
        return List.of();
      }
      if (s instanceof BlockStmt block) {
        return List.of(new BlockStmt(statements(block)));
      }
      if (s instanceof SwitchStmt sw) {
        List<Statement> branch = new ArrayList<>();
        for (SwitchEntry e : kept.entriesOf(sw)) {
          for (Statement st : e.getStatements()) {
            branch.addAll(unwrap(prune(st)));
          }
        }
        while (!branch.isEmpty() && branch.get(branch.size() - 1) instanceof BreakStmt b
            && b.getLabel().isEmpty()) {
          branch.remove(branch.size() - 1);
        }
        if (branch.stream().anyMatch(b -> b instanceof BreakStmt)) {
          notes.add("The branch leaves its switch with a break in the middle; check the statements"
              + " after it in handleRequest.");
        }
        return branch;
      }
      if (s instanceof IfStmt is) {
        List<Statement> out = new ArrayList<>(stateful(is.getCondition()));
        if (kept.within(is.getThenStmt())) {
          out.addAll(unwrap(prune(is.getThenStmt())));
        } else {
          is.getElseStmt().ifPresent(e -> out.addAll(unwrap(prune(e))));
        }
        return out;
      }
      if (s instanceof TryStmt ts) {
        NodeList<Statement> tried = statements(ts.getTryBlock());
        if (tried.isEmpty()) {
          return List.of();
        }
        List<Node> originals = kept.under(ts.getTryBlock());
        NodeList<CatchClause> catches = new NodeList<>();
        for (CatchClause c : ts.getCatchClauses()) {
          if (mayCatch(c, originals, ts)) {
            catches.add(c.clone());
          }
        }
        TryStmt copy = new TryStmt(
            ts.getResources().stream().map(Expression::clone).collect(NodeList.toNodeList()),
            new BlockStmt(tried), catches, ts.getFinallyBlock().map(BlockStmt::clone).orElse(null));
        if (catches.isEmpty() && copy.getFinallyBlock().isEmpty() && copy.getResources().isEmpty()) {
          return List.copyOf(tried);
        }
        return List.of(copy);
      }
      return List.of(s.clone());
    }

    /**
     * {@code return switch (..) { case X -> f(); ... };} cut to the route's entry: {@code return
     * f();}, or the entry's block with its {@code yield}s as {@code return}s. Empty when the route
     * runs through several entries or none, and the whole statement stays.
     */
    private Optional<List<Statement>> returnedBranch(com.github.javaparser.ast.expr.SwitchExpr sx) {
      List<SwitchEntry> entries = kept.entriesOf(sx);
      if (entries.size() != 1) {
        return Optional.empty();
      }
      SwitchEntry entry = entries.get(0);
      if (entry.getType() == SwitchEntry.Type.EXPRESSION && entry.getStatements().size() == 1
          && entry.getStatements().get(0) instanceof ExpressionStmt es) {
        return Optional.of(List.of(new ReturnStmt(es.getExpression().clone())));
      }
      if (entry.getType() == SwitchEntry.Type.THROWS_STATEMENT) {
        return Optional.of(List.of(entry.getStatements().get(0).clone()));
      }
      if (entry.getType() == SwitchEntry.Type.BLOCK && entry.getStatements().size() == 1
          && entry.getStatements().get(0) instanceof BlockStmt block) {
        BlockStmt body = new BlockStmt(new NodeList<>(unwrap(prune(block))));
        for (com.github.javaparser.ast.stmt.YieldStmt y : body.findAll(com.github.javaparser.ast.stmt.YieldStmt.class)) {
          boolean ours = y.findAncestor(com.github.javaparser.ast.expr.SwitchExpr.class).isEmpty();
          if (ours) {
            y.replace(new ReturnStmt(y.getExpression().clone()));
          }
        }
        return Optional.of(List.copyOf(body.getStatements()));
      }
      return Optional.empty();
    }

    /**
     * The calls of a dropped test whose effect the branch may rely on: a regex match
     * ({@code m.matches()}) sets the groups the branch reads.
     */
    private List<Statement> stateful(Expression condition) {
      if (statelessTests.contains(condition)) {
        return List.of(); // most tests: known from an earlier route of the same dispatcher
      }
      List<Statement> out = new ArrayList<>();
      for (MethodCallExpr call : condition.findAll(MethodCallExpr.class)) {
        String name = call.getNameAsString();
        if ((name.equals("matches") || name.equals("find") || name.equals("lookingAt"))
            && call.getArguments().isEmpty() && call.getScope().orElse(null) instanceof NameExpr) {
          out.add(new ExpressionStmt(call.clone()));
        }
      }
      if (out.isEmpty()) {
        statelessTests.add(condition);
      }
      return out;
    }

    private static List<Statement> unwrap(List<Statement> statements) {
      if (statements.size() == 1 && statements.get(0) instanceof BlockStmt b) {
        return List.copyOf(b.getStatements());
      }
      return statements;
    }
  }

  /**
   * Whether a catch clause may still catch something once the try block holds only the route's
   * statements: Java rejects a catch of a checked exception nothing in the block throws. When a
   * call cannot be resolved and no method of the repository has its name, it may throw anything,
   * and the clause stays.
   */
  private boolean mayCatch(CatchClause clause, List<Node> tried, TryStmt original) {
    Type type = clause.getParameter().getType();
    if (!type.isClassOrInterfaceType()) {
      return true;
    }
    Set<String> thrown = new TreeSet<>();
    for (Node n : tried) {
      if (!thrown(n, thrown)) {
        return true;
      }
    }
    String simple = type.asClassOrInterfaceType().getNameAsString();
    if (simple.equals("Exception") || simple.equals("Throwable") || thrown.contains(simple)) {
      return true;
    }
    try {
      if (SolverLock.ask(() -> unchecked(type.resolve().asReferenceType()))) {
        return true;
      }
    } catch (RuntimeException | StackOverflowError e) {
      // The exception's library is not on the analysis's class path: the branch's calls declare
      // nothing of that name, so it can only be unchecked or unthrown.
      notes.add("The catch of " + simple + " around the branch was dropped because nothing in"
          + " the branch declares it; put it back if it is an unchecked exception.");
    }
    return false;
  }

  private static boolean unchecked(ResolvedReferenceType type) {
    String name = type.getQualifiedName();
    if (name.equals("java.lang.RuntimeException") || name.equals("java.lang.Error")) {
      return true;
    }
    return type.getAllAncestors().stream()
        .map(ResolvedReferenceType::getQualifiedName)
        .anyMatch(a -> a.equals("java.lang.RuntimeException") || a.equals("java.lang.Error"));
  }

  /**
   * Adds the simple names of the exceptions the calls and throws in a node declare, with their
   * supertypes where known; false when some call may throw what ficus cannot see.
   */
  private boolean thrown(Node node, Set<String> out) {
    List<Node> calls = new ArrayList<>();
    calls.addAll(node.findAll(MethodCallExpr.class));
    calls.addAll(node.findAll(ObjectCreationExpr.class));
    for (Node call : calls) {
      try {
        SolverLock.run(() -> {
          List<ResolvedType> declared = call instanceof MethodCallExpr m
              ? m.resolve().getSpecifiedExceptions()
              : ((ObjectCreationExpr) call).resolve().getSpecifiedExceptions();
          declared.forEach(t -> addNames(t, out));
        });
      } catch (RuntimeException | StackOverflowError e) {
        if (!(call instanceof MethodCallExpr m) || !declaredByName(m, out)) {
          return false;
        }
      }
    }
    for (ThrowStmt t : node.findAll(ThrowStmt.class)) {
      try {
        SolverLock.run(() -> addNames(t.getExpression().calculateResolvedType(), out));
      } catch (RuntimeException | StackOverflowError e) {
        return false;
      }
    }
    return true;
  }

  /** What the repository's methods of a call's name and arity declare; false when it has none. */
  private boolean declaredByName(MethodCallExpr call, Set<String> out) {
    boolean found = false;
    if (methodsByName == null) {
      methodsByName = new java.util.HashMap<>();
      for (TypeDeclaration<?> type : workspace.types().all().values()) {
        for (MethodDeclaration m : type.getMethods()) {
          methodsByName.computeIfAbsent(m.getNameAsString(), n -> new ArrayList<>()).add(m);
        }
      }
    }
    for (MethodDeclaration m : methodsByName.getOrDefault(call.getNameAsString(), List.of())) {
      if (m.getParameters().size() == call.getArguments().size()) {
        found = true;
        for (var thrown : m.getThrownExceptions()) {
          try {
            SolverLock.run(() -> addNames(thrown.resolve(), out));
          } catch (RuntimeException | StackOverflowError e) {
            out.add(thrown.asString().substring(thrown.asString().lastIndexOf('.') + 1));
          }
        }
      }
    }
    return found;
  }

  private static void addNames(ResolvedType type, Set<String> out) {
    String name = type.describe();
    out.add(name.substring(name.lastIndexOf('.') + 1));
    if (type.isReferenceType()) {
      try {
        for (ResolvedReferenceType a : type.asReferenceType().getAllAncestors()) {
          String q = a.getQualifiedName();
          out.add(q.substring(q.lastIndexOf('.') + 1));
        }
      } catch (RuntimeException | StackOverflowError e) {
        // Ancestors unknown: the name alone matches.
      }
    }
  }

  /**
   * The dispatcher's members the new handler still needs: fields, methods and nested types that
   * the new body names (and what those name in turn), constructors and initializers always, with
   * constructor statements that only set dropped fields removed. The names are followed through
   * an index of the members by name, so a dispatcher with a field per domain costs each route
   * what it uses, not a pass over every member per name found.
   */
  private List<BodyDeclaration<?>> usedMembers(
      ClassOrInterfaceDeclaration type, MethodDeclaration entry, Set<String> used) {
    Members index = members.computeIfAbsent(type, t -> new Members((ClassOrInterfaceDeclaration) t));
    Set<BodyDeclaration<?>> keep = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<String> names = new java.util.HashSet<>();
    java.util.ArrayDeque<String> work = new java.util.ArrayDeque<>();
    java.util.function.Consumer<Set<String>> name = found -> {
      for (String n : found) {
        if (names.add(n)) {
          work.add(n);
        }
      }
    };
    name.accept(used);
    for (BodyDeclaration<?> m : index.initializers) {
      name.accept(identifiers(m));
    }
    for (Statement st : index.unconditional) {
      name.accept(identifiers(st));
    }
    while (!work.isEmpty()) {
      String n = work.poll();
      for (Statement st : index.settingField.getOrDefault(n, List.of())) {
        name.accept(identifiers(st));
      }
      for (BodyDeclaration<?> m : index.byName.getOrDefault(n, List.of())) {
        if (m != entry && keep.add(m)) {
          name.accept(identifiers(m));
        }
      }
    }
    List<BodyDeclaration<?>> chosen = new ArrayList<>(index.always);
    chosen.addAll(keep);
    chosen.sort(java.util.Comparator.comparingInt(index.position::get));
    List<BodyDeclaration<?>> out = new ArrayList<>();
    for (BodyDeclaration<?> m : chosen) {
      if (m == entry) {
        continue;
      }
      if (m instanceof ConstructorDeclaration c) {
        ConstructorDeclaration copy = c.clone();
        copy.getBody().getStatements().removeIf(st -> assignedField(st)
            .map(f -> index.fields.getOrDefault(f, List.of()).stream().anyMatch(d -> !keep.contains(d)))
            .orElse(false));
        out.add(copy);
      } else {
        out.add(m);
      }
    }
    return out;
  }

  /** A dispatcher's members by name, worked out once for all its routes. */
  private static final class Members {
    /** Declaration order. */
    final Map<BodyDeclaration<?>, Integer> position = new IdentityHashMap<>();
    /** Constructors, initializers and nested types: a sliced handler keeps them all. */
    final List<BodyDeclaration<?>> always = new ArrayList<>();
    final List<BodyDeclaration<?>> initializers = new ArrayList<>();
    /** Fields by each name they declare, methods by name: what naming the name keeps. */
    final Map<String, List<BodyDeclaration<?>>> byName = new java.util.HashMap<>();
    final Map<String, List<BodyDeclaration<?>>> fields = new java.util.HashMap<>();
    /** Constructor statements that set no field, whose names are needed whatever is kept. */
    final List<Statement> unconditional = new ArrayList<>();
    /** Constructor statements that set a field, needed once that field's name is. */
    final Map<String, List<Statement>> settingField = new java.util.HashMap<>();

    Members(ClassOrInterfaceDeclaration type) {
      for (BodyDeclaration<?> m : type.getMembers()) {
        position.put(m, position.size());
        if (m instanceof ConstructorDeclaration c) {
          always.add(m);
          for (Statement st : c.getBody().getStatements()) {
            Optional<String> field = assignedField(st);
            if (field.isEmpty()) {
              unconditional.add(st);
            } else {
              settingField.computeIfAbsent(field.get(), k -> new ArrayList<>()).add(st);
            }
          }
        } else if (m.isInitializerDeclaration()) {
          always.add(m);
          initializers.add(m);
        } else if (m.isTypeDeclaration()) {
          always.add(m);
        }
        if (m instanceof FieldDeclaration f) {
          for (VariableDeclarator v : f.getVariables()) {
            List<BodyDeclaration<?>> declaring = fields.computeIfAbsent(v.getNameAsString(), k -> new ArrayList<>());
            if (!declaring.contains(m)) {
              declaring.add(m);
              byName.computeIfAbsent(v.getNameAsString(), k -> new ArrayList<>()).add(m);
            }
          }
        } else if (m instanceof MethodDeclaration md) {
          byName.computeIfAbsent(md.getNameAsString(), k -> new ArrayList<>()).add(m);
        }
      }
    }
  }

  /** A member of the dispatcher as the sliced handler prints it: its own name replaced. */
  private String memberText(BodyDeclaration<?> member, String self) {
    return printedMembers.computeIfAbsent(member, m -> {
      BodyDeclaration<?> c = m.clone();
      rename(c, self);
      return print(c);
    });
  }

  /** The field a statement {@code this.f = ...;} or {@code f = ...;} sets. */
  private static Optional<String> assignedField(Statement s) {
    if (!(s instanceof ExpressionStmt es) || !(es.getExpression() instanceof AssignExpr a)) {
      return Optional.empty();
    }
    Expression target = a.getTarget();
    if (target instanceof FieldAccessExpr fa && fa.getScope() instanceof ThisExpr) {
      return Optional.of(fa.getNameAsString());
    }
    return target instanceof NameExpr n ? Optional.of(n.getNameAsString()) : Optional.empty();
  }

  /** Every identifier a node mentions: names, called methods, types. */
  private static Set<String> identifiers(Node node) {
    Set<String> out = new TreeSet<>();
    node.findAll(SimpleName.class).forEach(n -> out.add(n.getIdentifier()));
    node.findAll(MethodReferenceExpr.class).forEach(r -> out.add(r.getIdentifier()));
    node.findAll(com.github.javaparser.ast.expr.Name.class).forEach(n -> out.add(n.getIdentifier()));
    return out;
  }

  /** Replaces the class's own name by {@link RouteCode#SELF}. */
  private static void rename(Node node, String self) {
    for (SimpleName n : node.findAll(SimpleName.class)) {
      if (n.getIdentifier().equals(self)) {
        Node parent = n.getParentNode().orElse(null);
        if (parent instanceof ConstructorDeclaration || parent instanceof NameExpr
            || parent instanceof ClassOrInterfaceType || parent instanceof ClassOrInterfaceDeclaration) {
          n.setIdentifier(RouteCode.SELF);
        }
      }
    }
  }

  private static final com.github.javaparser.printer.DefaultPrettyPrinter PRINTER =
      new com.github.javaparser.printer.DefaultPrettyPrinter(
          new com.github.javaparser.printer.configuration.DefaultPrinterConfiguration()
              .addOption(new com.github.javaparser.printer.configuration.DefaultConfigurationOption(
                  com.github.javaparser.printer.configuration.DefaultPrinterConfiguration.ConfigOption.INDENTATION,
                  new com.github.javaparser.printer.configuration.Indentation(
                      com.github.javaparser.printer.configuration.Indentation.IndentType.SPACES, 2))));

  /** Source text in the house style: two-space indentation. */
  private static String print(Node node) {
    return PRINTER.print(node);
  }

  /** {@code implements RequestHandler<...>}: the declaration after its name, before its body. */
  private static String headerText(ClassOrInterfaceDeclaration header, String self) {
    // Reads only the type parameters and supertypes, so the dispatcher itself serves, uncopied.
    StringBuilder out = new StringBuilder();
    if (!header.getTypeParameters().isEmpty()) {
      out.append('<').append(joined(header.getTypeParameters())).append('>');
    }
    if (!header.getExtendedTypes().isEmpty()) {
      out.append(out.isEmpty() ? "" : " ").append("extends ").append(joined(header.getExtendedTypes()));
    }
    if (!header.getImplementedTypes().isEmpty()) {
      out.append(out.isEmpty() ? "" : " ").append("implements ").append(joined(header.getImplementedTypes()));
    }
    // The class's own name as a whole identifier only: a handler named Handler implements
    // RequestHandler, which must stay as it is.
    return java.util.regex.Pattern.compile("(?<![\\w$.])" + java.util.regex.Pattern.quote(self) + "(?![\\w$])")
        .matcher(out.toString())
        .replaceAll(java.util.regex.Matcher.quoteReplacement(RouteCode.SELF));
  }

  private static String joined(NodeList<? extends Node> nodes) {
    return String.join(", ", nodes.stream().map(Node::toString).toList());
  }

  /**
   * The dispatcher method's declaration without body or comment, printed: built from copies of
   * its parts, not from a copy of the whole method with its every branch.
   */
  private static String signatureText(MethodDeclaration method) {
    MethodDeclaration signature = new MethodDeclaration(
        method.getModifiers().stream().map(m -> m.clone()).collect(NodeList.toNodeList()),
        method.getAnnotations().stream().map(a -> a.clone()).collect(NodeList.toNodeList()),
        method.getTypeParameters().stream().map(t -> t.clone()).collect(NodeList.toNodeList()),
        method.getType().clone(),
        method.getName().clone(),
        method.getParameters().stream().map(p -> p.clone()).collect(NodeList.toNodeList()),
        method.getThrownExceptions().stream().map(t -> t.clone()).collect(NodeList.toNodeList()),
        null,
        method.getReceiverParameter().map(r -> r.clone()).orElse(null));
    method.getOrphanComments().forEach(c -> signature.addOrphanComment(c.clone()));
    String text = print(signature);
    return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
  }

  private static String statementsText(BlockStmt block) {
    StringBuilder out = new StringBuilder();
    for (Statement s : block.getStatements()) {
      out.append(print(s)).append('\n');
    }
    return out.toString();
  }

  static RouteCode.Event event(MethodDeclaration method) {
    if (method.getParameters().size() == 3) {
      return RouteCode.Event.STREAM;
    }
    if (method.getParameters().isEmpty()) {
      return RouteCode.Event.OTHER;
    }
    Parameter p = method.getParameter(0);
    String name;
    try {
      name = SolverLock.ask(() -> p.getType().resolve().describe());
    } catch (RuntimeException e) {
      name = p.getType().asString();
    }
    if (name.endsWith("APIGatewayProxyRequestEvent")) {
      return RouteCode.Event.REST;
    }
    if (name.endsWith("APIGatewayV2HTTPEvent")) {
      return RouteCode.Event.HTTP;
    }
    return RouteCode.Event.OTHER;
  }

  /**
   * Whether an initializer's value comes last from {@code getPathParameters()}, as its printed text
   * would end with it ({@code (Map) event.getPathParameters()}, {@code p == null ? Map.of() :
   * event.getPathParameters()}), read from the tree instead of printing it.
   */
  private static boolean endsInPathParameters(Expression e) {
    if (e instanceof MethodCallExpr m) {
      return m.getNameAsString().equals("getPathParameters") && m.getArguments().isEmpty();
    }
    if (e instanceof com.github.javaparser.ast.expr.CastExpr c) {
      return endsInPathParameters(c.getExpression());
    }
    if (e instanceof com.github.javaparser.ast.expr.ConditionalExpr c) {
      return endsInPathParameters(c.getElseExpr());
    }
    if (e instanceof com.github.javaparser.ast.expr.BinaryExpr b) {
      return endsInPathParameters(b.getRight());
    }
    if (e instanceof com.github.javaparser.ast.expr.AssignExpr a) {
      return endsInPathParameters(a.getValue());
    }
    return false;
  }

  private static Set<String> holders(Node callable) {
    Set<String> out = new TreeSet<>();
    callable.findAll(VariableDeclarator.class).forEach(v -> {
      if (v.getInitializer().map(DispatchSlicer::endsInPathParameters).orElse(false)) {
        out.add(v.getNameAsString());
      }
    });
    return out;
  }

  /**
   * Path parameter names the code reads: string keys looked up in {@code getPathParameters()}, or
   * in a variable that holds it. The holders of each enclosing method are worked out once, in
   * {@code cache}.
   */
  private static void pathParameters(Node node, Set<String> out, Map<Node, Set<String>> cache) {
    Set<String> holders = new TreeSet<>();
    for (VariableDeclarator v : node.findAll(VariableDeclarator.class)) {
      if (v.getInitializer().map(DispatchSlicer::endsInPathParameters).orElse(false)) {
        holders.add(v.getNameAsString());
      }
    }
    if (node instanceof VariableDeclarator v && v.getInitializer().map(DispatchSlicer::endsInPathParameters).orElse(false)) {
      holders.add(v.getNameAsString());
    }
    node.findAncestor(CallableDeclaration.class).ifPresent(c ->
        holders.addAll(cache.computeIfAbsent(c, DispatchSlicer::holders)));
    for (MethodCallExpr call : node.findAll(MethodCallExpr.class)) {
      String name = call.getNameAsString();
      if (!(name.equals("get") || name.equals("getOrDefault"))
          || call.getArguments().isEmpty()
          || !(call.getArgument(0) instanceof StringLiteralExpr key) || call.getScope().isEmpty()) {
        continue;
      }
      Expression scope = call.getScope().get();
      boolean fromEvent = scope instanceof MethodCallExpr m && m.getNameAsString().equals("getPathParameters");
      boolean fromHolder = scope instanceof NameExpr n && holders.contains(n.getNameAsString());
      if (fromEvent || fromHolder) {
        out.add(key.getValue());
      }
    }
  }
}
