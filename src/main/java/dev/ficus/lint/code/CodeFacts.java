package dev.ficus.lint.code;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.ficus.workspace.Workspace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rules read about the code before any rule asks a question of its own: every callable,
 * the calls each makes itself, and its own SDK calls. It depends on the syntax trees alone (no
 * symbol solver, no routes or effects), so the analysis works it out on its second thread while
 * routes and effects are found (docs/adr/0004); a lint run without it works it out on demand.
 *
 * <p>Not thread-safe: one thread builds it, then hands it over (through a future) to the lint run.
 */
public final class CodeFacts {

  private final Callables callables;
  private final SdkCalls sdkCalls;
  /** Keyed by identity: JavaParser's {@code Node.equals} compares whole subtrees. */
  private final Map<CallableDeclaration<?>, List<SdkCall>> ownSdkCalls = new IdentityHashMap<>();

  private CodeFacts(Callables callables, SdkCalls sdkCalls) {
    this.callables = callables;
    this.sdkCalls = sdkCalls;
  }

  /** Facts worked out as rules ask for them. */
  public static CodeFacts lazy(Workspace workspace) {
    return new CodeFacts(Callables.of(workspace.sources()), new SdkCalls(workspace));
  }

  /** Every fact worked out now, for a lint run later. */
  public static CodeFacts of(Workspace workspace) {
    CodeFacts facts = lazy(workspace);
    facts.callables().forEach(facts::ownSdkCalls);
    return facts;
  }

  /** Every method and constructor, in file order and, within a file, in tree order. */
  public List<CallableDeclaration<?>> callables() {
    return callables.all();
  }

  /** The calls a callable makes itself (see {@link Callables#callsOf}). */
  public List<MethodCallExpr> callsOf(CallableDeclaration<?> callable) {
    return callables.callsOf(callable);
  }

  /** The recognizer every rule shares, so a call is classified once however many rules ask. */
  public SdkCalls sdkCalls() {
    return sdkCalls;
  }

  /**
   * The SDK calls that run as part of a callable itself, in source order: not in a lambda or an
   * anonymous or local class within it ({@link Bodies#runsIn}).
   */
  public List<SdkCall> ownSdkCalls(CallableDeclaration<?> callable) {
    List<SdkCall> known = ownSdkCalls.get(callable);
    if (known == null) {
      List<SdkCall> own = new ArrayList<>();
      for (MethodCallExpr call : callsOf(callable)) {
        sdkCalls.classify(call).filter(c -> Bodies.runsIn(call, callable)).ifPresent(own::add);
      }
      own.sort(SdkCalls.SOURCE_ORDER);
      known = Collections.unmodifiableList(own);
      ownSdkCalls.put(callable, known);
    }
    return known;
  }
}
