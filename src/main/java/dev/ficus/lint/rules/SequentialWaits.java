package dev.ficus.lint.rules;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.ficus.lint.Rule;
import dev.ficus.lint.RuleContext;
import dev.ficus.lint.code.Bodies;
import dev.ficus.lint.code.SdkCall;
import dev.ficus.model.Finding;
import dev.ficus.model.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Blocking SDK calls made one after the other in one block when the later one does not need the
 * earlier one's result: the function waits for the sum of their latencies instead of the longest.
 * Only calls that start with a read are reported: after a write, the order usually matters (write
 * then notify), even when no data flows between them.
 */
public final class SequentialWaits implements Rule {

  @Override
  public String id() {
    return "sequential-waits";
  }

  @Override
  public Severity severity() {
    return Severity.NOTE;
  }

  @Override
  public String summary() {
    return "Two or more blocking SDK calls in one path where the later does not use the earlier's"
        + " result, so their latencies add up.";
  }

  @Override
  public String advice() {
    return "Run them in parallel with the async clients and CompletableFuture.allOf, or split the"
        + " work.";
  }

  /** A blocking call and the index of the block statement that holds it. */
  private record Placed(SdkCall call, int statement) {}

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (CallableDeclaration<?> method : context.callables()) {
      Map<BlockStmt, List<Placed>> placed = placed(method, context.ownSdkCalls(method));
      if (placed.isEmpty()) {
        continue;
      }
      String name = RuleContext.displayName(method);
      List<BlockStmt> blocks = new ArrayList<>(placed.keySet());
      blocks.sort(Bodies.BEGIN); // an outer block before the blocks inside it
      for (BlockStmt block : blocks) {
        Finding f = firstIndependentPair(context, block, placed.get(block), name);
        if (f != null) {
          findings.add(f);
        }
      }
    }
    return findings;
  }

  /**
   * The blocking calls of a method by the block nearest above them, outside loop statements, in
   * source order. {@code own} are the method's own SDK calls (none in a lambda or a nested class),
   * so each needs only the short walk up to its block.
   */
  private static Map<BlockStmt, List<Placed>> placed(CallableDeclaration<?> method, List<SdkCall> own) {
    Map<BlockStmt, List<Placed>> placed = new IdentityHashMap<>();
    Map<BlockStmt, Map<Statement, Integer>> indexes = new IdentityHashMap<>();
    for (SdkCall c : own) {
      if (!waits(c)) {
        continue;
      }
      Node child = c.call();
      Node n = child.getParentNode().orElse(null);
      while (n != null && n != method && !(n instanceof BlockStmt)) {
        child = n;
        n = n.getParentNode().orElse(null);
      }
      if (!(n instanceof BlockStmt block) || !(child instanceof Statement s)) {
        continue; // not in a block of the method: an annotation, say
      }
      if (s.isForStmt() || s.isForEachStmt() || s.isWhileStmt() || s.isDoStmt()) {
        continue; // runs once per round, not once in the block's path
      }
      int index = indexes.computeIfAbsent(block, SequentialWaits::statementIndexes).get(s);
      placed.computeIfAbsent(block, b -> new ArrayList<>()).add(new Placed(c, index));
    }
    // own is in source order already; a stable sort keeps that order within each statement.
    placed.values().forEach(calls -> calls.sort(Comparator.comparingInt(Placed::statement)));
    return placed;
  }

  private static Map<Statement, Integer> statementIndexes(BlockStmt block) {
    Map<Statement, Integer> indexes = new IdentityHashMap<>();
    List<Statement> statements = block.getStatements();
    for (int i = 0; i < statements.size(); i++) {
      indexes.put(statements.get(i), i);
    }
    return indexes;
  }

  /** A call the function waits for, other than a paginator or a waiter. */
  private static boolean waits(SdkCall c) {
    return c.blocking() && !c.operation().endsWith("Paginator") && !c.operation().startsWith("waitUntil");
  }

  private Finding firstIndependentPair(RuleContext context, BlockStmt block, List<Placed> calls, String method) {
    for (int i = 0; i < calls.size(); i++) {
      Placed a = calls.get(i);
      if (!a.call().isRead()) {
        continue;
      }
      List<Placed> independent = new ArrayList<>();
      for (int j = i + 1; j < calls.size(); j++) {
        Placed b = calls.get(j);
        if (Bodies.within(a.call().call(), b.call().call()) || Bodies.within(b.call().call(), a.call().call())) {
          continue;
        }
        if (independent(block, a, b)) {
          independent.add(b);
        }
      }
      if (!independent.isEmpty()) {
        Placed b = independent.get(0);
        String more = independent.size() > 1 ? " (and " + (independent.size() - 1) + " more)" : "";
        return context.findingAt(
            this,
            a.call().call(),
            severity(),
            "`"
                + method
                + "` waits for `"
                + a.call().text()
                + "` and then for `"
                + b.call().text()
                + "`"
                + more
                + ", which does not use its result: the two waits add up.");
      }
    }
    return null;
  }

  /** True when nothing {@code b} computes with, or is guarded by, comes from {@code a}'s result. */
  private static boolean independent(BlockStmt block, Placed a, Placed b) {
    List<Statement> statements = block.getStatements();
    Statement first = statements.get(a.statement());
    Set<String> tainted = new HashSet<>(resultNames(first, a.call()));
    if (a.statement() == b.statement()) {
      return true; // two arguments of one expression, neither inside the other
    }
    if (tainted.isEmpty() && !(first instanceof ExpressionStmt)) {
      return false; // the result feeds a condition or a return: b depends on it by control
    }
    if (tainted.isEmpty()) {
      // A read whose result is dropped works through its arguments (a download into a file).
      a.call().call().getArguments().forEach(arg -> tainted.addAll(Bodies.names(arg)));
    }
    for (int k = a.statement() + 1; k < b.statement(); k++) {
      Statement s = statements.get(k);
      Set<String> used = Bodies.names(s);
      if (Collections.disjoint(used, tainted)) {
        continue;
      }
      if (!(s instanceof ExpressionStmt)) {
        return false; // control flow on the result: b runs only because of it
      }
      tainted.addAll(used);
      s.findAll(VariableDeclarator.class).forEach(v -> tainted.add(v.getNameAsString()));
    }
    return Collections.disjoint(Bodies.names(statements.get(b.statement())), tainted);
  }

  /** The variables a statement stores the call's result in. */
  private static Set<String> resultNames(Statement statement, SdkCall call) {
    Set<String> names = new HashSet<>();
    for (VariableDeclarator v : statement.findAll(VariableDeclarator.class)) {
      if (v.getInitializer().filter(init -> Bodies.within(call.call(), init)).isPresent()) {
        names.add(v.getNameAsString());
      }
    }
    for (AssignExpr assign : statement.findAll(AssignExpr.class)) {
      if (Bodies.within(call.call(), assign.getValue())) {
        assign.getTarget().findAll(NameExpr.class).forEach(n -> names.add(n.getNameAsString()));
        if (assign.getTarget() instanceof NameExpr n) {
          names.add(n.getNameAsString());
        }
        if (assign.getTarget().isFieldAccessExpr()) {
          names.add(assign.getTarget().asFieldAccessExpr().getNameAsString());
        }
      }
    }
    return names;
  }
}
