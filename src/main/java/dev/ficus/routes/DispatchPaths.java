package dev.ficus.routes;

import dev.ficus.model.Confidence;
import dev.ficus.routes.DispatchConstraints.Constraint;
import dev.ficus.routes.DispatchConstraints.Op;
import dev.ficus.routes.DispatchValue.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what dispatch code compares the request against into candidate path templates: an
 * {@code equals} path as is, a prefix or a concrete id generalized to {@code {id}}, a regular
 * expression or a segment count pieced together. Candidates are only proposals; running the code
 * with each of them decides which branch, if any, serves it.
 */
final class DispatchPaths {

  /** Sample values put into path variables, so that digit-only or word-only patterns both match. */
  static final List<String> SAMPLES =
      List.of("123", "abc", "3f2504e0-4f89-11d3-9a0c-0305e82c3301");

  private static final Pattern ID_SEGMENT =
      Pattern.compile("\\d+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern ROUTE_KEY =
      Pattern.compile("^\\s*([A-Za-z]+)\\s*[^A-Za-z0-9/{]*\\s*(/\\S*)\\s*$");
  private static final Pattern ROUTE_KEY_PATH_FIRST =
      Pattern.compile("^\\s*(/\\S*?)\\s*[^A-Za-z0-9/{}]+\\s*([A-Za-z]+)\\s*$");
  private static final Pattern VARIABLE = Pattern.compile("\\{[^}/]*}");
  private static final Pattern SEGMENT_CLASS =
      Pattern.compile("(\\[\\^/]|\\[\\^/\\?]|\\\\d|\\\\w|\\\\S|\\[[^\\]]*]|\\.)[+*]|(\\[\\^/]|\\\\d|\\\\w|\\[[^\\]]*])\\{\\d+(,\\d*)?}");

  /** A path to try, and how much to trust it if it reaches a branch. */
  record Candidate(String template, Confidence confidence) {}

  /** What the constraints propose. */
  record Proposal(
      List<Candidate> paths, Set<String> methods, List<String> unconvertibleRegexes) {}

  private DispatchPaths() {}

  static Proposal propose(DispatchConstraints found) {
    Map<String, Confidence> paths = new LinkedHashMap<>();
    Set<String> methods = new TreeSet<>();
    List<String> badRegexes = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    List<String> suffixes = new ArrayList<>();
    Map<Integer, Set<String>> segments = new TreeMap<>();
    Set<Integer> counts = new TreeSet<>();
    for (Constraint c : found.constraints) {
      String text = c.constant().toString();
      switch (c.origin()) {
        case METHOD -> {
          if (c.op() == Op.EQUALS && isMethod(text)) {
            methods.add(text.toUpperCase(Locale.ROOT));
          }
        }
        case PATH, RESOURCE -> {
          switch (c.op()) {
            case EQUALS -> addExact(paths, text);
            case STARTS_WITH -> prefixes.add(text.startsWith("/") ? text : "/" + text);
            case ENDS_WITH, CONTAINS -> suffixes.add(text);
            case MATCHES -> {
              String regex = text.endsWith("\u0000find") ? text.substring(0, text.length() - 5) : text;
              Optional<String> template = regexToTemplate(regex);
              if (template.isPresent()) {
                add(paths, template.get(), Confidence.LOW);
              } else {
                badRegexes.add(regex);
              }
            }
            default -> { }
          }
        }
        case ROUTE_KEY, KEY -> {
          if (c.op() == Op.EQUALS) {
            routeKey(text).ifPresent(key -> {
              methods.add(key[0]);
              addExact(paths, key[1]);
            });
            if (text.startsWith("/")) {
              addExact(paths, text);
            }
          } else if (c.op() == Op.STARTS_WITH) {
            routeKey(text + "x").ifPresent(key -> methods.add(key[0]));
          }
        }
        case SEGMENT -> {
          if (c.op() == Op.EQUALS && c.index() >= 0) {
            segments.computeIfAbsent(c.index(), i -> new TreeSet<>()).add(text);
          }
        }
        case SEGMENT_COUNT -> {
          if (c.constant() instanceof Integer n && n > 0 && n < 12) {
            counts.add(n);
          }
        }
        default -> { }
      }
    }
    for (String prefix : prefixes) {
      String base = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
      if (!base.isEmpty()) {
        add(paths, base, Confidence.MEDIUM);
      }
      add(paths, base + "/{id}", Confidence.MEDIUM);
      for (String suffix : suffixes) {
        String s = suffix.startsWith("/") ? suffix : "/" + suffix;
        add(paths, base + "/{id}" + s, Confidence.MEDIUM);
      }
    }
    if (prefixes.isEmpty()) {
      for (String suffix : suffixes) {
        if (suffix.startsWith("/") && suffix.length() > 1) {
          add(paths, suffix, Confidence.MEDIUM);
        }
      }
    }
    segmentTemplates(segments, counts).forEach(t -> add(paths, t, Confidence.LOW));
    List<Candidate> candidates = new ArrayList<>();
    paths.forEach((t, c) -> candidates.add(new Candidate(t, c)));
    return new Proposal(candidates, methods, badRegexes);
  }

  private static void addExact(Map<String, Confidence> paths, String text) {
    if (text.isEmpty() || text.equals("$default")) {
      return;
    }
    String path = text.startsWith("/") ? text : "/" + text;
    if (path.contains(" ")) {
      return;
    }
    String general = generalize(path);
    add(paths, general, general.equals(path) ? Confidence.HIGH : Confidence.MEDIUM);
  }

  private static void add(Map<String, Confidence> paths, String template, Confidence confidence) {
    String t = template.length() > 1 && template.endsWith("/") && !template.endsWith("{id}/")
        ? template.substring(0, template.length() - 1)
        : template;
    t = t.replaceAll("/{2,}", "/");
    Confidence old = paths.get(t);
    if (old == null || confidence.compareTo(old) > 0) {
      paths.put(t, confidence);
    }
  }

  /** {@code GET /orders/{id}} or {@code /orders:GET} into method and path. */
  static Optional<String[]> routeKey(String text) {
    Matcher m = ROUTE_KEY.matcher(text);
    if (m.matches() && isMethod(m.group(1))) {
      return Optional.of(new String[] {m.group(1).toUpperCase(Locale.ROOT), m.group(2)});
    }
    Matcher p = ROUTE_KEY_PATH_FIRST.matcher(text);
    if (p.matches() && isMethod(p.group(2))) {
      return Optional.of(new String[] {p.group(2).toUpperCase(Locale.ROOT), p.group(1)});
    }
    return Optional.empty();
  }

  static boolean isMethod(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    return DispatchValue.HTTP_METHODS.contains(upper) || upper.equals("ANY");
  }

  /** {@code /orders/123} becomes {@code /orders/{id}}; a path without ids is returned as is. */
  static String generalize(String path) {
    String[] parts = path.split("/", -1);
    StringBuilder out = new StringBuilder();
    int ids = 0;
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      out.append('/');
      if (ID_SEGMENT.matcher(part).matches()) {
        ids++;
        out.append(ids == 1 ? "{id}" : "{id" + ids + "}");
      } else {
        out.append(part);
      }
    }
    return parts.length <= 1 ? path : out.toString();
  }

  /**
   * {@code ^/orders/([^/]+)/items$} becomes {@code /orders/{id}/items}; named groups give the
   * variable its name. Empty when the expression is more than literal segments and variables.
   */
  static Optional<String> regexToTemplate(String regex) {
    String r = regex;
    if (r.startsWith("^")) {
      r = r.substring(1);
    }
    if (r.endsWith("$")) {
      r = r.substring(0, r.length() - 1);
    }
    if (r.endsWith("/?")) {
      r = r.substring(0, r.length() - 2);
    }
    StringBuilder out = new StringBuilder();
    int ids = 0;
    int i = 0;
    while (i < r.length()) {
      char ch = r.charAt(i);
      if (ch == '\\' && i + 1 < r.length()) {
        char next = r.charAt(i + 1);
        if ("/.-_~".indexOf(next) >= 0) {
          out.append(next);
          i += 2;
          continue;
        }
        Matcher cls = SEGMENT_CLASS.matcher(r).region(i, r.length());
        if (cls.lookingAt()) {
          ids++;
          out.append(ids == 1 ? "{id}" : "{id" + ids + "}");
          i = cls.end();
          continue;
        }
        return Optional.empty();
      }
      if (ch == '(') {
        int close = matchingParen(r, i);
        if (close < 0) {
          return Optional.empty();
        }
        String inner = r.substring(i + 1, close);
        String name = null;
        if (inner.startsWith("?<") && inner.indexOf('>') > 2) {
          name = inner.substring(2, inner.indexOf('>'));
          inner = inner.substring(inner.indexOf('>') + 1);
        } else if (inner.startsWith("?:")) {
          inner = inner.substring(2);
        }
        if (!SEGMENT_CLASS.matcher(inner).matches()) {
          return Optional.empty();
        }
        ids++;
        out.append('{').append(name != null ? name : ids == 1 ? "id" : "id" + ids).append('}');
        i = close + 1;
        continue;
      }
      if (ch == '[' || ch == '.') {
        Matcher cls = SEGMENT_CLASS.matcher(r).region(i, r.length());
        if (cls.lookingAt()) {
          ids++;
          out.append(ids == 1 ? "{id}" : "{id" + ids + "}");
          i = cls.end();
          continue;
        }
        return Optional.empty();
      }
      if ("*+?|{}[]()^$".indexOf(ch) >= 0) {
        return Optional.empty();
      }
      out.append(ch);
      i++;
    }
    String template = out.toString();
    if (!template.startsWith("/") || template.contains("//")) {
      return Optional.empty();
    }
    return Optional.of(template);
  }

  private static int matchingParen(String r, int open) {
    int depth = 0;
    for (int i = open; i < r.length(); i++) {
      char ch = r.charAt(i);
      if (ch == '\\') {
        i++;
      } else if (ch == '(') {
        depth++;
      } else if (ch == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Templates from {@code path.split("/")} tests: literal segments where the code compares one,
   * {@code {id}} elsewhere, for every segment count the code tests. Both alignments are tried
   * (with and without the empty segment before the leading slash); running the code decides.
   */
  private static Set<String> segmentTemplates(Map<Integer, Set<String>> segments, Set<Integer> counts) {
    Set<String> out = new LinkedHashSet<>();
    if (segments.isEmpty() && counts.isEmpty()) {
      return out;
    }
    Set<Integer> lengths = new TreeSet<>(counts);
    if (lengths.isEmpty()) {
      int max = segments.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
      lengths.add(max + 1);
      lengths.add(max + 2);
    }
    for (int offset = 0; offset <= 1; offset++) {
      for (int length : lengths) {
        List<List<String>> options = new ArrayList<>();
        for (int index = offset; index < length; index++) {
          Set<String> literals = segments.get(index);
          List<String> choice = new ArrayList<>();
          if (literals != null) {
            literals.stream().filter(s -> !s.isEmpty() && !s.contains("/")).forEach(choice::add);
          }
          if (choice.isEmpty() || index > 0 && segments.get(index) == null) {
            choice.add("{id}");
          }
          options.add(choice);
        }
        expand(options, 0, new ArrayList<>(), out);
        if (out.size() > 60) {
          return out;
        }
      }
    }
    return out;
  }

  private static void expand(List<List<String>> options, int i, List<String> prefix, Set<String> out) {
    if (out.size() > 60) {
      return;
    }
    if (i == options.size()) {
      if (prefix.isEmpty()) {
        return;
      }
      List<String> named = new ArrayList<>();
      int ids = 0;
      for (String part : prefix) {
        if (part.equals("{id}")) {
          ids++;
          named.add(ids == 1 ? "{id}" : "{id" + ids + "}");
        } else {
          named.add(part);
        }
      }
      out.add("/" + String.join("/", named));
      return;
    }
    for (String option : options.get(i)) {
      prefix.add(option);
      expand(options, i + 1, prefix, out);
      prefix.remove(prefix.size() - 1);
    }
  }

  /** {@code /orders/{orderId}} and {@code /orders/{id}} are the same route. */
  static String shape(String template) {
    return VARIABLE.matcher(template).replaceAll("{}");
  }

  /** Whether a concrete path is an instance of a template. */
  static boolean matches(String template, String path) {
    StringBuilder regex = new StringBuilder();
    Matcher m = Pattern.compile("\\{[^}/]*?(\\+?)}").matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start())));
      regex.append(m.group(1).isEmpty() ? "[^/]+" : ".+");
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    return path.matches(regex.toString());
  }

  static List<String> variableNames(String template) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("\\{([^}/]*?)\\+?}").matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  static int variables(String template) {
    Matcher m = VARIABLE.matcher(template);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Replaces generated names ({@code {id}}, {@code {id2}}) with the names the branch reads. */
  static String rename(String template, List<String> names) {
    if (names.isEmpty()) {
      return template;
    }
    Matcher m = Pattern.compile("\\{(id\\d*)}").matcher(template);
    StringBuilder out = new StringBuilder();
    int i = 0;
    int generated = 0;
    while (m.find()) {
      generated++;
    }
    if (generated != variables(template) || generated > names.size()) {
      return template;
    }
    m.reset();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement("{" + names.get(i++) + "}"));
    }
    m.appendTail(out);
    return out.toString();
  }
}
