package dev.ficus.lint.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.ficus.lint.Rule;
import dev.ficus.lint.RuleContext;
import dev.ficus.lint.code.Bodies;
import dev.ficus.lint.code.Declarations;
import dev.ficus.lint.code.SdkCall;
import dev.ficus.lint.code.SdkCalls;
import dev.ficus.model.Finding;
import dev.ficus.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A handler that runs a workflow itself: it polls with {@code Thread.sleep}, retries SDK calls in
 * a loop, branches on a stored status as a hand-written state machine, undoes earlier writes in a
 * catch block, or chains calls across several services. The function pays for the waiting, its
 * timeout bounds the workflow, and a crash midway leaves no record of where it stopped.
 */
public final class LambdaOrchestrator implements Rule {

  private static final Set<String> STATUS_WORDS = Set.of("status", "state", "step", "stage", "phase");
  private static final Pattern RETRY_CONDITION =
      Pattern.compile("(?i)(attempt|retr|tries|tried|succe|done|complete|finish)");
  /** A chain this long across this many services is a workflow, not a request. */
  static final int SEQUENCE_CALLS = 4;
  static final int SEQUENCE_SERVICES = 3;

  @Override
  public String id() {
    return "lambda-orchestrator";
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "A handler orchestrates a workflow in code: polling with sleep, retry loops, a status"
        + " state machine, compensation in catch blocks, or long chains of calls across services.";
  }

  @Override
  public String advice() {
    return "Move the workflow to a Step Functions state machine: its Wait, Retry, Choice and Catch"
        + " states replace the sleeps, loops, status switch and compensation code.";
  }

  @Override
  public List<Finding> check(RuleContext context) {
    SdkCalls sdk = context.sdkCalls();
    List<Finding> findings = new ArrayList<>();
    for (CallableDeclaration<?> method : context.callables()) {
      List<SdkCall> own = context.ownSdkCalls(method);
      if (own.isEmpty()) {
        continue;
      }
      String name = RuleContext.displayName(method);
      List<Finding> local = new ArrayList<>();
      for (Statement loop : method.findAll(Statement.class)) {
        if (Bodies.runsIn(loop, method) && isLoop(loop)) {
          loop(context, sdk, method, loop, name).ifPresent(local::add);
        }
      }
      for (SwitchStmt s : method.findAll(SwitchStmt.class)) {
        if (Bodies.runsIn(s, method)) {
          statusSwitch(context, sdk, s, name).ifPresent(local::add);
        }
      }
      for (IfStmt s : method.findAll(IfStmt.class)) {
        if (Bodies.runsIn(s, method) && !(s.getParentNode().orElse(null) instanceof IfStmt)) {
          statusChain(context, sdk, s, name).ifPresent(local::add);
        }
      }
      for (TryStmt t : method.findAll(TryStmt.class)) {
        if (Bodies.runsIn(t, method)) {
          compensation(context, sdk, t, name).ifPresent(local::add);
        }
      }
      if (local.isEmpty()) {
        sequence(context, method, own, name).ifPresent(local::add);
      }
      findings.addAll(local);
    }
    return findings;
  }

  private static boolean isLoop(Statement s) {
    return s.isWhileStmt() || s.isDoStmt() || s.isForStmt();
  }

  private Optional<Finding> loop(RuleContext context, SdkCalls sdk, CallableDeclaration<?> method, Statement loop, String name) {
    List<SdkCall> calls = sdk.in(loop).stream().filter(c -> Bodies.runsIn(c.call(), method) && c.blocking()).toList();
    if (calls.isEmpty()) {
      return Optional.empty();
    }
    boolean sleeps =
        loop.findAll(MethodCallExpr.class).stream()
            .anyMatch(m -> isSleep(m) || sleepingHelper(m));
    Optional<SdkCall> retried = retried(loop, calls);
    if (retried.isPresent()) {
      if (singleRetry(loop)) {
        return Optional.empty();
      }
      return Optional.of(
          context.findingAt(this, loop, severity(),
              "`" + name + "` retries `" + retried.get().text() + "` in a hand-written loop"
                  + (sleeps ? " with sleeps between attempts" : "")
                  + ", paying for every wait inside the function."));
    }
    if (sleeps) {
      SdkCall polled = calls.get(0);
      return Optional.of(
          context.findingAt(this, loop, severity(),
              "`" + name + "` polls `" + polled.text() + "` in a loop with sleep, paying for the"
                  + " function while it waits for another system."));
    }
    return Optional.empty();
  }

  private static boolean isSleep(MethodCallExpr m) {
    if (!m.getNameAsString().equals("sleep")) {
      return false;
    }
    String scope = m.getScope().map(Object::toString).orElse("");
    return scope.equals("Thread") || scope.startsWith("TimeUnit.") || scope.equals("java.lang.Thread");
  }

  /** A call to a method of the same class that sleeps: {@code pause()} wrapping the checked exception. */
  private static boolean sleepingHelper(MethodCallExpr m) {
    if (m.getScope().filter(sc -> !sc.isThisExpr()).isPresent()) {
      return false;
    }
    Node type = m;
    while (type != null && !(type instanceof com.github.javaparser.ast.body.TypeDeclaration<?>)) {
      type = type.getParentNode().orElse(null);
    }
    if (type == null) {
      return false;
    }
    return ((com.github.javaparser.ast.body.TypeDeclaration<?>) type)
        .getMethodsByName(m.getNameAsString()).stream()
        .anyMatch(d -> d.findAll(MethodCallExpr.class).stream().anyMatch(LambdaOrchestrator::isSleep));
  }

  /** The SDK call a loop retries: inside a try whose catch lets the loop go round again. */
  private static Optional<SdkCall> retried(Statement loop, List<SdkCall> calls) {
    if (!retryShaped(loop)) {
      return Optional.empty();
    }
    for (TryStmt t : loop.findAll(TryStmt.class)) {
      boolean continues = t.getCatchClauses().stream().anyMatch(c -> !exits(c.getBody()));
      if (!continues) {
        continue;
      }
      for (SdkCall c : calls) {
        if (Bodies.within(c.call(), t.getTryBlock())) {
          return Optional.of(c);
        }
      }
    }
    return Optional.empty();
  }

  /** A loop that repeats the same work (a counter or a done flag), not one over a collection. */
  private static boolean retryShaped(Statement loop) {
    Optional<Expression> condition =
        loop instanceof WhileStmt w ? Optional.of(w.getCondition())
            : loop instanceof DoStmt d ? Optional.of(d.getCondition())
            : loop instanceof ForStmt f ? f.getCompare() : Optional.empty();
    if (condition.isEmpty()) {
      return loop instanceof ForStmt; // for (;;)
    }
    String text = condition.get().toString();
    if (text.equals("true")) {
      return true;
    }
    if (RETRY_CONDITION.matcher(text).find()) {
      return true;
    }
    return loop instanceof ForStmt && iterations(condition.get()).isPresent();
  }

  /** A loop that runs at most twice is one retry of one call, which is fine. */
  private static boolean singleRetry(Statement loop) {
    Optional<Expression> condition =
        loop instanceof ForStmt f ? f.getCompare()
            : loop instanceof WhileStmt w ? Optional.of(w.getCondition())
            : loop instanceof DoStmt d ? Optional.of(d.getCondition()) : Optional.empty();
    return condition.flatMap(LambdaOrchestrator::iterations).map(n -> n <= 2).orElse(false);
  }

  /** {@code i < 3} gives 3, {@code i <= 3} gives 4, through an int constant too. */
  private static Optional<Integer> iterations(Expression condition) {
    for (BinaryExpr b : condition.findAll(BinaryExpr.class)) {
      Optional<Integer> bound = intValue(b.getRight());
      if (bound.isEmpty()) {
        continue;
      }
      if (b.getOperator() == BinaryExpr.Operator.LESS) {
        return bound;
      }
      if (b.getOperator() == BinaryExpr.Operator.LESS_EQUALS) {
        return bound.map(n -> n + 1);
      }
    }
    return Optional.empty();
  }

  private static Optional<Integer> intValue(Expression e) {
    if (e instanceof IntegerLiteralExpr i) {
      return Optional.of(i.asNumber().intValue());
    }
    if (e instanceof NameExpr || e.isFieldAccessExpr()) {
      return Declarations.of(e)
          .map(Declarations.Declared::initializer)
          .filter(init -> init instanceof IntegerLiteralExpr)
          .map(init -> ((IntegerLiteralExpr) init).asNumber().intValue());
    }
    return Optional.empty();
  }

  /** A block whose last statement leaves the loop: throw, return or break. */
  private static boolean exits(BlockStmt body) {
    if (body.getStatements().isEmpty()) {
      return false;
    }
    Statement last = body.getStatements().get(body.getStatements().size() - 1);
    return last.isThrowStmt() || last.isReturnStmt() || last.isBreakStmt();
  }

  private Optional<Finding> statusSwitch(RuleContext context, SdkCalls sdk, SwitchStmt s, String name) {
    String selector = s.getSelector().toString();
    if (!namesStatus(selector)) {
      return Optional.empty();
    }
    List<List<SdkCall>> branches = new ArrayList<>();
    for (SwitchEntry entry : s.getEntries()) {
      List<SdkCall> calls = new ArrayList<>();
      entry.getStatements().forEach(st -> calls.addAll(sdk.in(st)));
      branches.add(calls);
    }
    return stateMachine(context, s, selector, branches, name);
  }

  private Optional<Finding> statusChain(RuleContext context, SdkCalls sdk, IfStmt first, String name) {
    List<List<SdkCall>> branches = new ArrayList<>();
    Set<String> subjects = new LinkedHashSet<>();
    Statement at = first;
    while (at instanceof IfStmt s) {
      if (!namesStatus(s.getCondition().toString())) {
        return Optional.empty();
      }
      subjects.add(s.getCondition().toString());
      branches.add(sdk.in(s.getThenStmt()));
      at = s.getElseStmt().orElse(null);
    }
    if (at != null) {
      branches.add(sdk.in(at));
    }
    String subject = subjects.iterator().next();
    return stateMachine(context, first, subject, branches, name);
  }

  /**
   * True when an expression names a workflow status: a camel-case word status, state, step, stage
   * or phase ({@code order.getStatus()}, {@code STATE_PAID}), but not an HTTP {@code statusCode}.
   */
  static boolean namesStatus(String expression) {
    List<String> words = new ArrayList<>();
    for (String token : expression.split("[^A-Za-z0-9]+")) {
      for (String w : token.split("(?<=[a-z0-9])(?=[A-Z])|_")) {
        if (!w.isEmpty()) {
          words.add(w.toLowerCase(Locale.ROOT));
        }
      }
    }
    for (int i = 0; i < words.size(); i++) {
      boolean code = i + 1 < words.size() && words.get(i + 1).equals("code");
      if (STATUS_WORDS.contains(words.get(i)) && !code && !words.get(i).equals("http")) {
        return true;
      }
    }
    return false;
  }

  private Optional<Finding> stateMachine(
      RuleContext context, Node at, String subject, List<List<SdkCall>> branches, String name) {
    long withCalls = branches.stream().filter(b -> !b.isEmpty()).count();
    boolean writes = branches.stream().flatMap(List::stream).anyMatch(SdkCall::isWrite);
    if (withCalls < 2 || !writes) {
      return Optional.empty();
    }
    if (subject.length() > 60) {
      subject = subject.substring(0, 57) + "...";
    }
    return Optional.of(
        context.findingAt(this, at, severity(),
            "`" + name + "` drives a state machine in code on `" + subject + "`, with SDK calls in "
                + withCalls + " states."));
  }

  private Optional<Finding> compensation(RuleContext context, SdkCalls sdk, TryStmt t, String name) {
    List<SdkCall> steps = sdk.in(t.getTryBlock());
    if (steps.size() < 2) {
      return Optional.empty();
    }
    for (CatchClause c : t.getCatchClauses()) {
      for (SdkCall undo : sdk.in(c.getBody())) {
        if (!undo.isUndo()) {
          continue;
        }
        for (SdkCall step : steps.subList(0, steps.size() - 1)) {
          if (step.isWrite() && !step.isUndo() && step.service().equals(undo.service())) {
            return Optional.of(
                context.findingAt(this, undo.call(), severity(),
                    "`" + name + "` compensates in a catch block: `" + undo.text() + "` undoes `"
                        + step.text() + "` when a later step fails."));
          }
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Finding> sequence(RuleContext context, CallableDeclaration<?> method, List<SdkCall> own, String name) {
    List<SdkCall> blocking = own.stream().filter(SdkCall::blocking).toList();
    Set<String> services = new LinkedHashSet<>();
    blocking.forEach(c -> services.add(c.service()));
    if (blocking.size() < SEQUENCE_CALLS || services.size() < SEQUENCE_SERVICES) {
      return Optional.empty();
    }
    return Optional.of(
        context.findingAt(this, method.getName(), severity(),
            "`" + name + "` makes " + blocking.size() + " blocking SDK calls across "
                + services.size() + " services (" + String.join(", ", services).toLowerCase(Locale.ROOT)
                + ") in sequence, a workflow run inside one invocation."));
  }
}
