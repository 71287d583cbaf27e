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
    return start(work).get();
  }

  /**
   * Starts {@code work} on a fresh thread with a large stack and returns at once: the caller goes
   * on with other work on its own thread and collects the value with {@link Pending#get()}.
   */
  public static <T> Pending<T> start(Supplier<T> work) {
    Pending<T> pending = new Pending<>(work);
    pending.thread.start();
    return pending;
  }

  /** Work running on a thread of its own; {@link #get()} waits for it. */
  public static final class Pending<T> {
    private final AtomicReference<T> value = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;

    private Pending(Supplier<T> work) {
      thread = new Thread(
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
    }

    /**
     * Starts {@code next} on a thread of its own once this work is done, failed or not: work that
     * shares the second core runs in the order the pipeline needs it, instead of all at once.
     */
    public <U> Pending<U> then(Supplier<U> next) {
      Pending<U> pending = new Pending<>(() -> {
        join();
        return next.get();
      });
      pending.thread.start();
      return pending;
    }

    /**
     * The value, once the work is done. What the work threw is thrown here, so callers handle
     * failures the same way as on their own thread.
     */
    public T get() {
      join();
      Throwable t = failure.get();
      if (t instanceof RuntimeException r) {
        throw r;
      }
      if (t instanceof Error e) {
        throw e;
      }
      return value.get();
    }

    private void join() {
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
    }
  }
}
