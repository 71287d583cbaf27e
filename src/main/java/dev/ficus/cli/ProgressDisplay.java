package dev.ficus.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The progress line on standard error of a run that takes longer than a second: one line redrawn
 * in place ({@code \r}), with the current stage, its counts and the elapsed time, cleared when the
 * run ends so that the report's own output starts on a clean line. Only shown when standard error
 * is a terminal and without {@code --quiet}; {@code --verbose} logs each stage on a line of its
 * own instead, which also suits a CI log.
 */
final class ProgressDisplay implements Progress, AutoCloseable {

  /** How long a run must last before the line appears, in milliseconds. */
  static final long DELAY_MILLIS = 1000;

  private static final String SPINNER = "|/-\\";

  private final PrintWriter err;
  private final boolean verbose;
  private final LongSupplier clock;
  private final long start;
  private final ScheduledExecutorService ticker;
  private volatile String status = "starting";
  private boolean shown;
  private int frame;

  /**
   * @param live redraw a line in place (a terminal); otherwise only {@code verbose} lines
   * @param verbose write each stage on its own line, with the time since the start
   */
  ProgressDisplay(PrintWriter err, boolean live, boolean verbose, LongSupplier clock) {
    this.err = err;
    this.verbose = verbose;
    this.clock = clock;
    this.start = clock.getAsLong();
    if (live && !verbose) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "ficus-progress");
                t.setDaemon(true);
                return t;
              });
      ticker.scheduleAtFixedRate(this::tick, 100, 100, TimeUnit.MILLISECONDS);
    } else {
      ticker = null;
    }
  }

  @Override
  public void update(String newStatus) {
    status = newStatus;
    if (verbose) {
      synchronized (this) {
        err.println("ficus: " + seconds() + " " + newStatus);
        err.flush();
      }
    }
  }

  /** Redraws the line once the run has lasted {@link #DELAY_MILLIS}. */
  synchronized void tick() {
    if (clock.getAsLong() - start < DELAY_MILLIS) {
      return;
    }
    shown = true;
    char spin = SPINNER.charAt(frame++ % SPINNER.length());
    err.print("\r\033[K" + spin + " " + status + " (" + seconds() + ")");
    err.flush();
  }

  private String seconds() {
    return String.format(Locale.ROOT, "%.1fs", (clock.getAsLong() - start) / 1000.0);
  }

  /** Stops the ticker and clears the line if it was drawn. */
  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      try {
        ticker.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      if (shown) {
        err.print("\r\033[K");
        err.flush();
      }
    }
  }
}
