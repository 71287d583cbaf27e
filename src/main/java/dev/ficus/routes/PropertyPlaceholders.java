package dev.ficus.routes;

import dev.ficus.model.Confidence;
import dev.ficus.model.Diagnostics;
import dev.ficus.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves {@code ${key}} and {@code ${key:default}} placeholders in a mapping path the way Spring
 * and Micronaut do (nested placeholders included, {@code ${a:${b:x}}}). A placeholder that has
 * neither a configured value nor a default stays unresolved: the caller turns it into a path
 * variable and a diagnostic rather than guessing.
 */
final class PropertyPlaceholders {

  /**
   * The text with its placeholders replaced.
   *
   * @param usedDefault true when a {@code :default} stood in for a missing key
   * @param unresolved keys with no value and no default, in order; their placeholders are replaced
   *     by {@code {key}} with dots and dashes turned to underscores
   */
  record Result(String text, boolean usedDefault, List<String> unresolved) {
    Result {
      unresolved = List.copyOf(unresolved);
    }

    boolean resolved() {
      return unresolved.isEmpty();
    }
  }

  private static final int MAX_DEPTH = 10;

  private PropertyPlaceholders() {}

  /**
   * Resolves the placeholders of a route's path, after a prefix (context path) that was resolved
   * the same way, and says how sure the result is: HIGH when every key had a value, MEDIUM when a
   * default stood in, LOW when a key has neither, which is also a warning at the route's source.
   */
  static Result resolveRoutePath(
      String raw,
      Function<String, Optional<String>> lookup,
      Result prefix,
      String diagnosticCode,
      String handler,
      SourceRef source,
      Diagnostics diagnostics) {
    Result resolved = resolve(raw, lookup);
    List<String> unresolved = new ArrayList<>(prefix.unresolved());
    unresolved.addAll(resolved.unresolved());
    if (!unresolved.isEmpty()) {
      diagnostics.warning(
          diagnosticCode,
          "Route path of "
              + handler
              + " uses ${"
              + String.join("}, ${", unresolved)
              + "}, which no configuration file defines; it is reported as a path variable.",
          source);
    }
    return new Result(resolved.text(), resolved.usedDefault() || prefix.usedDefault(), unresolved);
  }

  /** The confidence a path deserves after {@link #resolveRoutePath}. */
  static Confidence confidenceOf(Result result) {
    if (!result.resolved()) {
      return Confidence.LOW;
    }
    return result.usedDefault() ? Confidence.MEDIUM : Confidence.HIGH;
  }

  static Result resolve(String text, Function<String, Optional<String>> lookup) {
    boolean[] usedDefault = {false};
    List<String> unresolved = new ArrayList<>();
    String out = resolve(text, lookup, usedDefault, unresolved, 0);
    return new Result(out, usedDefault[0], unresolved);
  }

  private static String resolve(
      String text,
      Function<String, Optional<String>> lookup,
      boolean[] usedDefault,
      List<String> unresolved,
      int depth) {
    if (text == null || !text.contains("${") || depth > MAX_DEPTH) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf("${", i);
      if (start < 0) {
        out.append(text, i, text.length());
        break;
      }
      out.append(text, i, start);
      int end = matchingBrace(text, start + 1);
      if (end < 0) {
        out.append(text, start, text.length());
        break;
      }
      String body = text.substring(start + 2, end);
      int colon = topLevelColon(body);
      String key = (colon < 0 ? body : body.substring(0, colon)).trim();
      key = resolve(key, lookup, usedDefault, unresolved, depth + 1);
      Optional<String> value = lookup.apply(key);
      if (value.isPresent()) {
        out.append(resolve(value.get(), lookup, usedDefault, unresolved, depth + 1));
      } else if (colon >= 0) {
        usedDefault[0] = true;
        out.append(resolve(body.substring(colon + 1), lookup, usedDefault, unresolved, depth + 1));
      } else {
        unresolved.add(key);
        out.append('{').append(key.replaceAll("[^A-Za-z0-9_]", "_")).append('}');
      }
      i = end + 1;
    }
    return out.toString();
  }

  /** Index of the '}' closing the '{' at {@code open}, or -1. */
  static int matchingBrace(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  private static int topLevelColon(String body) {
    int depth = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      } else if (c == ':' && depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
