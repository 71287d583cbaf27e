package dev.ficus.routes;

import dev.ficus.model.Confidence;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns framework path patterns into API Gateway path templates: Spring's {@code /files/{name:.+}}
 * and {@code /static/**}, Micronaut's URI templates. API Gateway only knows whole-segment variables
 * ({@code {id}}) and a final greedy one ({@code {proxy+}}), so anything finer (a segment mixing
 * text and a variable, a wildcard in the middle) is widened to a whole segment and the route's
 * confidence lowered to MEDIUM.
 */
final class RoutePaths {

  /** A converted path and how faithful the conversion is. */
  record Converted(String path, Confidence confidence) {}

  private RoutePaths() {}

  /** Joins a prefix and a pattern with exactly one slash between them. */
  static String join(String prefix, String path) {
    String a = prefix == null ? "" : prefix.trim();
    String b = path == null ? "" : path.trim();
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    if (a.endsWith("/") && b.startsWith("/")) {
      return a + b.substring(1);
    }
    if (!a.endsWith("/") && !b.startsWith("/")) {
      return a + "/" + b;
    }
    return a + b;
  }

  /** A configured prefix ({@code server.servlet.context-path}) as {@code /api}, or "" for root. */
  static String prefix(String configured) {
    if (configured == null) {
      return "";
    }
    String p = configured.trim();
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (!p.isEmpty() && !p.startsWith("/")) {
      p = "/" + p;
    }
    return p;
  }

  /**
   * A Spring path pattern (AntPathMatcher or PathPattern syntax) as an API Gateway template: {@code
   * {id:[0-9]+}} becomes {@code {id}}, {@code /**} and {@code {*rest}} become a final greedy
   * variable, {@code *} a whole-segment variable.
   */
  static Converted fromSpring(String pattern) {
    Confidence confidence = Confidence.HIGH;
    List<String> out = new ArrayList<>();
    int wildcards = 0;
    List<String> segments = segments(pattern);
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      boolean last = i == segments.size() - 1;
      if (segment.equals("**") || segment.startsWith("{*") && segment.endsWith("}")) {
        String name =
            segment.equals("**") ? "proxy" : varName(segment.substring(2, segment.length() - 1));
        out.add("{" + (name.isEmpty() ? "proxy" : name) + "+}");
        if (!last) {
          confidence = Confidence.MEDIUM;
        }
        break;
      }
      if (isSingleVariable(segment)) {
        out.add("{" + varName(segment.substring(1, segment.length() - 1)) + "}");
      } else if (segment.contains("{")) {
        int open = segment.indexOf('{');
        int close = PropertyPlaceholders.matchingBrace(segment, open);
        String inner =
            close > open ? segment.substring(open + 1, close) : segment.substring(open + 1);
        out.add("{" + varName(inner) + "}");
        confidence = Confidence.MEDIUM;
      } else if (segment.contains("*") || segment.contains("?")) {
        wildcards++;
        out.add("{wildcard" + (wildcards == 1 ? "" : String.valueOf(wildcards)) + "}");
        confidence = Confidence.MEDIUM;
      } else {
        out.add(segment);
      }
    }
    return new Converted("/" + String.join("/", out), confidence);
  }

  /**
   * The variants of a Micronaut URI template (RFC 6570 as Micronaut reads it). An optional segment
   * {@code {/id}} gives two routes, without and with the segment, since API Gateway has no optional
   * segments; {@code {+path}} is greedy; query ({@code {?max}}) and fragment parts are dropped;
   * {@code {id:\\d+}} keeps only the name.
   */
  static List<Converted> fromMicronaut(String template) {
    List<StringBuilder> variants = new ArrayList<>();
    variants.add(new StringBuilder());
    Confidence confidence = Confidence.HIGH;
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '{') {
        for (StringBuilder v : variants) {
          v.append(c);
        }
        i++;
        continue;
      }
      int close = PropertyPlaceholders.matchingBrace(template, i);
      if (close < 0) {
        for (StringBuilder v : variants) {
          v.append(template.substring(i));
        }
        break;
      }
      String body = template.substring(i + 1, close);
      i = close + 1;
      char op = body.isEmpty() ? ' ' : body.charAt(0);
      if (op == '?' || op == '&' || op == '#') {
        continue;
      }
      if (op == '/') {
        List<StringBuilder> more = new ArrayList<>();
        String names = body.substring(1);
        for (StringBuilder v : variants) {
          StringBuilder with = new StringBuilder(v);
          for (String name : names.split(",")) {
            with.append("/{").append(varName(name)).append("}");
          }
          more.add(with);
        }
        variants.addAll(more);
        continue;
      }
      if (op == '.' || op == ';') {
        confidence = Confidence.MEDIUM;
        continue;
      }
      if (op == '+') {
        String name = varName(body.substring(1));
        for (StringBuilder v : variants) {
          v.append("{*").append(name).append('}'); // Spring's capture-rest, made greedy below
        }
        continue;
      }
      for (StringBuilder v : variants) {
        v.append('{').append(varName(body)).append('}');
      }
    }
    List<Converted> out = new ArrayList<>();
    for (StringBuilder v : variants) {
      Converted converted = fromSpring(v.toString());
      out.add(new Converted(converted.path(), converted.confidence().min(confidence)));
    }
    return out;
  }

  private static boolean isSingleVariable(String segment) {
    return segment.startsWith("{") && PropertyPlaceholders.matchingBrace(segment, 0) == segment.length() - 1;
  }

  /** {@code id:[0-9]+} gives {@code id}; {@code id+} keeps the plus off. */
  private static String varName(String body) {
    String name = body;
    int colon = name.indexOf(':');
    if (colon >= 0) {
      name = name.substring(0, colon);
    }
    name = name.replace("*", "").replace("+", "").trim();
    return name.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  /** Splits on '/' outside braces, dropping empty segments (so trailing slashes vanish). */
  private static List<String> segments(String pattern) {
    List<String> segments = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      }
      if (c == '/' && depth == 0) {
        if (current.length() > 0) {
          segments.add(current.toString());
        }
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (current.length() > 0) {
      segments.add(current.toString());
    }
    return segments;
  }

}
