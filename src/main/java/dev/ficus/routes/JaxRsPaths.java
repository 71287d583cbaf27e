package dev.ficus.routes;

import java.util.List;

/**
 * Turns JAX-RS path pieces ({@code @ApplicationPath}, class and method {@code @Path}) into one
 * API Gateway path: pieces joined with single slashes, no trailing slash, and templates with a
 * regular expression ({@code {id: [0-9]+}}) reduced to their name. A last template whose
 * expression can span segments ({@code {path: .*}}) becomes greedy ({@code {path+}}).
 */
final class JaxRsPaths {

  private JaxRsPaths() {}

  static String join(String... pieces) {
    return join(List.of(pieces));
  }

  static String join(List<String> pieces) {
    StringBuilder path = new StringBuilder();
    for (String piece : pieces) {
      for (String segment : piece.split("/")) {
        if (!segment.isBlank()) {
          path.append('/').append(segment.trim());
        }
      }
    }
    return path.length() == 0 ? "/" : path.toString();
  }

  /** {@code /a/{id: \\d+}/{rest: .*}} becomes {@code /a/{id}/{rest+}}. */
  static String templates(String path) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c != '{') {
        out.append(c);
        i++;
        continue;
      }
      int depth = 1;
      int j = i + 1;
      int colon = -1;
      while (j < path.length() && depth > 0) {
        char d = path.charAt(j);
        if (d == '{') {
          depth++;
        } else if (d == '}') {
          depth--;
        } else if (d == ':' && depth == 1 && colon < 0) {
          colon = j;
        }
        j++;
      }
      int end = depth == 0 ? j - 1 : path.length();
      String name = path.substring(i + 1, colon >= 0 ? colon : end).trim();
      String regex = colon >= 0 ? path.substring(colon + 1, end).trim() : "";
      boolean greedy = regex.equals(".*") || regex.equals(".+") || regex.contains("/");
      out.append('{').append(name).append(greedy ? "+}" : "}");
      i = depth == 0 ? j : path.length();
    }
    // API Gateway allows a greedy variable only at the end; elsewhere it stays one segment.
    return out.toString().replaceAll("\\+}(?=.)", "}");
  }
}
