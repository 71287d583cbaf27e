package dev.ficus.plan;

import dev.ficus.cluster.AffinityGraph;
import dev.ficus.cluster.DataAccess;
import dev.ficus.model.Route;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Names people will see every day in their repository and their AWS console: services in
 * kebab-case after the path (or data) they serve, functions as CloudFormation logical ids after
 * their route. Both unique within a plan.
 */
public final class Names {

  private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]{1,255}");
  /** Room for "-" and a seven-digit number within the 64 characters of a service name. */
  private static final int SERVICE_BASE_LENGTH = 56;

  private Names() {}

  public static boolean isServiceName(String name) {
    return name != null && name.length() <= 64 && KEBAB.matcher(name).matches();
  }

  public static boolean isLogicalId(String name) {
    return name != null && LOGICAL_ID.matcher(name).matches();
  }

  /**
   * {@code adminUsers}, {@code Admin_Users}, {@code admin users} all give {@code admin-users}.
   * Accented letters lose their accents ({@code Café} gives {@code cafe}); other characters
   * outside ASCII letters and digits separate words. The result may be empty.
   */
  public static String kebab(String text) {
    String spaced = ascii(text).replaceAll("([a-z0-9])([A-Z])", "$1-$2");
    String result = spaced.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    result = result.replaceAll("^-+|-+$", "");
    return result;
  }

  /**
   * A name for each group of routes: the most common first static path segment, one segment more
   * for groups whose names collide, a number after that. With {@code byResource}, groups that
   * write data are named after the resource most of their routes write.
   */
  public static List<String> services(
      List<List<Route>> groups, boolean byResource, DataAccess access) {
    List<String> names = new ArrayList<>();
    for (List<Route> group : groups) {
      String name = byResource ? resourceName(group, access) : "";
      names.add(name.isEmpty() ? pathName(group, 1) : name);
    }
    Map<String, List<Integer>> clashes = indexByName(names);
    for (List<Integer> same : clashes.values()) {
      if (same.size() > 1) {
        for (int i : same) {
          String deeper = pathName(groups.get(i), 2);
          names.set(i, deeper);
        }
      }
    }
    return unique(names);
  }

  private static Map<String, List<Integer>> indexByName(List<String> names) {
    Map<String, List<Integer>> result = new TreeMap<>();
    for (int i = 0; i < names.size(); i++) {
      result.computeIfAbsent(names.get(i), k -> new ArrayList<>()).add(i);
    }
    return result;
  }

  /**
   * Appends -2, -3 ... to names already taken, in order, after cutting each name short enough
   * that the number still fits in the 64 characters of a service name.
   */
  static List<String> unique(List<String> names) {
    return numbered(names.stream().map(Names::shortened).toList(), "-");
  }

  private static String shortened(String name) {
    if (name.length() <= SERVICE_BASE_LENGTH) {
      return name;
    }
    String cut = name.substring(0, SERVICE_BASE_LENGTH).replaceAll("-+$", "");
    return cut.isEmpty() ? "root" : cut;
  }

  /** Letters without their accents, as NFD decomposition gives them. */
  private static String ascii(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
  }

  private static String pathName(List<Route> group, int depth) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Route route : group) {
      List<String> segments = AffinityGraph.staticSegments(route.path());
      String key =
          kebab(String.join("-", segments.subList(0, Math.min(depth, segments.size()))));
      counts.merge(key.isEmpty() ? "root" : key, 1, Integer::sum);
    }
    return mostCommon(counts.entrySet());
  }

  private static String resourceName(List<Route> group, DataAccess access) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Route route : group) {
      access.of(route).forEach(
          (key, a) -> {
            if (a == DataAccess.Access.WRITE) {
              counts.merge(kebab(DataAccess.shortName(key)), 1, Integer::sum);
            }
          });
    }
    counts.remove("");
    return counts.isEmpty() ? "" : mostCommon(counts.entrySet());
  }

  private static String mostCommon(Collection<Map.Entry<String, Integer>> counts) {
    String best = null;
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : counts) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best == null ? "root" : best;
  }

  /** {@code GET /orders/{id}/pay} gives {@code GetOrdersByIdPay}. */
  public static String function(Route route) {
    StringBuilder name = new StringBuilder(pascal(route.method().toLowerCase(Locale.ROOT)));
    List<String> parts = new ArrayList<>();
    for (String segment : route.path().split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.startsWith("{")) {
        parts.add("By" + pascal(segment.replaceAll("[{}+]", "")));
      } else {
        parts.add(pascal(segment));
      }
    }
    if (parts.isEmpty()) {
      parts.add("Root");
    }
    parts.forEach(name::append);
    String id = name.toString().replaceAll("[^A-Za-z0-9]", "");
    if (id.isEmpty()) {
      // Neither the method nor the path has a letter or digit ficus can keep.
      id = "Route";
    }
    return id.length() > 200 ? id.substring(0, 200) : id;
  }

  private static String pascal(String text) {
    StringBuilder out = new StringBuilder();
    for (String word : kebab(text).split("-")) {
      if (!word.isEmpty()) {
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return out.toString();
  }

  /** Function names for routes in order: the derived name, numbered when it repeats. */
  public static List<String> functions(List<Route> routes) {
    return uniqueIds(routes.stream().map(Names::function).toList());
  }

  static List<String> uniqueIds(List<String> names) {
    return numbered(names, "");
  }

  private static List<String> numbered(List<String> names, String separator) {
    Set<String> taken = new HashSet<>(names);
    Set<String> used = new HashSet<>();
    List<String> result = new ArrayList<>();
    for (String name : names) {
      String candidate = name;
      int suffix = 2;
      while (used.contains(candidate) || (!candidate.equals(name) && taken.contains(candidate))) {
        candidate = name + separator + suffix++;
      }
      used.add(candidate);
      result.add(candidate);
    }
    return result;
  }
}
