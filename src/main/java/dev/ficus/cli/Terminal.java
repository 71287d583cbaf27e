package dev.ficus.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What ficus knows of where its output goes: whether standard output and standard error are
 * terminals, and whether the user allows colour. Colour and the progress display are for people
 * at a terminal only; a pipe, a file or a CI log gets plain text. Tests pass {@link #none()}.
 *
 * @param colorAllowed false when {@code NO_COLOR} is set (https://no-color.org) or {@code TERM}
 *     is {@code dumb}
 */
record Terminal(boolean stdout, boolean stderr, boolean colorAllowed) {

  /** No terminal at all: what tests and pipes get. */
  static Terminal none() {
    return new Terminal(false, false, false);
  }

  /** The real streams of this process. */
  static Terminal detect() {
    return detect(System.getenv(), System.console() != null);
  }

  static Terminal detect(Map<String, String> env, boolean console) {
    String noColor = env.get("NO_COLOR");
    boolean colorAllowed = (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    return new Terminal(isTerminal(1, console), isTerminal(2, console), colorAllowed);
  }

  /** Colour on standard output: a terminal, and the user did not turn it off. */
  boolean colorOut() {
    return stdout && colorAllowed;
  }

  /**
   * Whether file descriptor {@code fd} is a terminal. Java has no isatty; on Linux the descriptor's
   * link names a tty or pseudo-tty device. Elsewhere a console (stdin and stdout interactive)
   * stands in for both streams.
   */
  private static boolean isTerminal(int fd, boolean console) {
    Path link = Path.of("/proc/self/fd/" + fd);
    try {
      if (Files.isSymbolicLink(link)) {
        String target = Files.readSymbolicLink(link).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // Fall back to the console below.
    }
    return console;
  }
}
