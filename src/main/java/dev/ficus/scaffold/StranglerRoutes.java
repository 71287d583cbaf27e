package dev.ficus.scaffold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The API events of one strangler phase: which function each path and method of the one API goes
 * to, so that every original route reaches exactly one function, the extracted one once its phase
 * came and the monolith before.
 *
 * <p>The monolith keeps {@code ANY /{proxy+}} and {@code ANY /}. That is enough for an HTTP API,
 * where a request that no specific route takes falls through to the greedy route. A REST API does
 * not fall through: a request that reaches a defined resource is answered by that resource's
 * methods or not at all, and the resources a deeper path creates ({@code /orders/{id}} for {@code
 * /orders/{id}/pay}) have no methods. So on a REST API the monolith also gets {@code ANY} on every
 * resource the explicit events create, and on every route it still serves whose path runs through
 * one of them, so that such a request never has to fall back to the greedy route.
 */
public final class StranglerRoutes {

  /** The two kinds of API Gateway API a SAM function's events can join. */
  public enum ApiKind {
    /** {@code Api} events: a REST API (payload 1.0). */
    REST("Api"),
    /** {@code HttpApi} events: an HTTP API (payload 2.0). */
    HTTP("HttpApi");

    private final String eventType;

    ApiKind(String eventType) {
      this.eventType = eventType;
    }

    /** The SAM event {@code Type}. */
    public String eventType() {
      return eventType;
    }
  }

  /**
   * One API event: requests with this method on this path go to this function.
   *
   * @param method upper case, {@code ANY} for every method
   * @param path API Gateway template syntax, already unified ({@link ProjectLayout#apiPath})
   */
  public record Event(String function, String method, String path) implements Comparable<Event> {
    private static final Comparator<Event> ORDER =
        Comparator.comparing(Event::path).thenComparing(Event::method).thenComparing(Event::function);

    @Override
    public int compareTo(Event other) {
      return ORDER.compare(this, other);
    }
  }

  /** The events of a phase and what could not be routed safely (one sentence each). */
  public record Routing(List<Event> events, List<String> problems) {
    public Routing {
      events = events.stream().distinct().sorted().toList();
      problems = problems.stream().distinct().sorted().toList();
    }

    /** The events of one function. */
    public List<Event> of(String function) {
      return events.stream().filter(e -> e.function().equals(function)).toList();
    }
  }

  public static final String ROOT = "/";
  public static final String GREEDY_ROOT = "/{proxy+}";
  public static final String ANY = "ANY";

  private StranglerRoutes() {}

  /**
   * The events of one phase.
   *
   * @param primary the monolith that keeps the catch-all routes
   * @param explicit events that must exist as they are: the extracted functions' routes and the
   *     routes other monoliths (not the primary) still serve
   * @param kept paths of the routes the primary monolith still serves (unified)
   */
  public static Routing route(ApiKind kind, String primary, List<Event> explicit, List<String> kept) {
    return route(kind, primary, explicit, kept, true);
  }

  /**
   * @param catchAll false when no monolith had catch-all routes (each function already served
   *     its own routes): then there is none to keep, and the primary's routes must be in {@code
   *     explicit}, as an unknown path answered 404 from API Gateway before and must still
   */
  public static Routing route(
      ApiKind kind, String primary, List<Event> explicit, List<String> kept, boolean catchAll) {
    List<Event> events = new ArrayList<>(explicit);
    List<String> problems = new ArrayList<>();
    Map<String, String> taken = new TreeMap<>();
    for (Event e : explicit) {
      String key = e.method() + " " + e.path();
      String previous = taken.putIfAbsent(key, e.function());
      if (previous != null && !previous.equals(e.function())) {
        problems.add(
            key + " is served by both " + previous + " and " + e.function()
                + "; an API has one integration per route, so one of them must change its path.");
      }
    }
    if (!catchAll) {
      return new Routing(events, problems);
    }
    Set<String> anyPaths = new TreeSet<>();
    explicit.stream().filter(e -> e.method().equals(ANY)).forEach(e -> anyPaths.add(e.path()));
    Set<String> monolithPaths = new TreeSet<>(List.of(ROOT, GREEDY_ROOT));
    if (kind == ApiKind.REST) {
      Set<String> created = new TreeSet<>();
      explicit.forEach(e -> created.addAll(resources(e.path())));
      boolean grew = true;
      while (grew) {
        grew = false;
        for (String path : kept) {
          List<String> own = resources(path);
          if (!created.containsAll(own) && own.stream().anyMatch(created::contains)) {
            created.addAll(own);
            grew = true;
          }
        }
      }
      monolithPaths.addAll(created);
      problems.addAll(siblingConflicts(monolithPaths));
    }
    for (String path : monolithPaths) {
      if (!anyPaths.contains(path)) {
        events.add(new Event(primary, ANY, path));
      }
    }
    return new Routing(events, problems);
  }

  /** The resources a path creates in a REST API: each non-root prefix, the path itself last. */
  public static List<String> resources(String path) {
    List<String> out = new ArrayList<>();
    StringBuilder prefix = new StringBuilder();
    for (String segment : segments(path)) {
      prefix.append('/').append(segment);
      out.add(prefix.toString());
    }
    return out;
  }

  /**
   * Sibling resources of a REST API with different variable parts ({@code /{id}} beside {@code
   * /{proxy+}}, {@code /a/{x}} beside {@code /a/{y}}): API Gateway refuses them.
   */
  static List<String> siblingConflicts(Set<String> paths) {
    Map<String, Set<String>> variablesByParent = new TreeMap<>();
    for (String path : paths) {
      List<String> segments = segments(path);
      if (segments.isEmpty()) {
        continue;
      }
      String last = segments.get(segments.size() - 1);
      if (last.startsWith("{")) {
        String parent = "/" + String.join("/", segments.subList(0, segments.size() - 1));
        variablesByParent.computeIfAbsent(parent, k -> new TreeSet<>()).add(last);
      }
    }
    List<String> problems = new ArrayList<>();
    variablesByParent.forEach(
        (parent, variables) -> {
          if (variables.size() > 1) {
            problems.add(
                "A REST API cannot hold the sibling path variables " + String.join(" and ", variables)
                    + " under " + parent + "; rename the routes' variables to one name or move"
                    + " the monolith to a path of its own before deploying.");
          }
        });
    return problems;
  }

  static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** A concrete request path for a route path: variables filled in, a greedy one with two segments. */
  public static String samplePath(String path) {
    List<String> out = new ArrayList<>();
    for (String segment : segments(path)) {
      if (segment.startsWith("{") && segment.endsWith("+}")) {
        out.add("sample/rest");
      } else if (segment.startsWith("{") && segment.endsWith("}")) {
        out.add("sample-" + segment.substring(1, segment.length() - 1).replaceAll("[^A-Za-z0-9]", ""));
      } else {
        out.add(segment);
      }
    }
    return "/" + String.join("/", out);
  }
}
