package dev.ficus.workspace;

import java.util.function.Supplier;

/**
 * The one way into JavaParser's symbol solver. The solver is not thread-safe: it caches answers in
 * the trees' nodes and in its type solvers, and a resolved type asks the type solvers again later,
 * lazily. Work that needs it can still run beside other work (the call graph beside route
 * extraction) when every question, and everything done with its answer, happens inside {@link
 * #ask}, one at a time (docs/adr/0004). A resolved value must not leave the question that produced
 * it; turn it into names or nodes first. The lock is one for the whole process, since JavaParser
 * keeps its solver facades in a static map.
 */
public final class SolverLock {

  private static final Object LOCK = new Object();

  private SolverLock() {}

  /** Runs {@code question} while no other thread asks the solver; what it throws is thrown here. */
  public static <T> T ask(Supplier<T> question) {
    synchronized (LOCK) {
      return question.get();
    }
  }

  /** Runs {@code work} while no other thread asks the solver; what it throws is thrown here. */
  public static void run(Runnable work) {
    synchronized (LOCK) {
      work.run();
    }
  }
}
