package dev.ficus.report;

import dev.ficus.cluster.DataAccess;
import dev.ficus.model.Analysis;
import dev.ficus.model.Conflict;
import dev.ficus.model.PlannedService;
import dev.ficus.model.Plan;
import dev.ficus.model.Route;
import dev.ficus.model.SharedClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The route/service/resource graph that every diagram format draws (DOT, Mermaid, the HTML
 * report's SVG), built once so the formats cannot tell different stories. Groups hold routes
 * (a function's routes in an analysis, a service's in a plan); resources and shared classes stand
 * apart; edges say who reads or writes what. Ids are short and stable ({@code g0}, {@code n3},
 * {@code r1}, {@code c0}), in sorted order, so the same input always gives the same text.
 *
 * @param title what the diagram shows, for a caption
 * @param groups functions or services, each with its routes
 * @param resources data resources (tables, buckets, queues) and shared classes
 * @param edges sorted by source, then target
 */
public record Diagram(String title, List<Group> groups, List<Node> resources, List<Edge> edges) {

  /** What a node stands for; decides its shape in every format. */
  public enum Kind {
    ROUTE,
    RESOURCE,
    SHARED_CLASS
  }

  /** How an edge's source uses its target. */
  public enum Use {
    WRITES,
    READS,
    RUNS
  }

  /**
   * A box of routes: a Lambda function of the analysis, or a service of the plan.
   *
   * @param conflict true when the group takes part in a conflict of the plan
   */
  public record Group(String id, String label, List<Node> routes, boolean conflict) {
    public Group {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(label, "label");
      routes = List.copyOf(routes);
    }
  }

  /**
   * @param label what people read: a route id, a resource's short name, a class's simple name
   * @param detail the full name (an ARN, a fully qualified class, a handler), for tooltips
   * @param conflict true for a resource two services write, a class several services share
   */
  public record Node(String id, Kind kind, String label, String detail, boolean conflict) {
    public Node {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(label, "label");
      detail = detail == null ? label : detail;
    }
  }

  /** From a group or a route to a resource or a shared class. */
  public record Edge(String from, String to, Use use, boolean conflict) {
    public Edge {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(use, "use");
    }
  }

  public Diagram {
    Objects.requireNonNull(title, "title");
    groups = List.copyOf(groups);
    resources = List.copyOf(resources);
    edges = List.copyOf(edges);
  }

  /** Label of the group of routes that no IaC function serves. */
  public static final String NO_FUNCTION = "(no function)";

  /**
   * Functions with their routes, and from each route the data resources it reads or writes (a
   * route that does both writes). Calls on {@code *} name no resource and draw no edge.
   */
  public static Diagram of(Analysis analysis) {
    DataAccess access = DataAccess.defaults();
    Map<String, List<Route>> byFunction = new TreeMap<>();
    for (Route r : analysis.routes()) {
      byFunction.computeIfAbsent(r.function() == null ? NO_FUNCTION : r.function(), k -> new ArrayList<>()).add(r);
    }
    TreeSet<String> arns = new TreeSet<>();
    for (Route r : analysis.routes()) {
      arns.addAll(access.of(r).keySet());
    }
    Map<String, String> resourceIds = ids("r", arns);
    List<Group> groups = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    int route = 0;
    int group = 0;
    for (Map.Entry<String, List<Route>> e : byFunction.entrySet()) {
      List<Node> nodes = new ArrayList<>();
      for (Route r : e.getValue()) {
        String id = "n" + route++;
        nodes.add(new Node(id, Kind.ROUTE, r.id(), r.handler(), false));
        access.of(r).forEach((arn, a) -> edges.add(new Edge(id, resourceIds.get(arn), use(a), false)));
      }
      groups.add(new Group("g" + group++, e.getKey(), nodes, false));
    }
    List<Node> resources = new ArrayList<>();
    resourceIds.forEach(
        (arn, id) -> resources.add(new Node(id, Kind.RESOURCE, DataAccess.shortName(arn), arn, false)));
    return new Diagram("Routes by function, and the data they use", groups, resources, sorted(edges));
  }

  /**
   * Services with their routes, the resources each service writes or only reads, and the classes
   * several services share. Resources two services write, shared classes, and the services a
   * conflict names are marked as conflicts.
   */
  public static Diagram of(Plan plan) {
    TreeSet<String> conflictSubjects = new TreeSet<>();
    TreeSet<String> conflictServices = new TreeSet<>();
    for (Conflict c : plan.conflicts()) {
      conflictSubjects.add(c.subject());
      if (!"shared-class".equals(c.kind())) {
        conflictServices.addAll(c.services());
      }
    }
    TreeSet<String> arns = new TreeSet<>();
    for (PlannedService s : plan.services()) {
      arns.addAll(s.writes());
      arns.addAll(s.reads());
    }
    Map<String, String> resourceIds = ids("r", arns);
    TreeSet<String> classNames = new TreeSet<>();
    plan.sharedClasses().forEach(c -> classNames.add(c.name()));
    Map<String, String> classIds = ids("c", classNames);

    List<Group> groups = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    int route = 0;
    for (int i = 0; i < plan.services().size(); i++) {
      PlannedService s = plan.services().get(i);
      String id = "g" + i;
      List<Node> nodes = new ArrayList<>();
      for (var f : s.functions()) {
        nodes.add(new Node("n" + route++, Kind.ROUTE, f.label(), f.handler(), false));
      }
      groups.add(new Group(id, s.name(), nodes, conflictServices.contains(s.name())));
      for (String arn : s.writes()) {
        edges.add(new Edge(id, resourceIds.get(arn), Use.WRITES, conflictSubjects.contains(arn)));
      }
      for (String arn : s.reads()) {
        edges.add(new Edge(id, resourceIds.get(arn), Use.READS, false));
      }
    }
    for (SharedClass c : plan.sharedClasses()) {
      for (String service : c.services()) {
        int i = serviceIndex(plan, service);
        if (i >= 0) {
          edges.add(new Edge("g" + i, classIds.get(c.name()), Use.RUNS, conflictSubjects.contains(c.name())));
        }
      }
    }
    List<Node> resources = new ArrayList<>();
    resourceIds.forEach(
        (arn, id) ->
            resources.add(
                new Node(id, Kind.RESOURCE, DataAccess.shortName(arn), arn, conflictSubjects.contains(arn))));
    classIds.forEach(
        (name, id) ->
            resources.add(new Node(id, Kind.SHARED_CLASS, simpleName(name), name, true)));
    return new Diagram("Services, their routes, the data they use and the classes they share", groups, resources, sorted(edges));
  }

  /** Every node: the routes of every group, then the resources. */
  public List<Node> nodes() {
    List<Node> all = new ArrayList<>();
    groups.forEach(g -> all.addAll(g.routes()));
    all.addAll(resources);
    return all;
  }

  private static int serviceIndex(Plan plan, String name) {
    for (int i = 0; i < plan.services().size(); i++) {
      if (plan.services().get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static Use use(DataAccess.Access access) {
    return access == DataAccess.Access.WRITE ? Use.WRITES : Use.READS;
  }

  private static Map<String, String> ids(String prefix, TreeSet<String> keys) {
    Map<String, String> ids = new TreeMap<>();
    int n = 0;
    for (String key : keys) {
      ids.put(key, prefix + n++);
    }
    return ids;
  }

  private static List<Edge> sorted(List<Edge> edges) {
    return edges.stream()
        .distinct()
        .sorted(
            java.util.Comparator.comparing((Edge e) -> order(e.from()))
                .thenComparing(e -> order(e.to()))
                .thenComparing(Edge::use))
        .toList();
  }

  /**
   * Groups, routes, resources, then shared classes, each by number ({@code g10} after {@code g9}):
   * so a group's edges to data come before its shared classes.
   */
  private static String order(String id) {
    return "gnrc".indexOf(id.charAt(0)) + String.format(java.util.Locale.ROOT, "%08d", Integer.parseInt(id.substring(1)));
  }

  static String simpleName(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? className : className.substring(dot + 1);
  }
}
