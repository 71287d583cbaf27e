package dev.ficus.routes;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.ficus.routes.DispatchConstraints.Op;
import dev.ficus.routes.DispatchValue.Callable;
import dev.ficus.routes.DispatchValue.EnumConstant;
import dev.ficus.routes.DispatchValue.MatcherValue;
import dev.ficus.routes.DispatchValue.Origin;
import dev.ficus.routes.DispatchValue.PatternValue;
import dev.ficus.routes.DispatchValue.Role;
import dev.ficus.routes.DispatchValue.Segment;
import dev.ficus.routes.DispatchValue.Table;
import dev.ficus.routes.DispatchValue.TableEntry;
import dev.ficus.routes.DispatchValue.TypeRef;
import dev.ficus.workspace.SolverLock;
import dev.ficus.workspace.TypeNames;
import dev.ficus.workspace.Workspace;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Runs the dispatch code of an entry method the way Lambda would, for one concrete candidate
 * request, and records the branch it reaches and the statements that run on the way (the entry
 * code of the route). In explore mode there is no request: every branch is visited and the
 * constants the request is compared against are collected instead. Nothing here executes the
 * analyzed program; only the expressions dispatch is made of are understood (string tests,
 * regular expressions, switches, maps of handlers, enum conversions, constants), the rest is
 * unknown.
 */
final class DispatchInterpreter {

  private static final int MAX_DEPTH = 8;

  /** Methods that turn the raw input of a stream handler into an event object. */
  private static final Set<String> PARSERS =
      Set.of("readTree", "readValue", "parse", "fromJson", "convertValue", "treeToValue",
          "parseObject", "parseString", "parseReader", "readerFor", "decode");

  /** How statements end. */
  enum Flow {
    NORMAL,
    RETURN,
    BREAK,
    /** A switch expression's arm produced its value. */
    YIELD
  }

  /** Variables of one method activation. */
  static final class Frame {
    final Map<String, DispatchValue> env;
    final Map<String, String> types;
    final TypeDeclaration<?> owner;
    final TypeDeclaration<?> self;
    final EnumConstant enumSelf;
    final Node callable;

    Frame(
        Map<String, DispatchValue> env,
        Map<String, String> types,
        TypeDeclaration<?> owner,
        TypeDeclaration<?> self,
        EnumConstant enumSelf,
        Node callable) {
      this.env = env;
      this.types = types;
      this.owner = owner;
      this.self = self;
      this.enumSelf = enumSelf;
      this.callable = callable;
    }

    Frame copy() {
      return new Frame(new HashMap<>(env), new HashMap<>(types), owner, self, enumSelf, callable);
    }
  }

  /**
   * A branch taken because of the request.
   *
   * @param source where the branch is declared: the {@code case} label, the {@code if}, the map
   *     entry, or the first statement after the dispatch when the request fell through it
   * @param positive false for {@code else}, {@code default} and fall-through
   */
  record Decision(Node source, Frame frame, boolean positive, Set<Origin> kinds) {}

  /** Shared across the runs for one entry class: caches and diagnostics. */
  static final class Shared {
    final Workspace workspace;
    final TypeNames names;
    final Map<FieldDeclaration, Table> tables = new IdentityHashMap<>();
    final Map<VariableDeclarator, DispatchValue> constants = new IdentityHashMap<>();
    final Set<VariableDeclarator> evaluating = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    final List<Node> unresolved = new ArrayList<>();
    final Map<TypeDeclaration<?>, List<TypeDeclaration<?>>> hierarchies = new IdentityHashMap<>();
    final Map<Expression, Optional<TypeDeclaration<?>>> solved = new IdentityHashMap<>();
    final Map<Node, Map<String, Optional<TypeDeclaration<?>>>> typeNames = new IdentityHashMap<>();
    /**
     * Each type's fields by name (the first declared of a name): a lambdalith's handler and its
     * constants class have a field per domain and dispatch names one in every branch, so a scan of
     * the fields per lookup made route extraction quadratic in the number of routes.
     */
    final Map<TypeDeclaration<?>, Map<String, VariableDeclarator>> fieldIndex = new IdentityHashMap<>();
    /**
     * Values of {@code case} labels: Java requires them to be constants, so one evaluation
     * serves every candidate route run through the switch (without it, a switch of R routes
     * costs R label evaluations per candidate).
     */
    final Map<Expression, DispatchValue> labels = new IdentityHashMap<>();
    /** Label lookups of switches whose labels are all strings or enum constants. */
    final Map<NodeList<SwitchEntry>, Optional<SwitchIndex>> switches = new IdentityHashMap<>();
    /** Lookups of else-if chains that compare one variable with string literals. */
    final Map<IfStmt, Optional<IfChain>> chains = new IdentityHashMap<>();
    /**
     * Source text of statements, printed once: every candidate route that reaches a branch reads
     * its text, and printing a node is far dearer than looking it up.
     */
    final Map<Node, String> texts = new IdentityHashMap<>();
    /** Whether a branch's text reads as an error answer: the same text recurs per candidate route. */
    final Map<String, Boolean> errorTexts = new HashMap<>();

    Shared(Workspace workspace) {
      this.workspace = workspace;
      this.names = new TypeNames(workspace.types());
    }
  }

  private final Shared shared;
  private final DispatchRequest request;
  private final DispatchConstraints constraints;
  private final boolean explore;

  // The run's state.
  final List<Node> code = new ArrayList<>();
  final List<Decision> decisions = new ArrayList<>();
  int leafCodeStart;
  boolean fellThrough;
  /** Dispatch tests evaluated so far, taken or not. */
  private int dispatchTests;
  /** The request made the code fail (a missing table entry invoked). */
  boolean failed;
  private Frame fellFrame;
  private final Map<String, DispatchValue> fields = new HashMap<>();
  private final Set<Origin> touched = EnumSet.noneOf(Origin.class);
  private TableEntry invoked;
  private Callable invokedDefault;
  private int depth;
  private final List<Node> stack = new ArrayList<>();

  private DispatchInterpreter(Shared shared, DispatchRequest request, DispatchConstraints constraints) {
    this.shared = shared;
    this.request = request;
    this.constraints = constraints;
    this.explore = request == null;
  }

  /** A run for one candidate request. */
  static DispatchInterpreter concrete(Shared shared, DispatchRequest request) {
    return new DispatchInterpreter(shared, request, null);
  }

  /** A run over every branch that collects what the request is compared with. */
  static DispatchInterpreter exploring(Shared shared, DispatchConstraints constraints) {
    return new DispatchInterpreter(shared, null, constraints);
  }

  /** Runs {@code method} of the entry class {@code self}; {@code first} is the event parameter's role. */
  void run(MethodDeclaration method, TypeDeclaration<?> self, Role first) {
    Frame frame = frameFor(method, self, null);
    NodeList<Parameter> params = method.getParameters();
    if (!params.isEmpty()) {
      frame.env.put(params.get(0).getNameAsString(), DispatchValue.of(first));
    }
    method.getBody().ifPresent(body -> {
      stack.add(method);
      walkBlock(body.getStatements(), frame);
      stack.remove(stack.size() - 1);
    });
  }

  /** The branch the request reached, or null when no branch depended on the request. */
  Decision leaf() {
    if (fellThrough) {
      Node first = leafCodeStart < code.size() ? code.get(leafCodeStart) : null;
      return first == null ? null : new Decision(first, fellFrame, false, Set.of());
    }
    return decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
  }

  /**
   * A literal's value; a plain decimal such as a status code ({@code 404}) is read directly, as
   * JavaParser's {@code asNumber()} strips underscores with a {@code replaceAll}, compiling a
   * regular expression for every literal it reads.
   */
  private static int intValue(IntegerLiteralExpr literal) {
    String digits = literal.getValue();
    if (digits.length() <= 9 && !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9')
        && (digits.length() == 1 || digits.charAt(0) != '0')) {
      return Integer.parseInt(digits);
    }
    return literal.asNumber().intValue();
  }

  /** The caches shared by every run over the entry class. */
  Shared shared() {
    return shared;
  }

  /** The node's source text, as {@code toString()} prints it, printed once per run of the extractor. */
  String text(Node node) {
    String text = shared.texts.get(node);
    if (text == null) {
      text = node.toString();
      shared.texts.put(node, text);
    }
    return text;
  }

  boolean dispatched() {
    return !decisions.isEmpty() || fellThrough;
  }

  // ---------------------------------------------------------------------------------------------
  // Statements

  private Frame frameFor(CallableDeclaration<?> method, TypeDeclaration<?> self, EnumConstant enumSelf) {
    TypeDeclaration<?> owner = enclosingType(method);
    Frame frame = new Frame(new HashMap<>(), new HashMap<>(), owner, self, enumSelf, method);
    for (Parameter p : method.getParameters()) {
      frame.types.put(p.getNameAsString(), p.getTypeAsString());
    }
    return frame;
  }

  Flow walkBlock(List<Statement> statements, Frame frame) {
    for (Statement s : statements) {
      Flow flow = walk(s, frame);
      if (flow != Flow.NORMAL) {
        return flow;
      }
    }
    return Flow.NORMAL;
  }

  private Flow walk(Statement s, Frame frame) {
    if (s instanceof BlockStmt block) {
      return walkBlock(block.getStatements(), frame);
    }
    if (s instanceof IfStmt ifStmt) {
      return walkIf(ifStmt, frame);
    }
    if (s instanceof SwitchStmt sw) {
      return walkSwitch(sw, sw.getSelector(), sw.getEntries(), false, frame);
    }
    if (s instanceof ReturnStmt ret) {
      if (ret.getExpression().isEmpty()) {
        code.add(ret);
        return Flow.RETURN;
      }
      Flow flow = walkResult(ret, ret.getExpression().get(), frame);
      return flow == Flow.YIELD ? Flow.RETURN : flow;
    }
    if (s instanceof YieldStmt yield) {
      return walkResult(yield, yield.getExpression(), frame);
    }
    if (s instanceof ThrowStmt) {
      code.add(s);
      return Flow.RETURN;
    }
    if (s instanceof BreakStmt || s instanceof ContinueStmt) {
      return Flow.BREAK;
    }
    if (s instanceof ExpressionStmt es) {
      return walkExpressionStatement(es, frame);
    }
    if (s instanceof TryStmt tryStmt) {
      tryStmt.getResources().forEach(r -> {
        evaluate(r, frame);
        code.add(r);
      });
      Flow flow = walkBlock(tryStmt.getTryBlock().getStatements(), frame);
      tryStmt.getCatchClauses().forEach(c -> code.add(c.getBody()));
      tryStmt.getFinallyBlock().ifPresent(code::add);
      return flow;
    }
    if (s instanceof LabeledStmt labeled) {
      Flow flow = walk(labeled.getStatement(), frame);
      return flow == Flow.BREAK ? Flow.NORMAL : flow;
    }
    if (s instanceof SynchronizedStmt sync) {
      return walkBlock(sync.getBody().getStatements(), frame);
    }
    if (s.isLocalClassDeclarationStmt() || s.isLocalRecordDeclarationStmt() || s.isEmptyStmt()) {
      return Flow.NORMAL;
    }
    if (s.isForEachStmt() || s.isForStmt() || s.isWhileStmt() || s.isDoStmt()) {
      return walkLoop(s, frame);
    }
    // The rest: its code runs for this route as a whole.
    code.add(s);
    return Flow.NORMAL;
  }

  /**
   * A loop runs for the route as a whole, unless it tests the request: a list of routes searched
   * for a match is dispatch ficus cannot enumerate, and adding it whole would give the route every
   * other route's code.
   */
  private Flow walkLoop(Statement loop, Frame frame) {
    Statement body = loop.isForEachStmt() ? loop.asForEachStmt().getBody()
        : loop.isForStmt() ? loop.asForStmt().getBody()
        : loop.isWhileStmt() ? loop.asWhileStmt().getBody()
        : loop.asDoStmt().getBody();
    if (explore) {
      int before = constraints.constraints.size();
      boolean dispatchedBefore = constraints.dispatches;
      walk(body, frame.copy());
      if (constraints.constraints.size() > before || constraints.dispatches != dispatchedBefore) {
        constraints.unresolved.add(loop);
      }
      return Flow.NORMAL;
    }
    int codeSize = code.size();
    int decisionCount = decisions.size();
    boolean fell = fellThrough;
    int start = leafCodeStart;
    Frame fallFrame = fellFrame;
    int tests = dispatchTests;
    walk(body, frame.copy());
    boolean dispatching = decisions.size() > decisionCount || fellThrough != fell || dispatchTests > tests;
    truncate(codeSize, decisionCount, fell, start, fallFrame);
    if (dispatching) {
      unresolved(loop);
      return Flow.NORMAL;
    }
    code.add(loop);
    return Flow.NORMAL;
  }

  private Flow walkExpressionStatement(ExpressionStmt es, Frame frame) {
    Expression e = es.getExpression();
    if (e instanceof VariableDeclarationExpr decl) {
      boolean dispatched = false;
      for (VariableDeclarator v : decl.getVariables()) {
        String type = v.getTypeAsString();
        if (type.equals("var") && v.getInitializer().isPresent()
            && v.getInitializer().get() instanceof ObjectCreationExpr oce) {
          type = oce.getTypeAsString();
        }
        frame.types.put(v.getNameAsString(), type);
        DispatchValue value = DispatchValue.UNKNOWN;
        if (v.getInitializer().isPresent()) {
          Expression init = v.getInitializer().get();
          if (unwrap(init) instanceof SwitchExpr sw) {
            frame.env.put(v.getNameAsString(), DispatchValue.UNKNOWN);
            Flow flow = walkSwitch(null, sw.getSelector(), sw.getEntries(), true, frame);
            if (flow == Flow.RETURN) {
              return Flow.RETURN;
            }
            dispatched = true;
            continue;
          }
          if (mayAnswer(init, frame) && enterRouter(init, frame)) {
            frame.env.put(v.getNameAsString(), DispatchValue.UNKNOWN);
            dispatched = true;
            continue;
          }
          value = evaluate(init, frame);
          if (takeInvocation(frame)) {
            frame.env.put(v.getNameAsString(), DispatchValue.UNKNOWN);
            dispatched = true;
            continue;
          }
        }
        frame.env.put(v.getNameAsString(), value);
      }
      if (!dispatched) {
        code.add(es);
      }
      return Flow.NORMAL;
    }
    Expression inner = e instanceof AssignExpr assign ? assign.getValue() : e;
    if (unwrap(inner) instanceof SwitchExpr sw) {
      Flow flow = walkSwitch(null, sw.getSelector(), sw.getEntries(), true, frame);
      return flow == Flow.RETURN ? Flow.RETURN : Flow.NORMAL;
    }
    if (enterRouter(inner, frame)) {
      return Flow.NORMAL;
    }
    evaluate(e, frame);
    if (takeInvocation(frame)) {
      return Flow.NORMAL;
    }
    code.add(es);
    return Flow.NORMAL;
  }

  /** A {@code return} or {@code yield}: the expression may itself dispatch. */
  private Flow walkResult(Node statement, Expression expression, Frame frame) {
    Expression e = unwrap(expression);
    if (e instanceof SwitchExpr sw) {
      Flow flow = walkSwitch(null, sw.getSelector(), sw.getEntries(), true, frame);
      return flow == Flow.RETURN ? Flow.RETURN : Flow.YIELD;
    }
    if (e instanceof ConditionalExpr cond) {
      touched.clear();
      DispatchValue test = evaluate(cond.getCondition(), frame);
      Set<Origin> kinds = EnumSet.copyOf(touchedOrNone());
      if (!touched.isEmpty()) {
        if (explore) {
          walkResult(cond.getThenExpr(), cond.getThenExpr(), frame.copy());
          walkResult(cond.getElseExpr(), cond.getElseExpr(), frame.copy());
          return Flow.RETURN;
        }
        Boolean b = test.asBoolean();
        if (b == null) {
          unresolved(cond.getCondition());
          return Flow.RETURN;
        }
        Expression chosen = b ? cond.getThenExpr() : cond.getElseExpr();
        decide(b ? cond.getCondition() : cond.getElseExpr(), frame, b, kinds);
        return walkResult(chosen, chosen, frame);
      }
    }
    Flow done = statement instanceof ReturnStmt ? Flow.RETURN : Flow.YIELD;
    if (enterRouter(e, frame)) {
      return done;
    }
    evaluate(e, frame);
    if (takeInvocation(frame)) {
      return done;
    }
    code.add(statement);
    return done;
  }

  private Set<Origin> touchedOrNone() {
    return touched.isEmpty() ? EnumSet.noneOf(Origin.class) : touched;
  }

  private Flow walkIf(IfStmt ifStmt, Frame frame) {
    if (!explore) {
      Optional<Flow> indexed = walkChain(ifStmt, frame);
      if (indexed.isPresent()) {
        return indexed.get();
      }
    }
    touched.clear();
    DispatchValue test = evaluate(ifStmt.getCondition(), frame);
    boolean dispatch = !touched.isEmpty();
    Set<Origin> kinds = EnumSet.copyOf(touchedOrNone());
    if (explore) {
      if (dispatch) {
        constraints.dispatches = true;
      }
      walk(ifStmt.getThenStmt(), frame.copy());
      ifStmt.getElseStmt().ifPresent(e -> walk(e, frame.copy()));
      return Flow.NORMAL;
    }
    Boolean b = test.asBoolean();
    if (dispatch) {
      dispatchTests++;
      if (b == null) {
        unresolved(ifStmt.getCondition());
        return Flow.NORMAL;
      }
      if (b) {
        decide(ifStmt.getCondition(), frame, true, kinds);
        return walk(ifStmt.getThenStmt(), frame);
      }
      if (ifStmt.getElseStmt().isPresent()) {
        Statement otherwise = ifStmt.getElseStmt().get();
        if (otherwise instanceof IfStmt) {
          return walk(otherwise, frame);
        }
        decide(otherwise, frame, false, kinds);
        return walk(otherwise, frame);
      }
      fallThrough(frame, ifStmt.getThenStmt());
      return Flow.NORMAL;
    }
    if (b != null) {
      if (b) {
        return walk(ifStmt.getThenStmt(), frame);
      }
      return ifStmt.getElseStmt().map(e -> walk(e, frame)).orElse(Flow.NORMAL);
    }
    // A condition on something else (a header, a flag): follow a branch only if dispatch hides in it.
    Optional<Flow> then = tryBranch(ifStmt.getThenStmt(), frame);
    if (then.isPresent()) {
      return then.get();
    }
    if (ifStmt.getElseStmt().isPresent()) {
      Optional<Flow> otherwise = tryBranch(ifStmt.getElseStmt().get(), frame);
      if (otherwise.isPresent()) {
        return otherwise.get();
      }
    }
    code.add(ifStmt);
    return Flow.NORMAL;
  }

  /**
   * An else-if chain whose every test is {@code "literal".equals(v)} or {@code v.equals("literal")}
   * on one variable {@code v}, as code generators write dispatch: the links in order and where
   * each literal first appears. Run link by link, a chain of R routes costs every candidate route
   * R tests (and the 3,000-route dispatcher of a generator minutes); with the lookup, one.
   */
  record IfChain(String variable, List<IfStmt> links, Map<String, Integer> first) {}

  /**
   * Walks an indexed else-if chain as {@link #walkIf} would, test after test, when the variable
   * holds a known string from the request; empty when the chain is not of that shape or the value
   * is not known, and the tests are then run one by one.
   */
  private Optional<Flow> walkChain(IfStmt head, Frame frame) {
    Optional<IfChain> chain = shared.chains.get(head);
    if (chain == null) {
      chain = ifChain(head);
      shared.chains.put(head, chain);
    }
    if (chain.isEmpty()) {
      return Optional.empty();
    }
    DispatchValue value = frame.env.get(chain.get().variable());
    if (value == null || !(value.value() instanceof String text) || !value.origin().dispatches()) {
      return Optional.empty();
    }
    List<IfStmt> links = chain.get().links();
    // What evaluating any one test leaves: the variable's origin touched, nothing recorded.
    touched.clear();
    touched.add(value.origin());
    Set<Origin> kinds = EnumSet.copyOf(touched);
    Integer match = chain.get().first().get(text);
    if (match != null) {
      dispatchTests += match + 1;
      IfStmt link = links.get(match);
      decide(link.getCondition(), frame, true, kinds);
      return Optional.of(walk(link.getThenStmt(), frame));
    }
    dispatchTests += links.size();
    IfStmt last = links.get(links.size() - 1);
    if (last.getElseStmt().isPresent()) {
      Statement otherwise = last.getElseStmt().get();
      decide(otherwise, frame, false, kinds);
      return Optional.of(walk(otherwise, frame));
    }
    fallThrough(frame, last.getThenStmt());
    return Optional.of(Flow.NORMAL);
  }

  /** The chain starting at {@code head} when it is one to index; empty otherwise. */
  private static Optional<IfChain> ifChain(IfStmt head) {
    if (head.getParentNode().orElse(null) instanceof IfStmt parent
        && parent.getElseStmt().orElse(null) == head) {
      return Optional.empty(); // a link inside a chain: the chain is indexed at its head
    }
    List<IfStmt> links = new ArrayList<>();
    Map<String, Integer> first = new HashMap<>();
    String variable = null;
    for (Statement s = head; s instanceof IfStmt link; s = link.getElseStmt().orElse(null)) {
      if (!(link.getCondition() instanceof MethodCallExpr call)
          || !call.getNameAsString().equals("equals")
          || call.getArguments().size() != 1
          || call.getScope().isEmpty()) {
        return Optional.empty();
      }
      Expression scope = call.getScope().get();
      Expression argument = call.getArgument(0);
      String literal;
      String name;
      if (scope instanceof StringLiteralExpr l && argument instanceof NameExpr n) {
        literal = l.asString();
        name = n.getNameAsString();
      } else if (scope instanceof NameExpr n && argument instanceof StringLiteralExpr l) {
        literal = l.asString();
        name = n.getNameAsString();
      } else {
        return Optional.empty();
      }
      if (variable != null && !variable.equals(name)) {
        return Optional.empty();
      }
      variable = name;
      first.putIfAbsent(literal, links.size());
      links.add(link);
    }
    return links.size() < 2 ? Optional.empty() : Optional.of(new IfChain(variable, List.copyOf(links), first));
  }

  /** Walks a branch and keeps it only if a decision was made inside. */
  private Optional<Flow> tryBranch(Statement branch, Frame frame) {
    int codeSize = code.size();
    int decisionCount = decisions.size();
    boolean fell = fellThrough;
    int start = leafCodeStart;
    Frame fallFrame = fellFrame;
    int tests = dispatchTests;
    Flow flow = walk(branch, frame.copy());
    if (decisions.size() > decisionCount || fellThrough != fell || dispatchTests > tests) {
      return Optional.of(flow);
    }
    truncate(codeSize, decisionCount, fell, start, fallFrame);
    return Optional.empty();
  }

  private void truncate(int codeSize, int decisionCount, boolean fell, int start) {
    truncate(codeSize, decisionCount, fell, start, fellFrame);
  }

  private void truncate(int codeSize, int decisionCount, boolean fell, int start, Frame fallFrame) {
    fellFrame = fallFrame;
    while (code.size() > codeSize) {
      code.remove(code.size() - 1);
    }
    while (decisions.size() > decisionCount) {
      decisions.remove(decisions.size() - 1);
    }
    fellThrough = fell;
    leafCodeStart = start;
  }

  private Flow walkSwitch(
      SwitchStmt statement,
      Expression selector,
      NodeList<SwitchEntry> entries,
      boolean isExpression,
      Frame frame) {
    touched.clear();
    DispatchValue value = evaluate(selector, frame);
    boolean dispatch = !touched.isEmpty();
    Set<Origin> kinds = EnumSet.copyOf(touchedOrNone());
    if (explore) {
      if (dispatch) {
        constraints.dispatches = true;
        for (SwitchEntry entry : entries) {
          for (Expression label : entry.getLabels()) {
            DispatchValue labelValue = label(label, frame);
            compare(value, labelValue, false, label);
          }
        }
      }
      for (SwitchEntry entry : entries) {
        Frame copy = frame.copy();
        walkEntry(entry, isExpression, copy);
      }
      return Flow.NORMAL;
    }
    if (!dispatch && value.isUnknown()) {
      if (statement != null) {
        code.add(statement);
      } else {
        code.add(selector.getParentNode().orElse(selector));
      }
      return isExpression ? Flow.YIELD : Flow.NORMAL;
    }
    if (dispatch) {
      dispatchTests++;
    }
    int match = -1;
    int fallback = -1;
    boolean unknownLabel = false;
    Optional<SwitchIndex> index = switchIndex(entries, frame);
    Object key = value.isUnknown() ? null : value.value();
    boolean indexed = index.isPresent() && (key instanceof String || key instanceof EnumConstant);
    if (indexed) {
      String name = key instanceof EnumConstant c ? c.name() : (String) key;
      match = index.get().first().getOrDefault(name, -1);
      fallback = index.get().lastDefault();
    }
    for (int i = 0; !indexed && i < entries.size() && match < 0; i++) {
      SwitchEntry entry = entries.get(i);
      if (entry.getLabels().isEmpty()) {
        fallback = i;
        continue;
      }
      for (Expression label : entry.getLabels()) {
        if (label.isNullLiteralExpr() && value.isNull()) {
          match = i;
          break;
        }
        DispatchValue labelValue = label(label, frame);
        Boolean equal = equalValues(value, labelValue, false);
        if (equal == null) {
          unknownLabel = true;
        } else if (equal) {
          match = i;
          break;
        }
      }
    }
    if (match < 0 && (value.isUnknown() || unknownLabel)) {
      unresolved(selector);
      return isExpression ? Flow.YIELD : Flow.NORMAL;
    }
    int start = match >= 0 ? match : fallback;
    if (start < 0) {
      if (dispatch) {
        fallThrough(frame);
      }
      return Flow.NORMAL;
    }
    decide(entries.get(start), frame, match >= 0 && dispatch, kinds);
    for (int i = start; i < entries.size(); i++) {
      SwitchEntry entry = entries.get(i);
      Flow flow = walkEntry(entry, isExpression, frame);
      if (flow == Flow.RETURN) {
        return Flow.RETURN;
      }
      if (flow == Flow.YIELD || flow == Flow.BREAK || entry.getType() != SwitchEntry.Type.STATEMENT_GROUP) {
        return isExpression ? Flow.YIELD : Flow.NORMAL;
      }
    }
    return isExpression ? Flow.YIELD : Flow.NORMAL;
  }

  /**
   * Where each label value first appears in a switch, and its last {@code default}: a lookup that
   * replaces trying every label in turn, which for a dispatch of R routes made every candidate
   * route cost R comparisons. Only for switches whose labels are all strings or enum constants,
   * where equality is plain equality of names; others are searched label by label.
   */
  record SwitchIndex(Map<String, Integer> first, int lastDefault) {}

  private Optional<SwitchIndex> switchIndex(NodeList<SwitchEntry> entries, Frame frame) {
    Optional<SwitchIndex> cached = shared.switches.get(entries);
    if (cached != null) {
      return cached;
    }
    Map<String, Integer> first = new java.util.HashMap<>();
    int lastDefault = -1;
    Optional<SwitchIndex> index = null;
    for (int i = 0; i < entries.size() && index == null; i++) {
      SwitchEntry entry = entries.get(i);
      if (entry.getLabels().isEmpty()) {
        lastDefault = i;
        continue;
      }
      for (Expression label : entry.getLabels()) {
        DispatchValue labelValue = label.isNullLiteralExpr() ? DispatchValue.UNKNOWN : label(label, frame);
        Object v = labelValue.isUnknown() ? null : labelValue.value();
        if (v instanceof String text) {
          first.putIfAbsent(text, i);
        } else if (v instanceof EnumConstant constant) {
          first.putIfAbsent(constant.name(), i);
        } else {
          index = Optional.empty();
          break;
        }
      }
    }
    if (index == null) {
      index = Optional.of(new SwitchIndex(first, lastDefault));
    }
    shared.switches.put(entries, index);
    return index;
  }

  private Flow walkEntry(SwitchEntry entry, boolean isExpression, Frame frame) {
    if (isExpression && entry.getType() == SwitchEntry.Type.EXPRESSION
        && entry.getStatements().size() == 1
        && entry.getStatements().get(0) instanceof ExpressionStmt es) {
      return walkResult(es, es.getExpression(), frame);
    }
    return walkBlock(entry.getStatements(), frame);
  }

  private DispatchValue label(Expression label, Frame frame) {
    DispatchValue cached = shared.labels.get(label);
    if (cached != null) {
      return cached;
    }
    DispatchValue value = evaluateLabel(label, frame);
    shared.labels.put(label, value);
    return value;
  }

  private DispatchValue evaluateLabel(Expression label, Frame frame) {
    if (label instanceof NameExpr name && !frame.env.containsKey(name.getNameAsString())) {
      DispatchValue field = fieldValue(frame, name.getNameAsString(), label);
      if (field.isUnknown()) {
        return DispatchValue.of(new EnumConstant(null, name.getNameAsString(), null));
      }
      return field;
    }
    return evaluate(label, frame);
  }

  /**
   * The request passed a test without matching it. Before any branch was taken, what follows is
   * the branch of every request that matches none ({@code if (!GET) return 405; return get();});
   * inside a taken branch it is a guard ({@code if (params == null) return badRequest();}) and
   * the branch stays the one taken.
   */
  private void fallThrough(Frame frame) {
    fallThrough(frame, null);
  }

  /**
   * As {@link #fallThrough(Frame)}, for a test whose branch {@code skipped} was not taken. Inside
   * a taken branch, a skipped branch that does real work serves other requests
   * ({@code if (hasId) return find(id); return list();}): what follows is a branch of its own,
   * not the taken branch past a guard. Within the method of the taken branch, that branch
   * ({@code case "GET":}) stays the most precise source.
   */
  private void fallThrough(Frame frame, Statement skipped) {
    if (!decisions.isEmpty() && (skipped == null || sameMethod(decisions.get(decisions.size() - 1), frame)
        || guard(skipped, frame))) {
      return;
    }
    fellThrough = true;
    fellFrame = frame;
    leafCodeStart = code.size();
  }

  private static boolean sameMethod(Decision decision, Frame frame) {
    return decision.frame() != null && decision.frame().callable == frame.callable;
  }

  /** A branch that only answers an error (a 4xx, a throw), so the test before it is a guard. */
  private boolean guard(Statement branch, Frame frame) {
    List<Node> statements = branch instanceof BlockStmt block
        ? new ArrayList<>(block.getStatements()) : new ArrayList<>(List.of(branch));
    return new DispatchDelegates(this).served(statements, frame.copy()).error();
  }

  private void decide(Node source, Frame frame, boolean positive, Set<Origin> kinds) {
    decisions.add(new Decision(source, frame, positive, EnumSet.copyOf(kinds.isEmpty() ? EnumSet.noneOf(Origin.class) : kinds)));
    leafCodeStart = code.size();
    fellThrough = false;
  }

  private void unresolved(Node where) {
    shared.unresolved.add(where);
  }

  /** After evaluating an expression: when it called a handler from a dispatch table, that is the branch. */
  private boolean takeInvocation(Frame frame) {
    if (invoked != null) {
      TableEntry entry = invoked;
      invoked = null;
      invokedDefault = null;
      if (!explore) {
        decide(entry.source(), frame, true, EnumSet.of(lastKeyOrigin));
        code.add(entryCode(entry, frame));
      }
      return true;
    }
    if (invokedDefault != null) {
      Callable fallback = invokedDefault;
      invokedDefault = null;
      if (!explore) {
        decide(fallback.expression(), frame, false, EnumSet.noneOf(Origin.class));
        code.add(fallback.expression());
      }
      return true;
    }
    return false;
  }

  private Origin lastKeyOrigin = Origin.KEY;

  /**
   * The code a table entry runs: the declaration of the method it references (so later stages
   * follow it), else the value itself (a lambda, or a reference that cannot be resolved).
   */
  private Node entryCode(TableEntry entry, Frame frame) {
    if (DispatchInterpreter.unwrap(entry.value()) instanceof MethodReferenceExpr ref) {
      Frame at = frame.copy();
      Optional<Target> target = new DispatchDelegates(this).referenced(ref,
          new Frame(at.env, at.types, entry.owner() != null ? entry.owner() : frame.owner, frame.self, frame.enumSelf, frame.callable));
      if (target.isPresent() && target.get().method().getBody().isPresent()) {
        return target.get().method();
      }
    }
    return entry.value();
  }

  /**
   * A call that passes the event (or something taken from it) to a method of the repository that
   * itself dispatches: a nested router. Its statements take the place of the call.
   */
  /**
   * Whether a call whose value a variable keeps may be a router: only when it returns what the
   * entry method answers (its response type, or an Object or void entry's anything). A helper that
   * returns the path parameters or the parsed body tests the request too, but the route goes on
   * after it.
   */
  private boolean mayAnswer(Expression init, Frame frame) {
    if (stack.isEmpty() || !(stack.get(0) instanceof MethodDeclaration entry)
        || !(unwrap(init) instanceof MethodCallExpr call)) {
      return true;
    }
    Optional<Target> target = resolveCall(call, frame);
    if (target.isEmpty()) {
      return true;
    }
    String answer = erasure(entry.getType().asString());
    String returned = erasure(target.get().method().getType().asString());
    return returned.equals(answer) || returned.equals("Object") || answer.equals("Object")
        || answer.equals("void");
  }

  private static String erasure(String type) {
    String bare = type.replaceAll("<.*>", "").strip();
    return bare.substring(bare.lastIndexOf('.') + 1);
  }

  private boolean enterRouter(Expression expression, Frame frame) {
    Expression e = unwrap(expression);
    if (!(e instanceof MethodCallExpr call) || depth >= MAX_DEPTH) {
      return false;
    }
    List<DispatchValue> args = new ArrayList<>();
    boolean carriesRequest = false;
    Set<Origin> saved = EnumSet.copyOf(touchedOrNone());
    for (Expression a : call.getArguments()) {
      DispatchValue v = evaluate(a, frame);
      args.add(v);
      if (v.value() instanceof Role || v.origin().dispatches()) {
        carriesRequest = true;
      }
    }
    touched.clear();
    touched.addAll(saved);
    if (!carriesRequest) {
      return false;
    }
    Optional<Target> target = resolveCall(call, frame);
    if (target.isEmpty() || target.get().method().getBody().isEmpty()
        || stack.contains(target.get().method())) {
      return false;
    }
    MethodDeclaration method = target.get().method();
    TypeDeclaration<?> self = inHierarchy(frame.self, enclosingType(method)) ? frame.self : target.get().type();
    Frame callee = frameFor(method, self, null);
    for (int i = 0; i < method.getParameters().size() && i < args.size(); i++) {
      callee.env.put(method.getParameter(i).getNameAsString(), args.get(i));
    }
    int codeSize = code.size();
    int decisionCount = decisions.size();
    boolean fell = fellThrough;
    int start = leafCodeStart;
    Frame fallFrame = fellFrame;
    int tests = dispatchTests;
    boolean dispatchesBefore = constraints != null && constraints.dispatches;
    int constraintCount = constraints != null ? constraints.constraints.size() : 0;
    depth++;
    stack.add(method);
    Flow flow;
    try {
      flow = walkBlock(method.getBody().get().getStatements(), callee);
    } finally {
      stack.remove(stack.size() - 1);
      depth--;
    }
    if (explore) {
      boolean routed = constraints.constraints.size() > constraintCount
          || (constraints.dispatches && !dispatchesBefore);
      if (!routed) {
        code.subList(codeSize, code.size()).clear();
      }
      return routed;
    }
    if (decisions.size() > decisionCount || fellThrough != fell || dispatchTests > tests) {
      return true;
    }
    truncate(codeSize, decisionCount, fell, start, fallFrame);
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Expressions

  DispatchValue evaluate(Expression expression, Frame frame) {
    try {
      return eval(expression, frame);
    } catch (RuntimeException | StackOverflowError e) {
      return DispatchValue.UNKNOWN;
    }
  }

  private DispatchValue eval(Expression e, Frame frame) {
    if (e instanceof StringLiteralExpr s) {
      return DispatchValue.of(s.asString());
    }
    if (e instanceof TextBlockLiteralExpr t) {
      return DispatchValue.of(t.asString());
    }
    if (e instanceof CharLiteralExpr c) {
      return DispatchValue.of(String.valueOf(c.asChar()));
    }
    if (e instanceof IntegerLiteralExpr i) {
      return DispatchValue.of(intValue(i));
    }
    if (e instanceof BooleanLiteralExpr b) {
      return DispatchValue.of(b.getValue());
    }
    if (e instanceof NullLiteralExpr) {
      return DispatchValue.NULL;
    }
    if (e instanceof EnclosedExpr enclosed) {
      return eval(enclosed.getInner(), frame);
    }
    if (e instanceof CastExpr cast) {
      return eval(cast.getExpression(), frame);
    }
    if (e instanceof NameExpr name) {
      return touch(name(name, frame));
    }
    if (e instanceof FieldAccessExpr fa) {
      return touch(fieldAccess(fa, frame));
    }
    if (e instanceof ArrayAccessExpr aa) {
      DispatchValue array = eval(aa.getName(), frame);
      DispatchValue index = eval(aa.getIndex(), frame);
      if (index.value() instanceof Integer i) {
        if (array.value() instanceof String[] parts) {
          Origin origin = array.origin() == Origin.SEGMENTS ? Origin.SEGMENT : array.origin();
          return touch(i >= 0 && i < parts.length
              ? DispatchValue.of(parts[i], origin)
              : DispatchValue.NULL.withValue(DispatchValue.Special.UNKNOWN));
        }
        if (array.origin() == Origin.SEGMENTS) {
          return touch(DispatchValue.of(new Segment(i, null), Origin.SEGMENT));
        }
      }
      return DispatchValue.UNKNOWN;
    }
    if (e instanceof AssignExpr assign) {
      return assign(assign, frame);
    }
    if (e instanceof UnaryExpr unary) {
      DispatchValue v = eval(unary.getExpression(), frame);
      if (unary.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
        Boolean b = v.asBoolean();
        return b == null ? DispatchValue.of(DispatchValue.Special.UNKNOWN, v.origin()) : DispatchValue.of(!b, v.origin());
      }
      if (unary.getOperator() == UnaryExpr.Operator.MINUS && v.value() instanceof Integer i) {
        return DispatchValue.of(-i);
      }
      return DispatchValue.UNKNOWN;
    }
    if (e instanceof BinaryExpr binary) {
      return binary(binary, frame);
    }
    if (e instanceof ConditionalExpr cond) {
      Boolean b = eval(cond.getCondition(), frame).asBoolean();
      if (b == null) {
        if (explore) {
          eval(cond.getThenExpr(), frame);
          eval(cond.getElseExpr(), frame);
        }
        return DispatchValue.UNKNOWN;
      }
      return eval(b ? cond.getThenExpr() : cond.getElseExpr(), frame);
    }
    if (e instanceof MethodCallExpr call) {
      return call(call, frame);
    }
    if (e instanceof MethodReferenceExpr || e instanceof LambdaExpr) {
      return DispatchValue.of(new Callable(e, frame.owner));
    }
    if (e instanceof ObjectCreationExpr oce) {
      String type = TypeNames.stripGenerics(oce.getTypeAsString());
      if (type.endsWith("Map")) {
        return DispatchValue.of(tableFrom(oce, frame.owner));
      }
      boolean input = false;
      for (Expression a : oce.getArguments()) {
        if (eval(a, frame).value() instanceof Role role && role == Role.INPUT) {
          input = true;
        }
      }
      return input ? DispatchValue.of(Role.INPUT) : DispatchValue.UNKNOWN;
    }
    if (e instanceof ThisExpr) {
      return frame.enumSelf != null ? DispatchValue.of(frame.enumSelf) : DispatchValue.UNKNOWN;
    }
    return DispatchValue.UNKNOWN;
  }

  private DispatchValue touch(DispatchValue v) {
    if (v.origin().dispatches()) {
      touched.add(v.origin());
    }
    return v;
  }

  private DispatchValue assign(AssignExpr assign, Frame frame) {
    DispatchValue value = eval(assign.getValue(), frame);
    if (assign.getOperator() == AssignExpr.Operator.PLUS) {
      DispatchValue old = eval(assign.getTarget(), frame);
      value = concat(old, value);
    } else if (assign.getOperator() != AssignExpr.Operator.ASSIGN) {
      value = DispatchValue.UNKNOWN;
    }
    Expression target = assign.getTarget();
    if (target instanceof NameExpr n) {
      if (frame.env.containsKey(n.getNameAsString())) {
        frame.env.put(n.getNameAsString(), value);
      } else {
        fields.put(n.getNameAsString(), value);
      }
    } else if (target instanceof FieldAccessExpr fa && fa.getScope() instanceof ThisExpr) {
      fields.put(fa.getNameAsString(), value);
    }
    return value;
  }

  private DispatchValue name(NameExpr name, Frame frame) {
    String n = name.getNameAsString();
    DispatchValue local = frame.env.get(n);
    if (local != null) {
      return local;
    }
    DispatchValue field = fieldValue(frame, n, name);
    if (!field.isUnknown()) {
      return field;
    }
    Optional<TypeDeclaration<?>> type = typeNamed(n, name);
    if (type.isPresent()) {
      return DispatchValue.of(new TypeRef(type.get(), n));
    }
    return field;
  }

  private DispatchValue fieldAccess(FieldAccessExpr fa, Frame frame) {
    String n = fa.getNameAsString();
    if (fa.getScope() instanceof ThisExpr) {
      return fieldValue(frame, n, fa);
    }
    DispatchValue scope = eval(fa.getScope(), frame);
    if (n.equals("length")) {
      if (scope.value() instanceof String[] parts) {
        return DispatchValue.of(parts.length, scope.origin() == Origin.SEGMENTS ? Origin.SEGMENT_COUNT : Origin.NONE);
      }
      if (scope.origin() == Origin.SEGMENTS) {
        return DispatchValue.of(DispatchValue.Special.UNKNOWN, Origin.SEGMENT_COUNT);
      }
    }
    if (scope.value() instanceof TypeRef ref) {
      return staticMember(ref.declaration(), n);
    }
    if (scope.value() instanceof EnumConstant constant && constant.declaration() != null) {
      return enumField(constant, n);
    }
    if (scope.value() instanceof Role role) {
      return attribute(role, n, scope);
    }
    if (scope.isUnknown() && fa.getScope() instanceof NameExpr typeName
        && Character.isUpperCase(typeName.getNameAsString().charAt(0))
        && n.equals(n.toUpperCase(Locale.ROOT))) {
      // A constant of a type outside the repository: HttpMethod.GET.
      return DispatchValue.of(new EnumConstant(typeName.getNameAsString(), n, null));
    }
    if (scope.isUnknown() && fa.getScope() instanceof FieldAccessExpr) {
      Optional<TypeDeclaration<?>> type = typeNamed(fa.getScope().toString(), fa);
      if (type.isPresent()) {
        return staticMember(type.get(), n);
      }
    }
    return DispatchValue.UNKNOWN;
  }

  private DispatchValue staticMember(TypeDeclaration<?> type, String n) {
    if (type instanceof EnumDeclaration enumDecl) {
      for (EnumConstantDeclaration c : enumDecl.getEntries()) {
        if (c.getNameAsString().equals(n)) {
          return DispatchValue.of(new EnumConstant(enumDecl.getNameAsString(), n, enumDecl));
        }
      }
    }
    Optional<VariableDeclarator> v = fieldIn(type, n);
    if (v.isPresent()) {
      return constantValue(v.get(), type);
    }
    for (BodyDeclaration<?> member : type.getMembers()) {
      if (member instanceof TypeDeclaration<?> nested && nested.getNameAsString().equals(n)) {
        return DispatchValue.of(new TypeRef(nested, n));
      }
    }
    return DispatchValue.UNKNOWN;
  }

  /** A field seen from code of {@code frame}: assigned during the run, a constant, or a table. */
  private DispatchValue fieldValue(Frame frame, String n, Node context) {
    if (fields.containsKey(n)) {
      return fields.get(n);
    }
    if (frame.enumSelf != null) {
      DispatchValue v = enumField(frame.enumSelf, n);
      if (!v.isUnknown()) {
        return v;
      }
    }
    for (TypeDeclaration<?> t : typesInScope(frame)) {
      Optional<VariableDeclarator> v = fieldIn(t, n);
      if (v.isPresent()) {
        return constantValue(v.get(), t);
      }
    }
    // Static imports: import static com.acme.Routes.ORDERS;
    Optional<CompilationUnit> unit = context.findCompilationUnit();
    if (unit.isPresent()) {
      for (ImportDeclaration imp : unit.get().getImports()) {
        if (!imp.isStatic()) {
          continue;
        }
        String typeName = imp.isAsterisk() ? imp.getNameAsString() : qualifier(imp.getNameAsString());
        if (!imp.isAsterisk() && !imp.getName().getIdentifier().equals(n)) {
          continue;
        }
        Optional<TypeDeclaration<?>> type = shared.workspace.findType(typeName);
        if (type.isPresent()) {
          DispatchValue v = staticMember(type.get(), n);
          if (!v.isUnknown()) {
            return v;
          }
        }
      }
    }
    return DispatchValue.UNKNOWN;
  }

  List<TypeDeclaration<?>> typesInScope(Frame frame) {
    List<TypeDeclaration<?>> types = new ArrayList<>();
    for (TypeDeclaration<?> t : hierarchy(frame.self)) {
      types.add(t);
    }
    for (TypeDeclaration<?> t : hierarchy(frame.owner)) {
      if (!types.contains(t)) {
        types.add(t);
      }
    }
    for (Node n = frame.owner == null ? null : frame.owner.getParentNode().orElse(null);
        n != null;
        n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> outer && !types.contains(outer)) {
        types.add(outer);
      }
    }
    return types;
  }

  private Optional<VariableDeclarator> fieldIn(TypeDeclaration<?> type, String n) {
    if (type == null) {
      return Optional.empty();
    }
    Map<String, VariableDeclarator> byName = shared.fieldIndex.get(type);
    if (byName == null) {
      byName = new HashMap<>();
      for (FieldDeclaration f : type.getFields()) {
        for (VariableDeclarator v : f.getVariables()) {
          byName.putIfAbsent(v.getNameAsString(), v);
        }
      }
      shared.fieldIndex.put(type, byName);
    }
    return Optional.ofNullable(byName.get(n));
  }

  private DispatchValue constantValue(VariableDeclarator v, TypeDeclaration<?> owner) {
    DispatchValue cached = shared.constants.get(v);
    if (cached != null) {
      return cached;
    }
    Optional<FieldDeclaration> field = v.getParentNode().filter(FieldDeclaration.class::isInstance).map(FieldDeclaration.class::cast);
    String type = TypeNames.stripGenerics(v.getTypeAsString());
    DispatchValue value = DispatchValue.UNKNOWN;
    if (type.endsWith("Map") && field.isPresent()) {
      value = DispatchValue.of(table(field.get(), v, owner));
    } else if (v.getInitializer().isPresent() && shared.evaluating.add(v)) {
      try {
        Frame frame = new Frame(new HashMap<>(), new HashMap<>(), owner, owner, null, v);
        DispatchInterpreter constants = new DispatchInterpreter(shared, null, null);
        value = constants.evaluate(v.getInitializer().get(), frame);
        if (value.origin() != Origin.NONE || value.value() instanceof Role) {
          value = DispatchValue.UNKNOWN;
        }
      } finally {
        shared.evaluating.remove(v);
      }
    }
    shared.constants.put(v, value);
    return value;
  }

  private DispatchValue enumField(EnumConstant constant, String fieldName) {
    if (!(constant.declaration() instanceof EnumDeclaration enumDecl)) {
      return DispatchValue.UNKNOWN;
    }
    if (fieldName.equals("name")) {
      return DispatchValue.of(constant.name());
    }
    EnumConstantDeclaration entry = enumDecl.getEntries().stream()
        .filter(c -> c.getNameAsString().equals(constant.name())).findFirst().orElse(null);
    if (entry == null) {
      return DispatchValue.UNKNOWN;
    }
    for (var ctor : enumDecl.getConstructors()) {
      if (ctor.getParameters().size() != entry.getArguments().size()) {
        continue;
      }
      for (AssignExpr assign : ctor.getBody().findAll(AssignExpr.class)) {
        String target = assign.getTarget() instanceof FieldAccessExpr fa ? fa.getNameAsString()
            : assign.getTarget() instanceof NameExpr n ? n.getNameAsString() : null;
        if (!fieldName.equals(target) || !(assign.getValue() instanceof NameExpr param)) {
          continue;
        }
        for (int i = 0; i < ctor.getParameters().size(); i++) {
          if (ctor.getParameter(i).getNameAsString().equals(param.getNameAsString())) {
            Frame frame = new Frame(new HashMap<>(), new HashMap<>(), enumDecl, enumDecl, null, entry);
            return new DispatchInterpreter(shared, null, null).evaluate(entry.getArguments().get(i), frame);
          }
        }
      }
    }
    return DispatchValue.UNKNOWN;
  }

  private DispatchValue binary(BinaryExpr b, Frame frame) {
    BinaryExpr.Operator op = b.getOperator();
    if (op == BinaryExpr.Operator.AND || op == BinaryExpr.Operator.OR) {
      boolean and = op == BinaryExpr.Operator.AND;
      DispatchValue leftValue = eval(b.getLeft(), frame);
      Boolean left = leftValue.asBoolean();
      if (!explore && left != null && left != and) {
        return DispatchValue.of(!and, leftValue.origin());
      }
      DispatchValue rightValue = eval(b.getRight(), frame);
      Boolean right = rightValue.asBoolean();
      Origin origin = combine(leftValue.origin(), rightValue.origin());
      if (left != null && right != null) {
        return DispatchValue.of(and ? left && right : left || right, origin);
      }
      if ((left != null && left != and) || (right != null && right != and)) {
        return DispatchValue.of(!and, origin);
      }
      return DispatchValue.of(DispatchValue.Special.UNKNOWN, origin);
    }
    DispatchValue left = eval(b.getLeft(), frame);
    DispatchValue right = eval(b.getRight(), frame);
    switch (op) {
      case PLUS:
        if (left.value() instanceof Integer l && right.value() instanceof Integer r) {
          return DispatchValue.of(l + r);
        }
        return concat(left, right);
      case MINUS:
        if (left.value() instanceof Integer l && right.value() instanceof Integer r) {
          return DispatchValue.of(l - r);
        }
        return DispatchValue.UNKNOWN;
      case EQUALS:
      case NOT_EQUALS: {
        boolean eq = op == BinaryExpr.Operator.EQUALS;
        Boolean result;
        if (left.isNull() || right.isNull()) {
          DispatchValue other = left.isNull() ? right : left;
          result = other.isNull() ? Boolean.TRUE : other.isUnknown() ? null : Boolean.FALSE;
        } else {
          result = compare(left, right, false, b);
        }
        return bool(result == null ? null : eq == result, left, right);
      }
      case LESS:
      case GREATER:
      case LESS_EQUALS:
      case GREATER_EQUALS: {
        countBound(left, right, b);
        if (left.value() instanceof Integer l && right.value() instanceof Integer r) {
          return DispatchValue.of(switch (op) {
            case LESS -> l < r;
            case GREATER -> l > r;
            case LESS_EQUALS -> l <= r;
            default -> l >= r;
          });
        }
        return DispatchValue.UNKNOWN;
      }
      default:
        return DispatchValue.UNKNOWN;
    }
  }

  private void countBound(DispatchValue left, DispatchValue right, Node where) {
    if (constraints == null) {
      return;
    }
    if (left.origin() == Origin.SEGMENT_COUNT && right.value() instanceof Integer r) {
      constraints.add(Origin.SEGMENT_COUNT, -1, Op.COUNT, r, where);
      constraints.add(Origin.SEGMENT_COUNT, -1, Op.COUNT, r + 1, where);
      constraints.add(Origin.SEGMENT_COUNT, -1, Op.COUNT, r - 1, where);
    } else if (right.origin() == Origin.SEGMENT_COUNT && left.value() instanceof Integer l) {
      constraints.add(Origin.SEGMENT_COUNT, -1, Op.COUNT, l, where);
      constraints.add(Origin.SEGMENT_COUNT, -1, Op.COUNT, l + 1, where);
      constraints.add(Origin.SEGMENT_COUNT, -1, Op.COUNT, l - 1, where);
    }
  }

  private static DispatchValue concat(DispatchValue left, DispatchValue right) {
    Origin origin = combine(left.origin(), right.origin());
    String l = text(left);
    String r = text(right);
    if (l == null || r == null) {
      return DispatchValue.of(DispatchValue.Special.UNKNOWN, origin);
    }
    return DispatchValue.of(l + r, origin);
  }

  private static String text(DispatchValue v) {
    Object o = v.value();
    if (o instanceof String s) {
      return s;
    }
    if (o instanceof Integer || o instanceof Boolean) {
      return o.toString();
    }
    if (o instanceof EnumConstant c) {
      return c.name();
    }
    if (o == DispatchValue.Special.NULL) {
      return "null";
    }
    return null;
  }

  private static Origin combine(Origin a, Origin b) {
    if (a == Origin.NONE || a == Origin.PARAM) {
      return b == Origin.PARAM ? Origin.NONE : b;
    }
    if (b == Origin.NONE || b == Origin.PARAM || a == b) {
      return a;
    }
    return Origin.KEY;
  }

  /**
   * Compares a value with another: true, false, or null when unknown. When one side comes from
   * the request and the other is a constant, explore mode records the comparison.
   */
  private Boolean compare(DispatchValue a, DispatchValue b, boolean ignoreCase, Node where) {
    record(a, b, ignoreCase ? Op.EQUALS : Op.EQUALS, where);
    return equalValues(a, b, ignoreCase);
  }

  private void record(DispatchValue a, DispatchValue b, Op op, Node where) {
    if (constraints == null) {
      return;
    }
    DispatchValue request = a.origin().dispatches() ? a : b.origin().dispatches() ? b : null;
    if (request == null) {
      return;
    }
    DispatchValue constant = request == a ? b : a;
    Object c = constantOf(constant);
    int index = request.value() instanceof Segment s ? s.index() : -1;
    if (c == null) {
      if (constant.isUnknown() && constant.origin() == Origin.NONE) {
        constraints.unresolved.add(where);
      }
      return;
    }
    if (request.origin() == Origin.SEGMENT_COUNT) {
      constraints.add(Origin.SEGMENT_COUNT, -1, Op.COUNT, c, where);
      return;
    }
    constraints.add(request.origin(), index, op, c, where);
  }

  private static Object constantOf(DispatchValue v) {
    if (v.origin() != Origin.NONE) {
      return null;
    }
    Object o = v.value();
    if (o instanceof String || o instanceof Integer) {
      return o;
    }
    if (o instanceof EnumConstant c) {
      return c.name();
    }
    return null;
  }

  /** A test's result, remembering which request attributes it depends on. */
  private static DispatchValue bool(Boolean result, DispatchValue... inputs) {
    Origin origin = Origin.NONE;
    for (DispatchValue v : inputs) {
      if (v.origin().dispatches()) {
        origin = combine(origin, v.origin());
      }
    }
    return DispatchValue.of(result == null ? DispatchValue.Special.UNKNOWN : result, origin);
  }

  static Boolean equalValues(DispatchValue a, DispatchValue b, boolean ignoreCase) {
    if (a.isUnknown() || b.isUnknown()) {
      return null;
    }
    Object x = a.value();
    Object y = b.value();
    if (x instanceof EnumConstant || y instanceof EnumConstant) {
      String xs = x instanceof EnumConstant c ? c.name() : x instanceof String s ? s : null;
      String ys = y instanceof EnumConstant c ? c.name() : y instanceof String s ? s : null;
      if (xs == null || ys == null) {
        return null;
      }
      return xs.equals(ys);
    }
    if (x instanceof String xs && y instanceof String ys) {
      return ignoreCase ? xs.equalsIgnoreCase(ys) : xs.equals(ys);
    }
    if (x instanceof Integer && y instanceof Integer || x instanceof Boolean && y instanceof Boolean) {
      return x.equals(y);
    }
    if (x == DispatchValue.Special.NULL || y == DispatchValue.Special.NULL) {
      return x == y;
    }
    return null;
  }

  static boolean sameConstant(Object key, Object lookup) {
    if (key == null || lookup == null) {
      return false;
    }
    String k = key instanceof EnumConstant c ? c.name() : key.toString();
    String l = lookup instanceof EnumConstant c ? c.name() : lookup.toString();
    return k.equals(l);
  }

  // ---------------------------------------------------------------------------------------------
  // Method calls

  private DispatchValue call(MethodCallExpr call, Frame frame) {
    String n = call.getNameAsString();
    List<Expression> argExprs = call.getArguments();
    if (call.getScope().isEmpty()) {
      if (n.equals("entry") || n.equals("ofEntries")) {
        return DispatchValue.UNKNOWN;
      }
      return inline(call, frame, null, frame.self);
    }
    if (PARSERS.contains(n)) {
      for (Expression a : argExprs) {
        if (eval(a, frame).value() instanceof Role role && (role == Role.INPUT || role == Role.EVENT)) {
          return DispatchValue.of(Role.EVENT);
        }
      }
    }
    Expression scopeExpr = call.getScope().get();
    if (scopeExpr instanceof NameExpr scopeName && !frame.env.containsKey(scopeName.getNameAsString())) {
      Optional<DispatchValue> utility = utility(scopeName.getNameAsString(), call, frame);
      if (utility.isPresent()) {
        return utility.get();
      }
    }
    DispatchValue scope = eval(scopeExpr, frame);
    Object receiver = scope.value();
    if (scope.isNull() && scope.origin().dispatches()) {
      // routes.get(key).apply(event) with no such key: a NullPointerException, not a route.
      failed = true;
    }
    if (receiver instanceof Role role) {
      return roleCall(role, scope, call, frame);
    }
    if (receiver instanceof String || receiver instanceof Segment
        || (scope.isUnknown() && scope.origin() != Origin.NONE)) {
      return stringCall(scope, call, frame);
    }
    if (receiver instanceof PatternValue pattern) {
      if (n.equals("matcher") && argExprs.size() == 1) {
        return DispatchValue.of(new MatcherValue(pattern.regex(), eval(argExprs.get(0), frame)));
      }
      if (n.equals("asPredicate") || n.equals("asMatchPredicate")) {
        return DispatchValue.UNKNOWN;
      }
      return DispatchValue.UNKNOWN;
    }
    if (receiver instanceof MatcherValue matcher) {
      return matcherCall(matcher, n, call);
    }
    if (receiver instanceof Table table) {
      return tableCall(table, scope, call, frame);
    }
    if (receiver instanceof TableEntry entry) {
      if (!explore) {
        invoked = entry;
      }
      for (Expression a : argExprs) {
        eval(a, frame);
      }
      return DispatchValue.UNKNOWN;
    }
    if (receiver instanceof Callable callable) {
      if (!explore && scope.origin().dispatches()) {
        invokedDefault = callable;
      }
      return DispatchValue.UNKNOWN;
    }
    if (receiver instanceof EnumConstant constant) {
      if (n.equals("name") || n.equals("toString")) {
        return DispatchValue.of(constant.name(), scope.origin());
      }
      if (n.equals("equals") && argExprs.size() == 1) {
        DispatchValue other = eval(argExprs.get(0), frame);
        return bool(compare(scope, other, false, call), scope, other);
      }
      if (constant.declaration() != null) {
        return inline(call, frame, constant, constant.declaration());
      }
      return DispatchValue.UNKNOWN;
    }
    if (receiver instanceof TypeRef ref) {
      if (n.equals("valueOf") && ref.declaration() instanceof EnumDeclaration && argExprs.size() == 1) {
        DispatchValue arg = eval(argExprs.get(0), frame);
        return DispatchValue.of(arg.isUnknown() ? DispatchValue.Special.UNKNOWN
            : new EnumConstant(ref.name(), text(arg), ref.declaration()), arg.origin());
      }
      return inline(call, frame, null, ref.declaration());
    }
    if (receiver instanceof String[] && n.equals("length")) {
      return DispatchValue.UNKNOWN;
    }
    // A call on a repository object: inline it when it is a one-line predicate.
    return inline(call, frame, null, null);
  }

  /** Static calls on well-known utility types, by the name they are written with. */
  private Optional<DispatchValue> utility(String type, MethodCallExpr call, Frame frame) {
    String n = call.getNameAsString();
    List<Expression> args = call.getArguments();
    if (fieldValue(frame, type, call).isKnown()) {
      return Optional.empty();
    }
    switch (type) {
      case "Objects":
        if (n.equals("equals") && args.size() == 2) {
          DispatchValue a = eval(args.get(0), frame);
          DispatchValue b = eval(args.get(1), frame);
          return Optional.of(bool(compare(a, b, false, call), a, b));
        }
        if ((n.equals("toString") || n.equals("requireNonNull") || n.equals("requireNonNullElse"))
            && !args.isEmpty()) {
          return Optional.of(eval(args.get(0), frame));
        }
        if (n.equals("isNull") || n.equals("nonNull")) {
          DispatchValue v = eval(args.get(0), frame);
          if (v.isUnknown()) {
            return Optional.of(DispatchValue.UNKNOWN);
          }
          return Optional.of(DispatchValue.of(n.equals("isNull") == v.isNull(), v.origin()));
        }
        return Optional.of(DispatchValue.UNKNOWN);
      case "String":
        if (n.equals("valueOf") && args.size() == 1) {
          return Optional.of(eval(args.get(0), frame));
        }
        if (n.equals("format") && !args.isEmpty()) {
          DispatchValue format = eval(args.get(0), frame);
          List<DispatchValue> values = new ArrayList<>();
          Origin origin = Origin.NONE;
          for (int i = 1; i < args.size(); i++) {
            DispatchValue v = eval(args.get(i), frame);
            values.add(v);
            origin = combine(origin, v.origin());
          }
          if (format.asString() != null && values.stream().allMatch(v -> text(v) != null)) {
            try {
              return Optional.of(DispatchValue.of(
                  String.format(Locale.ROOT, format.asString(), values.stream().map(DispatchInterpreter::text).toArray()),
                  origin));
            } catch (RuntimeException e) {
              return Optional.of(DispatchValue.UNKNOWN);
            }
          }
          return Optional.of(DispatchValue.of(DispatchValue.Special.UNKNOWN, origin));
        }
        return Optional.of(DispatchValue.UNKNOWN);
      case "Pattern":
        if (n.equals("compile") && !args.isEmpty()) {
          DispatchValue regex = eval(args.get(0), frame);
          return Optional.of(regex.asString() == null ? DispatchValue.UNKNOWN
              : DispatchValue.of(new PatternValue(regex.asString())));
        }
        if (n.equals("matches") && args.size() == 2) {
          DispatchValue regex = eval(args.get(0), frame);
          DispatchValue input = eval(args.get(1), frame);
          return Optional.of(regexTest(regex.asString(), input, true, call));
        }
        return Optional.of(DispatchValue.UNKNOWN);
      case "StringUtils":
        if (!args.isEmpty()) {
          DispatchValue first = eval(args.get(0), frame);
          if (args.size() == 1) {
            return Optional.of(transform(first, n));
          }
          DispatchValue second = eval(args.get(1), frame);
          return Optional.of(stringTest(first, n, second, call));
        }
        return Optional.of(DispatchValue.UNKNOWN);
      case "Optional":
        if ((n.equals("ofNullable") || n.equals("of")) && args.size() == 1) {
          return Optional.of(eval(args.get(0), frame));
        }
        return Optional.of(DispatchValue.UNKNOWN);
      case "Map":
      case "ImmutableMap":
      case "Collections":
        if (n.startsWith("of") || n.equals("copyOf") || n.startsWith("unmodifiable")) {
          return Optional.of(DispatchValue.of(tableFrom(call, frame.owner)));
        }
        return Optional.of(DispatchValue.UNKNOWN);
      default:
        break;
    }
    if (n.equals("valueOf") && args.size() == 1) {
      Optional<TypeDeclaration<?>> t = typeNamed(type, call);
      if (t.isEmpty() || t.get() instanceof EnumDeclaration) {
        DispatchValue arg = eval(args.get(0), frame);
        if (arg.origin().dispatches() || arg.asString() != null) {
          return Optional.of(DispatchValue.of(
              arg.isUnknown() ? DispatchValue.Special.UNKNOWN
                  : new EnumConstant(type, text(arg), t.orElse(null)),
              arg.origin()));
        }
      }
    }
    return Optional.empty();
  }

  private DispatchValue roleCall(Role role, DispatchValue scope, MethodCallExpr call, Frame frame) {
    String n = call.getNameAsString();
    List<Expression> args = call.getArguments();
    if (role == Role.INPUT) {
      // input.readAllBytes(), reader.lines(): still the raw event.
      return DispatchValue.of(Role.INPUT);
    }
    if (args.isEmpty()) {
      if (n.startsWith("get") && n.length() > 3) {
        return attribute(role, Character.toLowerCase(n.charAt(3)) + n.substring(4), scope);
      }
      if (role == Role.PATH_PARAMETERS && (n.equals("isEmpty") || n.equals("size"))) {
        if (explore || scope.isUnknown()) {
          return DispatchValue.UNKNOWN;
        }
        int size = request.parameters() == null ? 0 : request.parameters().size();
        return DispatchValue.of(n.equals("isEmpty") ? (Object) (size == 0) : (Object) size);
      }
      // Records and accessor-style models: event.httpMethod()
      return attribute(role, n, scope);
    }
    if (args.size() >= 1) {
      DispatchValue key = eval(args.get(0), frame);
      String k = key.asString();
      if (k == null) {
        return DispatchValue.UNKNOWN;
      }
      switch (n) {
        case "get":
        case "path":
        case "findValue":
        case "getOrDefault":
        case "optString":
        case "getString":
        case "getAsString":
          if (role == Role.PATH_PARAMETERS) {
            return attribute(role, k, scope);
          }
          return attribute(role, k, scope);
        case "at":
          DispatchValue v = scope;
          for (String part : k.split("/")) {
            if (part.isEmpty()) {
              continue;
            }
            if (!(v.value() instanceof Role r)) {
              return DispatchValue.UNKNOWN;
            }
            v = attribute(r, part, v);
          }
          return v;
        case "containsKey":
        case "has":
        case "hasNonNull":
          if (role == Role.PATH_PARAMETERS) {
            if (constraints != null) {
              constraints.parameterNames.add(k);
            }
            touched.add(Origin.PARAMS);
            if (explore) {
              return DispatchValue.of(DispatchValue.Special.UNKNOWN, Origin.PARAMS);
            }
            return DispatchValue.of(request.parameters() != null && request.parameters().containsKey(k), Origin.PARAMS);
          }
          return DispatchValue.UNKNOWN;
        default:
          return DispatchValue.UNKNOWN;
      }
    }
    return DispatchValue.UNKNOWN;
  }

  /** An attribute of the event model, by JSON name or getter name. */
  private DispatchValue attribute(Role role, String key, DispatchValue scope) {
    switch (role) {
      case EVENT:
        switch (key) {
          case "httpMethod":
            return touch(requestValue(Origin.METHOD));
          case "path":
          case "rawPath":
            return touch(requestValue(Origin.PATH));
          case "resource":
            return touch(requestValue(Origin.RESOURCE));
          case "routeKey":
            return touch(requestValue(Origin.ROUTE_KEY));
          case "requestContext":
            return DispatchValue.of(Role.REQUEST_CONTEXT);
          case "pathParameters":
            return touch(parameters());
          default:
            return DispatchValue.UNKNOWN;
        }
      case REQUEST_CONTEXT:
        switch (key) {
          case "http":
            return DispatchValue.of(Role.HTTP);
          case "httpMethod":
            return touch(requestValue(Origin.METHOD));
          case "resourcePath":
            return touch(requestValue(Origin.RESOURCE));
          case "routeKey":
            return touch(requestValue(Origin.ROUTE_KEY));
          case "path":
            return touch(requestValue(Origin.PATH));
          default:
            return DispatchValue.UNKNOWN;
        }
      case HTTP:
        switch (key) {
          case "method":
            return touch(requestValue(Origin.METHOD));
          case "path":
            return touch(requestValue(Origin.PATH));
          default:
            return DispatchValue.UNKNOWN;
        }
      case PATH_PARAMETERS:
        if (constraints != null) {
          constraints.parameterNames.add(key);
        }
        if (explore) {
          return DispatchValue.of(DispatchValue.Special.UNKNOWN, Origin.PARAM);
        }
        if (request.parameters() == null) {
          return DispatchValue.of(DispatchValue.Special.NULL, Origin.PARAM);
        }
        String v = request.parameters().get(key);
        return DispatchValue.of(v == null ? DispatchValue.Special.NULL : v, Origin.PARAM);
      default:
        return DispatchValue.UNKNOWN;
    }
  }

  private DispatchValue parameters() {
    if (explore) {
      return DispatchValue.of(Role.PATH_PARAMETERS, Origin.PARAMS);
    }
    return request.parameters() == null
        ? DispatchValue.of(DispatchValue.Special.NULL, Origin.PARAMS)
        : DispatchValue.of(Role.PATH_PARAMETERS, Origin.PARAMS);
  }

  private DispatchValue requestValue(Origin origin) {
    if (explore) {
      return DispatchValue.of(DispatchValue.Special.UNKNOWN, origin);
    }
    String v = switch (origin) {
      case METHOD -> request.method();
      case PATH -> request.path();
      case RESOURCE -> request.template();
      case ROUTE_KEY -> request.routeKey();
      default -> null;
    };
    return DispatchValue.of(v == null ? DispatchValue.Special.UNKNOWN : v, origin);
  }

  private DispatchValue stringCall(DispatchValue s, MethodCallExpr call, Frame frame) {
    String n = call.getNameAsString();
    List<Expression> args = call.getArguments();
    if (args.isEmpty()) {
      return transform(s, n);
    }
    DispatchValue arg = eval(args.get(0), frame);
    switch (n) {
      case "split": {
        String sep = arg.asString();
        Origin origin = s.origin().isPathLike() ? Origin.SEGMENTS : Origin.NONE;
        if (sep == null) {
          return DispatchValue.UNKNOWN;
        }
        if (s.asString() == null) {
          return DispatchValue.of(DispatchValue.Special.UNKNOWN, origin);
        }
        return DispatchValue.of(s.asString().split(sep), origin);
      }
      case "substring": {
        DispatchValue end = args.size() > 1 ? eval(args.get(1), frame) : null;
        if (s.asString() != null && arg.value() instanceof Integer from) {
          String str = s.asString();
          Integer to = end == null ? Integer.valueOf(str.length())
              : end.value() instanceof Integer t ? t : null;
          if (to != null && from >= 0 && from <= to && to <= str.length()) {
            return DispatchValue.of(str.substring(from, to), s.origin());
          }
        }
        return DispatchValue.of(DispatchValue.Special.UNKNOWN, s.origin());
      }
      case "replace":
      case "replaceAll":
      case "replaceFirst": {
        DispatchValue with = args.size() > 1 ? eval(args.get(1), frame) : DispatchValue.UNKNOWN;
        if (s.asString() != null && arg.asString() != null && with.asString() != null) {
          try {
            String r = switch (n) {
              case "replace" -> s.asString().replace(arg.asString(), with.asString());
              case "replaceAll" -> s.asString().replaceAll(arg.asString(), with.asString());
              default -> s.asString().replaceFirst(arg.asString(), with.asString());
            };
            return DispatchValue.of(r, s.origin());
          } catch (RuntimeException e) {
            return DispatchValue.UNKNOWN;
          }
        }
        return DispatchValue.of(DispatchValue.Special.UNKNOWN, s.origin());
      }
      case "toUpperCase":
      case "toLowerCase":
        return transform(s, n);
      case "concat":
        return concat(s, arg);
      case "asText":
      case "textValue":
      case "getAsString":
      case "orElse":
      case "defaultIfEmpty":
        return s.isNull() ? arg : s;
      default:
        return stringTest(s, n, arg, call);
    }
  }

  private static DispatchValue transform(DispatchValue s, String n) {
    String str = s.asString();
    switch (n) {
      case "toUpperCase":
      case "upperCase":
        return str == null ? s : DispatchValue.of(str.toUpperCase(Locale.ROOT), s.origin());
      case "toLowerCase":
      case "lowerCase":
        return str == null ? s : DispatchValue.of(str.toLowerCase(Locale.ROOT), s.origin());
      case "trim":
      case "strip":
      case "trimToEmpty":
        return str == null ? s : DispatchValue.of(str.strip(), s.origin());
      case "stripTrailing":
        return str == null ? s : DispatchValue.of(str.stripTrailing(), s.origin());
      case "intern":
      case "toString":
      case "asText":
      case "textValue":
      case "getAsString":
        return s;
      case "length":
        return str == null ? DispatchValue.UNKNOWN : DispatchValue.of(str.length());
      case "isEmpty":
        return str == null ? DispatchValue.UNKNOWN : DispatchValue.of(str.isEmpty());
      case "isBlank":
        return str == null ? DispatchValue.UNKNOWN : DispatchValue.of(str.isBlank());
      case "isNull":
      case "isMissingNode":
        return s.isNull() ? DispatchValue.of(true) : s.isUnknown() ? DispatchValue.UNKNOWN : DispatchValue.of(false);
      default:
        return DispatchValue.UNKNOWN;
    }
  }

  private DispatchValue stringTest(DispatchValue s, String n, DispatchValue arg, Node where) {
    String str = s.asString();
    String a = arg.asString();
    switch (n) {
      case "equals":
      case "contentEquals":
      case "equalsIgnoreCase": {
        boolean ignoreCase = n.equals("equalsIgnoreCase");
        record(s, arg, Op.EQUALS, where);
        return bool(equalValues(s, arg, ignoreCase), s, arg);
      }
      case "startsWith":
      case "endsWith":
      case "contains": {
        Op op = n.equals("startsWith") ? Op.STARTS_WITH : n.equals("endsWith") ? Op.ENDS_WITH : Op.CONTAINS;
        if (s.origin().dispatches() && arg.origin() == Origin.NONE) {
          record(s, arg, op, where);
        } else if (arg.origin().dispatches() && n.equals("contains")) {
          // "GET,HEAD".contains(method): each listed value is a candidate.
          if (str != null && constraints != null) {
            for (String part : str.split("[,|; ]")) {
              if (!part.isBlank()) {
                constraints.add(arg.origin(), -1, Op.EQUALS, part.strip(), where);
              }
            }
          }
        }
        if (str == null || a == null) {
          return bool(null, s, arg);
        }
        return bool(switch (op) {
          case STARTS_WITH -> str.startsWith(a);
          case ENDS_WITH -> str.endsWith(a);
          default -> str.contains(a);
        }, s, arg);
      }
      case "matches":
        return regexTest(a, s, true, where);
      default:
        return DispatchValue.UNKNOWN;
    }
  }

  private DispatchValue regexTest(String regex, DispatchValue input, boolean whole, Node where) {
    if (regex == null) {
      if (input.origin().dispatches() && constraints != null) {
        constraints.unresolved.add(where);
      }
      return DispatchValue.UNKNOWN;
    }
    if (input.origin().dispatches() && constraints != null) {
      constraints.add(input.origin(), -1, Op.MATCHES, whole ? regex : regex + "\u0000find", where);
    }
    String str = input.asString();
    if (str == null) {
      return bool(null, input);
    }
    try {
      Matcher m = Pattern.compile(regex).matcher(str);
      return bool(whole ? m.matches() : m.find(), input);
    } catch (PatternSyntaxException e) {
      return bool(null, input);
    }
  }

  private DispatchValue matcherCall(MatcherValue matcher, String n, MethodCallExpr call) {
    switch (n) {
      case "matches":
        touch(matcher.input());
        return regexTest(matcher.regex(), matcher.input(), true, call);
      case "find":
      case "lookingAt":
        touch(matcher.input());
        return regexTest(matcher.regex(), matcher.input(), false, call);
      case "group":
        if (matcher.input().asString() != null && call.getArguments().size() == 1) {
          try {
            Matcher m = Pattern.compile(matcher.regex()).matcher(matcher.input().asString());
            if (m.find()) {
              Expression a = call.getArguments().get(0);
              String g = a instanceof IntegerLiteralExpr i ? m.group(i.asNumber().intValue())
                  : a instanceof StringLiteralExpr s ? m.group(s.asString()) : null;
              return g == null ? DispatchValue.UNKNOWN : DispatchValue.of(g, Origin.PARAM);
            }
          } catch (RuntimeException e) {
            return DispatchValue.UNKNOWN;
          }
        }
        return DispatchValue.UNKNOWN;
      default:
        return DispatchValue.UNKNOWN;
    }
  }

  private DispatchValue tableCall(Table table, DispatchValue scope, MethodCallExpr call, Frame frame) {
    String n = call.getNameAsString();
    List<Expression> args = call.getArguments();
    if ((n.equals("put") || n.equals("putIfAbsent")) && args.size() == 2) {
      DispatchValue key = eval(args.get(0), frame);
      Object k = constantOf(key);
      if (k != null) {
        table.entries.add(new TableEntry(k, args.get(1), call, frame.owner));
      }
      return DispatchValue.UNKNOWN;
    }
    if (!(n.equals("get") || n.equals("getOrDefault") || n.equals("containsKey")) || args.isEmpty()) {
      return DispatchValue.UNKNOWN;
    }
    DispatchValue key = eval(args.get(0), frame);
    if (key.origin().dispatches()) {
      touched.add(key.origin());
      lastKeyOrigin = key.origin();
    }
    if (constraints != null) {
      for (TableEntry entry : table.entries) {
        record(key, DispatchValue.of(entry.key()), Op.EQUALS, entry.source());
      }
      if (table.entries.isEmpty() && key.origin().dispatches()) {
        constraints.unresolved.add(call);
      }
    }
    if (key.isUnknown() || (!(key.value() instanceof String) && !(key.value() instanceof EnumConstant))) {
      // Explore mode: the inner tables of a table of tables, merged, so their keys are seen too.
      Table merged = new Table();
      for (TableEntry entry : table.entries) {
        DispatchValue nested = evaluate(entry.value(), new Frame(new HashMap<>(), new HashMap<>(), entry.owner(), frame.self, null, entry.value()));
        if (nested.value() instanceof Table inner) {
          merged.entries.addAll(inner.entries);
        }
      }
      if (!merged.entries.isEmpty()) {
        return DispatchValue.of(merged, key.origin());
      }
      return DispatchValue.of(DispatchValue.Special.UNKNOWN, key.origin());
    }
    TableEntry entry = table.find(key.value() instanceof EnumConstant c ? c.name() : key.value());
    if (n.equals("containsKey")) {
      return DispatchValue.of(entry != null, key.origin());
    }
    if (entry == null) {
      if (n.equals("getOrDefault") && args.size() == 2) {
        DispatchValue fallback = eval(args.get(1), frame);
        return fallback.value() instanceof Callable ? fallback.withOrigin(key.origin()) : DispatchValue.UNKNOWN;
      }
      return DispatchValue.of(DispatchValue.Special.NULL, key.origin());
    }
    DispatchValue nested = evaluate(entry.value(), new Frame(new HashMap<>(), new HashMap<>(), entry.owner(), frame.self, null, entry.value()));
    if (nested.value() instanceof Table) {
      return DispatchValue.of(nested.value(), key.origin());
    }
    return DispatchValue.of(entry, key.origin());
  }

  /**
   * Evaluates a call to a method of the repository whose body is one {@code return}: helper
   * predicates ({@code isGetOrder(event)}), enum accessors, constant getters.
   */
  private DispatchValue inline(MethodCallExpr call, Frame frame, EnumConstant enumSelf, TypeDeclaration<?> in) {
    if (depth >= MAX_DEPTH) {
      return DispatchValue.UNKNOWN;
    }
    Optional<Target> target = in != null && call.getScope().isPresent()
        ? findMethod(in, call.getNameAsString(), call.getArguments().size()).map(m -> new Target(enclosingType(m), m))
        : resolveCall(call, frame);
    if (target.isEmpty() || target.get().method().getBody().isEmpty()) {
      for (Expression a : call.getArguments()) {
        eval(a, frame);
      }
      return DispatchValue.UNKNOWN;
    }
    MethodDeclaration m = target.get().method();
    List<Statement> body = m.getBody().get().getStatements();
    if (body.size() != 1 || !(body.get(0) instanceof ReturnStmt ret) || ret.getExpression().isEmpty()
        || stack.contains(m)) {
      for (Expression a : call.getArguments()) {
        eval(a, frame);
      }
      return DispatchValue.UNKNOWN;
    }
    TypeDeclaration<?> self = inHierarchy(frame.self, enclosingType(m)) ? frame.self : enclosingType(m);
    Frame callee = frameFor(m, self, enumSelf);
    for (int i = 0; i < m.getParameters().size() && i < call.getArguments().size(); i++) {
      callee.env.put(m.getParameter(i).getNameAsString(), eval(call.getArguments().get(i), frame));
    }
    depth++;
    stack.add(m);
    try {
      return eval(ret.getExpression().get(), callee);
    } finally {
      stack.remove(stack.size() - 1);
      depth--;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Dispatch tables

  private Table table(FieldDeclaration field, VariableDeclarator v, TypeDeclaration<?> owner) {
    Table cached = shared.tables.get(field);
    if (cached != null) {
      return cached;
    }
    Table table = new Table();
    shared.tables.put(field, table);
    if (v.getInitializer().isPresent()) {
      fill(table, v.getInitializer().get(), owner);
    }
    String name = v.getNameAsString();
    for (MethodCallExpr put : owner.findAll(MethodCallExpr.class)) {
      if (!(put.getNameAsString().equals("put") || put.getNameAsString().equals("putIfAbsent"))
          || put.getArguments().size() != 2 || put.getScope().isEmpty()) {
        continue;
      }
      Expression scope = put.getScope().get();
      boolean ours = scope instanceof NameExpr n && n.getNameAsString().equals(name)
          || scope instanceof FieldAccessExpr fa && fa.getScope() instanceof ThisExpr
              && fa.getNameAsString().equals(name);
      if (!ours) {
        continue;
      }
      Optional<MethodDeclaration> registrar = put.findAncestor(MethodDeclaration.class)
          .filter(m -> usesParameter(m, put.getArguments()));
      if (registrar.isPresent()) {
        registrations(table, registrar.get(), put, owner);
      } else {
        addEntry(table, put.getArguments().get(0), put.getArguments().get(1), put.getArguments().get(0), owner);
      }
    }
    return table;
  }

  private static boolean usesParameter(MethodDeclaration m, List<Expression> args) {
    for (Expression a : args) {
      for (NameExpr n : a.findAll(NameExpr.class)) {
        if (m.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(n.getNameAsString()))) {
          return true;
        }
      }
      if (a instanceof NameExpr n
          && m.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(n.getNameAsString()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code register("GET /orders", this::list)} where {@code register} does {@code
   * routes.put(key, handler)}: one entry per call, declared at the call.
   */
  private void registrations(Table table, MethodDeclaration registrar, MethodCallExpr put, TypeDeclaration<?> owner) {
    String name = registrar.getNameAsString();
    int arity = registrar.getParameters().size();
    for (MethodCallExpr call : owner.findAll(MethodCallExpr.class)) {
      if (!call.getNameAsString().equals(name) || call.getArguments().size() != arity
          || call.getScope().isPresent() && !(call.getScope().get() instanceof ThisExpr)
          || call.findAncestor(MethodDeclaration.class).filter(m -> m == registrar).isPresent()) {
        continue;
      }
      Frame frame = new Frame(new HashMap<>(), new HashMap<>(), owner, owner, null, call);
      DispatchInterpreter constants = new DispatchInterpreter(shared, null, null);
      for (int i = 0; i < arity; i++) {
        frame.env.put(registrar.getParameter(i).getNameAsString(), constants.evaluate(call.getArgument(i), frame));
      }
      Object key = constantOf(constants.evaluate(put.getArgument(0), frame));
      Expression value = put.getArgument(1);
      if (value instanceof NameExpr n) {
        for (int i = 0; i < arity; i++) {
          if (registrar.getParameter(i).getNameAsString().equals(n.getNameAsString())) {
            value = call.getArgument(i);
          }
        }
      }
      if (key != null) {
        table.entries.add(new TableEntry(key, value, call, owner));
      } else {
        unresolved(call);
      }
    }
  }

  private Table tableFrom(Expression init, TypeDeclaration<?> owner) {
    Table table = new Table();
    fill(table, init, owner);
    return table;
  }

  private void fill(Table table, Expression init, TypeDeclaration<?> owner) {
    Expression e = unwrap(init);
    if (e instanceof MethodCallExpr call) {
      String n = call.getNameAsString();
      List<Expression> args = call.getArguments();
      if (n.equals("of") && args.size() % 2 == 0) {
        for (int i = 0; i + 1 < args.size(); i += 2) {
          addEntry(table, args.get(i), args.get(i + 1), args.get(i), owner);
        }
      } else if (n.equals("ofEntries")) {
        for (Expression a : args) {
          if (a instanceof MethodCallExpr entry && entry.getArguments().size() == 2) {
            addEntry(table, entry.getArguments().get(0), entry.getArguments().get(1), entry, owner);
          }
        }
      } else if (n.equals("build") || n.equals("buildOrThrow")) {
        // ImmutableMap.builder().put(k, v)...build()
        for (Expression s = call.getScope().orElse(null); s instanceof MethodCallExpr c;
            s = c.getScope().orElse(null)) {
          if (c.getNameAsString().equals("put") && c.getArguments().size() == 2) {
            addEntry(table, c.getArguments().get(0), c.getArguments().get(1), c.getArguments().get(0), owner);
          }
        }
        java.util.Collections.reverse(table.entries);
      } else if ((n.equals("unmodifiableMap") || n.equals("copyOf")) && args.size() == 1) {
        fill(table, args.get(0), owner);
      }
    } else if (e instanceof ObjectCreationExpr oce) {
      oce.getAnonymousClassBody().ifPresent(body -> {
        for (BodyDeclaration<?> member : body) {
          for (MethodCallExpr put : member.findAll(MethodCallExpr.class)) {
            if (put.getNameAsString().equals("put") && put.getScope().isEmpty()
                && put.getArguments().size() == 2) {
              addEntry(table, put.getArguments().get(0), put.getArguments().get(1), put, owner);
            }
          }
        }
      });
    }
  }

  private void addEntry(Table table, Expression key, Expression value, Node source, TypeDeclaration<?> owner) {
    Frame frame = new Frame(new HashMap<>(), new HashMap<>(), owner, owner, null, key);
    DispatchValue k = new DispatchInterpreter(shared, null, null).evaluate(key, frame);
    Object c = constantOf(k);
    if (c != null) {
      table.entries.add(new TableEntry(c, value, source, owner));
    } else {
      unresolved(key);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Resolution of calls and types

  /** A method of the repository a call resolves to. */
  record Target(TypeDeclaration<?> type, MethodDeclaration method) {}

  Optional<Target> resolveCall(MethodCallExpr call, Frame frame) {
    String n = call.getNameAsString();
    int arity = call.getArguments().size();
    if (call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr) {
      for (TypeDeclaration<?> t : typesInScope(frame)) {
        Optional<MethodDeclaration> m = findMethodHere(t, n, arity);
        if (m.isPresent()) {
          return Optional.of(new Target(t, m.get()));
        }
      }
      return staticallyImported(call, n, arity);
    }
    Optional<TypeDeclaration<?>> type = staticType(call.getScope().get(), frame);
    if (type.isPresent()) {
      Optional<MethodDeclaration> m = findMethod(type.get(), n, arity);
      if (m.isPresent()) {
        return Optional.of(new Target(type.get(), m.get()));
      }
    }
    return Optional.empty();
  }

  private Optional<Target> staticallyImported(MethodCallExpr call, String n, int arity) {
    Optional<CompilationUnit> unit = call.findCompilationUnit();
    if (unit.isEmpty()) {
      return Optional.empty();
    }
    for (ImportDeclaration imp : unit.get().getImports()) {
      if (!imp.isStatic() || (!imp.isAsterisk() && !imp.getName().getIdentifier().equals(n))) {
        continue;
      }
      String typeName = imp.isAsterisk() ? imp.getNameAsString() : qualifier(imp.getNameAsString());
      Optional<TypeDeclaration<?>> type = shared.workspace.findType(typeName);
      if (type.isPresent()) {
        Optional<MethodDeclaration> m = findMethod(type.get(), n, arity);
        if (m.isPresent()) {
          return Optional.of(new Target(type.get(), m.get()));
        }
      }
    }
    return Optional.empty();
  }

  /** The declared type of a receiver expression, when it is a type of the repository. */
  Optional<TypeDeclaration<?>> staticType(Expression scope, Frame frame) {
    Expression e = unwrap(scope);
    if (e instanceof ThisExpr) {
      return Optional.ofNullable(frame.self);
    }
    if (e instanceof NameExpr name) {
      String n = name.getNameAsString();
      // Declared where it is written: code reached from elsewhere (a table entry) names its own variables.
      Optional<String> declared = DispatchScopes.declaredType(n, name);
      if (declared.isPresent()) {
        return typeNamed(declared.get(), name);
      }
      String written = frame.types.get(n);
      if (written != null) {
        return typeNamed(written, frame.callable != null ? frame.callable : name);
      }
      Optional<TypeDeclaration<?>> fieldType = fieldType(frame, n);
      if (fieldType.isPresent()) {
        return fieldType;
      }
      return typeNamed(n, name);
    }
    if (e instanceof FieldAccessExpr fa) {
      if (fa.getScope() instanceof ThisExpr) {
        return fieldType(frame, fa.getNameAsString());
      }
      return typeNamed(fa.toString(), fa);
    }
    if (e instanceof ObjectCreationExpr oce) {
      return typeNamed(oce.getTypeAsString(), oce);
    }
    if (e instanceof MethodCallExpr call) {
      Optional<Target> t = resolveCall(call, frame);
      if (t.isPresent() && t.get().method().getType().isClassOrInterfaceType()) {
        return typeNamed(t.get().method().getTypeAsString(), t.get().method());
      }
    }
    if (e instanceof MethodCallExpr call
        && LibraryChains.staysInLibrary(call, (written, at) -> typeNamed(written, at).isPresent())) {
      return Optional.empty();
    }
    return shared.solved.computeIfAbsent(e, x -> {
      try {
        String described = SolverLock.ask(() -> x.calculateResolvedType().describe());
        return shared.workspace.findType(TypeNames.stripGenerics(described));
      } catch (RuntimeException | StackOverflowError ex) {
        return Optional.empty();
      }
    });
  }

  private Optional<TypeDeclaration<?>> fieldType(Frame frame, String n) {
    for (TypeDeclaration<?> t : typesInScope(frame)) {
      Optional<VariableDeclarator> v = fieldIn(t, n);
      if (v.isPresent()) {
        return typeNamed(v.get().getTypeAsString(), v.get());
      }
    }
    return Optional.empty();
  }

  Optional<TypeDeclaration<?>> typeNamed(String written, Node context) {
    if (written == null || written.isEmpty() || !Character.isUpperCase(lastSegment(written).charAt(0))) {
      return Optional.empty();
    }
    // Names resolve the same way anywhere in one type: cache per enclosing type.
    Node scope = enclosingType(context);
    if (scope == null) {
      return shared.names.qualify(written, context).flatMap(shared.workspace::findType);
    }
    return shared.typeNames.computeIfAbsent(scope, s -> new HashMap<>())
        .computeIfAbsent(written, w -> shared.names.qualify(w, context).flatMap(shared.workspace::findType));
  }

  private static String lastSegment(String name) {
    String s = TypeNames.stripGenerics(name);
    int dot = s.lastIndexOf('.');
    String last = dot >= 0 ? s.substring(dot + 1) : s;
    return last.isEmpty() ? "x" : last;
  }

  /** A method by name and arity in a type or its supertypes of the repository. */
  Optional<MethodDeclaration> findMethod(TypeDeclaration<?> type, String n, int arity) {
    for (TypeDeclaration<?> t : hierarchy(type)) {
      Optional<MethodDeclaration> m = findMethodHere(t, n, arity);
      if (m.isPresent()) {
        return m;
      }
    }
    return Optional.empty();
  }

  private static Optional<MethodDeclaration> findMethodHere(TypeDeclaration<?> t, String n, int arity) {
    MethodDeclaration declared = null;
    for (MethodDeclaration m : t.getMethodsByName(n)) {
      boolean varargs = !m.getParameters().isEmpty() && m.getParameters().getLast().get().isVarArgs();
      if (m.getParameters().size() == arity || varargs && arity >= m.getParameters().size() - 1) {
        if (m.getBody().isPresent()) {
          return Optional.of(m);
        }
        if (declared == null) {
          declared = m;
        }
      }
    }
    return Optional.ofNullable(declared);
  }

  /** The type and its superclasses and interfaces declared in the repository, nearest first. */
  List<TypeDeclaration<?>> hierarchy(TypeDeclaration<?> type) {
    if (type == null) {
      return List.of();
    }
    List<TypeDeclaration<?>> cached = shared.hierarchies.get(type);
    if (cached == null) {
      cached = List.copyOf(computeHierarchy(type));
      shared.hierarchies.put(type, cached);
    }
    return cached;
  }

  private List<TypeDeclaration<?>> computeHierarchy(TypeDeclaration<?> type) {
    List<TypeDeclaration<?>> out = new ArrayList<>();
    ArrayList<TypeDeclaration<?>> queue = new ArrayList<>();
    if (type != null) {
      queue.add(type);
    }
    while (!queue.isEmpty() && out.size() < 20) {
      TypeDeclaration<?> t = queue.remove(0);
      if (out.contains(t)) {
        continue;
      }
      out.add(t);
      if (t instanceof ClassOrInterfaceDeclaration c) {
        List<ClassOrInterfaceType> supers = new ArrayList<>(c.getExtendedTypes());
        supers.addAll(c.getImplementedTypes());
        for (ClassOrInterfaceType s : supers) {
          typeNamed(s.getNameWithScope(), c).ifPresent(queue::add);
        }
      } else if (t instanceof EnumDeclaration en) {
        for (ClassOrInterfaceType s : en.getImplementedTypes()) {
          typeNamed(s.getNameWithScope(), en).ifPresent(queue::add);
        }
      }
    }
    return out;
  }

  private boolean inHierarchy(TypeDeclaration<?> self, TypeDeclaration<?> type) {
    return self != null && type != null && hierarchy(self).contains(type);
  }

  static TypeDeclaration<?> enclosingType(Node node) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> t) {
        return t;
      }
    }
    return null;
  }

  static Expression unwrap(Expression e) {
    Expression x = e;
    while (x instanceof EnclosedExpr || x instanceof CastExpr) {
      x = x instanceof EnclosedExpr en ? en.getInner() : ((CastExpr) x).getExpression();
    }
    return x;
  }

  private static String qualifier(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
