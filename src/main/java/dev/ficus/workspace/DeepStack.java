package dev.ficus.workspace;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a recursive computation on a thread with a large stack, for the few inputs (deeply nested
 * generated code) whose depth the default stack of a thread cannot hold. The stack is reserved,
 * not committed, so an unused part costs address space only.
 */
public final class DeepStack {

  /** Stack of the thread: deep enough for the nesting of any source a person or a tool writes. */
  static final long STACK_BYTES = 512L * 1024 * 1024;

  private DeepStack() {}

  /**
   * The value of {@code work} computed on a fresh thread with a large stack. What it throws is
   * thrown here, so callers handle failures the same way as on their own thread; a
   * {@link StackOverflowError} there means the input is deeper than any stack should go.
   */
  public static <T> T call(Supplier<T> work) {
    AtomicReference<T> value = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                value.set(work.get());
              } catch (RuntimeException | Error e) {
                failure.set(e);
              }
            },
            "ficus-deep-stack",
            STACK_BYTES);
    thread.setDaemon(true);
    thread.start();
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return value.get();
  }
}
