package dev.ficus.scaffold;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file of a generated project. The path is checked here, once, so that no name taken from a
 * user's code (a route, a class, a service) can make a file land outside the output folder.
 *
 * @param path relative to the output folder, forward slashes, no {@code .} or {@code ..} segment
 * @param content the text, written as UTF-8
 */
public record GeneratedFile(String path, String content) implements Comparable<GeneratedFile> {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+\\-]*");

  public GeneratedFile {
    Objects.requireNonNull(content, "content");
    requireSafe(path);
  }

  /** True when {@code path} is relative, made of plain segments, and stays inside its folder. */
  public static boolean isSafe(String path) {
    if (path == null || path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")
          || segment.endsWith(".")) {
        return false;
      }
    }
    return true;
  }

  static void requireSafe(String path) {
    if (!isSafe(path)) {
      throw new IllegalArgumentException("unsafe generated path: " + path);
    }
  }

  @Override
  public int compareTo(GeneratedFile other) {
    return path.compareTo(other.path);
  }
}
