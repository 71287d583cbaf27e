package dev.ficus.scaffold;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gives path variables at one level of the API one name, because a REST API cannot hold {@code
 * /orders/{id}} and {@code /orders/{orderId}/pay} side by side (a sibling variable must share its
 * name), while frameworks let each route name its own.
 */
final class ApiPaths {

  private ApiPaths() {}

  /**
   * For each path, the path with unified variable names. At each level the name the most paths
   * use wins, the alphabetically first on a tie; a greedy {@code {proxy+}} keeps its name.
   */
  static Map<String, String> unify(List<String> paths) {
    Map<String, String> out = new TreeMap<>();
    List<String> sorted = paths.stream().distinct().sorted().toList();
    // parent prefix (already unified) -> variable name -> count
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    for (String path : sorted) {
      List<String> segments = segments(path);
      for (int i = 0; i < segments.size(); i++) {
        String segment = segments.get(i);
        if (isVariable(segment) && !segment.endsWith("+}")) {
          String parent = shape(segments.subList(0, i));
          counts.computeIfAbsent(parent, k -> new TreeMap<>()).merge(segment, 1, Integer::sum);
        }
      }
    }
    for (String path : sorted) {
      List<String> segments = segments(path);
      List<String> unified = new ArrayList<>();
      for (int i = 0; i < segments.size(); i++) {
        String segment = segments.get(i);
        if (isVariable(segment) && !segment.endsWith("+}")) {
          Map<String, Integer> names = counts.get(shape(segments.subList(0, i)));
          segment = winner(names);
        }
        unified.add(segment);
      }
      out.put(path, "/" + String.join("/", unified));
    }
    return out;
  }

  /** The path's prefix with every variable written alike, so siblings share a parent key. */
  private static String shape(List<String> segments) {
    StringBuilder key = new StringBuilder();
    for (String s : segments) {
      key.append('/').append(isVariable(s) ? "{}" : s);
    }
    return key.toString();
  }

  private static String winner(Map<String, Integer> names) {
    String best = null;
    int bestCount = -1;
    for (Map.Entry<String, Integer> e : names.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }

  private static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean isVariable(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }
}
