package dev.ficus.report;

import dev.ficus.report.Diagram.Edge;
import dev.ficus.report.Diagram.Group;
import dev.ficus.report.Diagram.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.drawing.FRLayoutAlgorithm2D;
import org.jgrapht.alg.drawing.model.Box2D;
import org.jgrapht.alg.drawing.model.MapLayoutModel2D;
import org.jgrapht.alg.drawing.model.Point2D;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * Places a {@link Diagram} on a plane for the HTML report's inline SVG. The placement is JGraphT's
 * Fruchterman-Reingold force-directed layout with a fixed seed (so a report is byte-identical from
 * run to run), run on each connected part of the graph in a square sized by its boxes' area; the
 * layout treats nodes as points, so boxes that still overlap are then pushed apart ({@link
 * #separate}), and the parts are set side by side in rows, largest first. Boxes are a group with its
 * routes listed inside, a resource, or a shared class; sizes come from a monospace text metric.
 */
public final class DiagramLayout {

  /** The seed of the force-directed layout's start positions. */
  public static final long SEED = 42;

  static final double CHAR_WIDTH = 7.2;
  static final double LINE_HEIGHT = 18;
  static final double PADDING = 10;
  static final double GAP = 28;
  static final double MARGIN = 20;
  static final int MAX_LABEL = 48;
  /** Connected parts are placed side by side in rows about this wide. */
  static final double ROW_WIDTH = 1100;

  private DiagramLayout() {}

  /**
   * A box on the plane.
   *
   * @param kind {@code group}, {@code resource} or {@code class}
   * @param lines the routes of a group, each with the id of its node; empty for other boxes
   */
  public record Box(
      String id, String kind, String label, String detail, boolean conflict,
      double x, double y, double width, double height, List<Line> lines) {
    public Box {
      lines = List.copyOf(lines);
    }

    public double centerX() {
      return x + width / 2;
    }

    public double centerY() {
      return y + height / 2;
    }
  }

  /**
   * A route inside a group box, {@code y} being its text baseline.
   *
   * @param route the route's id ({@code GET /orders}), to link to its detail
   */
  public record Line(String id, String route, String label, String detail, double y) {}

  /** A straight edge from one box's border to another's. */
  public record Arrow(String from, String to, String use, boolean conflict, double x1, double y1, double x2, double y2) {}

  /** The whole drawing; sizes in SVG user units (pixels). */
  public record Drawing(String title, double width, double height, List<Box> boxes, List<Arrow> arrows) {
    public Drawing {
      boxes = List.copyOf(boxes);
      arrows = List.copyOf(arrows);
    }

    public boolean isEmpty() {
      return boxes.isEmpty();
    }

    /** True when some edge goes to a shared class: the legend then explains dotted lines. */
    public boolean isSharing() {
      return arrows.stream().anyMatch(a -> a.use().equals("runs"));
    }

    /** True when something is marked as a conflict: the legend then explains red. */
    public boolean isConflicted() {
      return arrows.stream().anyMatch(Arrow::conflict) || boxes.stream().anyMatch(Box::conflict);
    }
  }

  public static Drawing layout(Diagram diagram) {
    Map<String, double[]> sizes = new LinkedHashMap<>();
    Map<String, String> routeGroup = new LinkedHashMap<>();
    for (Group g : diagram.groups()) {
      int longest = shorten(g.label()).length();
      for (Node n : g.routes()) {
        longest = Math.max(longest, shorten(n.label()).length());
        routeGroup.put(n.id(), g.id());
      }
      sizes.put(g.id(), new double[] {longest * CHAR_WIDTH + 2 * PADDING, (1 + g.routes().size()) * LINE_HEIGHT + 2 * PADDING});
    }
    for (Node n : diagram.resources()) {
      sizes.put(n.id(), new double[] {shorten(n.label()).length() * CHAR_WIDTH + 2 * PADDING, LINE_HEIGHT + 2 * PADDING});
    }
    if (sizes.isEmpty()) {
      return new Drawing(diagram.title(), 0, 0, List.of(), List.of());
    }

    Graph<String, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
    sizes.keySet().forEach(graph::addVertex);
    for (Edge e : diagram.edges()) {
      String from = routeGroup.getOrDefault(e.from(), e.from());
      if (!from.equals(e.to()) && graph.containsVertex(from) && graph.containsVertex(e.to())) {
        graph.addEdge(from, e.to());
      }
    }
    List<String> order = new ArrayList<>(sizes.keySet());
    List<Set<String>> components = new ArrayList<>(new ConnectivityInspector<>(graph).connectedSets());
    components.sort(
        Comparator.comparingInt((Set<String> c) -> -c.size())
            .thenComparingInt(c -> c.stream().mapToInt(order::indexOf).min().orElse(0)));
    Map<String, double[]> centerOf = new LinkedHashMap<>();
    double rowX = 0;
    double rowY = 0;
    double rowHeight = 0;
    for (Set<String> component : components) {
      List<String> ids = order.stream().filter(component::contains).toList();
      Map<String, double[]> local = layoutComponent(graph, ids, sizes);
      double w = 0;
      double h = 0;
      for (String id : ids) {
        w = Math.max(w, local.get(id)[0] + sizes.get(id)[0] / 2);
        h = Math.max(h, local.get(id)[1] + sizes.get(id)[1] / 2);
      }
      if (rowX > 0 && rowX + w > ROW_WIDTH) {
        rowX = 0;
        rowY += rowHeight + 2 * GAP;
        rowHeight = 0;
      }
      for (String id : ids) {
        double[] c = local.get(id);
        centerOf.put(id, new double[] {c[0] + rowX, c[1] + rowY});
      }
      rowX += w + 2 * GAP;
      rowHeight = Math.max(rowHeight, h);
    }
    double minX = 0;
    double minY = 0;
    Map<String, Box> boxes = new LinkedHashMap<>();
    double width = 0;
    double height = 0;
    for (Group g : diagram.groups()) {
      double[] at = place(centerOf.get(g.id()), sizes.get(g.id()), minX, minY);
      List<Line> lines = new ArrayList<>();
      for (int i = 0; i < g.routes().size(); i++) {
        Node n = g.routes().get(i);
        lines.add(new Line(n.id(), n.label(), shorten(n.label()), n.detail(), round(at[1] + PADDING + (i + 2) * LINE_HEIGHT - 5)));
      }
      boxes.put(g.id(), new Box(g.id(), "group", shorten(g.label()), g.label(), g.conflict(), at[0], at[1], at[2], at[3], lines));
    }
    for (Node n : diagram.resources()) {
      double[] at = place(centerOf.get(n.id()), sizes.get(n.id()), minX, minY);
      String kind = n.kind() == Diagram.Kind.SHARED_CLASS ? "class" : "resource";
      boxes.put(n.id(), new Box(n.id(), kind, shorten(n.label()), n.detail(), n.conflict(), at[0], at[1], at[2], at[3], List.of()));
    }
    for (Box b : boxes.values()) {
      width = Math.max(width, b.x() + b.width());
      height = Math.max(height, b.y() + b.height());
    }
    List<Arrow> arrows = new ArrayList<>();
    for (Edge e : diagram.edges()) {
      Box from = boxes.get(routeGroup.getOrDefault(e.from(), e.from()));
      Box to = boxes.get(e.to());
      if (from == null || to == null || from == to) {
        continue;
      }
      double sy = from.centerY();
      boolean fromRoute = false;
      for (Line l : from.lines()) {
        if (l.id().equals(e.from())) {
          sy = l.y() - 4;
          fromRoute = true;
        }
      }
      double sx = to.centerX() >= from.centerX() ? from.x() + from.width() : from.x();
      if (!fromRoute && to.x() < from.x() + from.width() && to.x() + to.width() > from.x()) {
        // Stacked above or below: leave from the top or bottom side instead.
        sx = from.centerX();
        sy = to.centerY() >= from.centerY() ? from.y() + from.height() : from.y();
      }
      double[] end = border(to, sx, sy);
      arrows.add(new Arrow(e.from(), e.to(), e.use().name().toLowerCase(java.util.Locale.ROOT), e.conflict(),
          round(sx), round(sy), round(end[0]), round(end[1])));
    }
    return new Drawing(diagram.title(), round(width + MARGIN), round(height + MARGIN), List.copyOf(boxes.values()), arrows);
  }

  /**
   * One connected part of the graph laid out on its own, so that parts do not drift to the far
   * corners of a shared square: centres, shifted so the part's top-left corner is at (0, 0).
   */
  private static Map<String, double[]> layoutComponent(
      Graph<String, DefaultEdge> graph, List<String> ids, Map<String, double[]> sizes) {
    double[][] centers = new double[ids.size()][];
    double[][] dims = ids.stream().map(sizes::get).toArray(double[][]::new);
    if (ids.size() == 1) {
      centers[0] = new double[] {0, 0};
    } else {
      double area = 0;
      for (double[] size : dims) {
        area += (size[0] + GAP) * (size[1] + GAP);
      }
      double side = Math.max(200, 1.3 * Math.sqrt(area));
      MapLayoutModel2D<String> model = new MapLayoutModel2D<>(Box2D.of(0, 0, side, side));
      new FRLayoutAlgorithm2D<String, DefaultEdge>(
              FRLayoutAlgorithm2D.DEFAULT_ITERATIONS,
              FRLayoutAlgorithm2D.DEFAULT_NORMALIZATION_FACTOR,
              new Random(SEED))
          .layout(new AsSubgraph<>(graph, new java.util.LinkedHashSet<>(ids)), model);
      for (int i = 0; i < ids.size(); i++) {
        Point2D p = model.get(ids.get(i));
        centers[i] = new double[] {p.getX(), p.getY()};
      }
      separate(centers, dims);
    }
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    for (int i = 0; i < ids.size(); i++) {
      minX = Math.min(minX, centers[i][0] - dims[i][0] / 2);
      minY = Math.min(minY, centers[i][1] - dims[i][1] / 2);
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      out.put(ids.get(i), new double[] {centers[i][0] - minX, centers[i][1] - minY});
    }
    return out;
  }

  /**
   * Removes the overlaps the point layout leaves between boxes: each overlapping pair is pushed
   * apart along the axis where it overlaps least, half each way, until no pair overlaps (or a
   * bound on rounds is reached). Pairs are visited in a fixed order, so the result is
   * deterministic; boxes that do not overlap keep the place the force-directed layout gave them.
   */
  static void separate(double[][] centers, double[][] dims) {
    for (int round = 0; round < 500; round++) {
      boolean moved = false;
      for (int i = 0; i < centers.length; i++) {
        for (int j = i + 1; j < centers.length; j++) {
          double dx = centers[j][0] - centers[i][0];
          double dy = centers[j][1] - centers[i][1];
          double overlapX = (dims[i][0] + dims[j][0]) / 2 + GAP - Math.abs(dx);
          double overlapY = (dims[i][1] + dims[j][1]) / 2 + GAP - Math.abs(dy);
          if (overlapX <= 0 || overlapY <= 0) {
            continue;
          }
          moved = true;
          if (overlapX < overlapY) {
            double push = (overlapX / 2) * (dx < 0 ? -1 : 1);
            centers[i][0] -= push;
            centers[j][0] += push;
          } else {
            double push = (overlapY / 2) * (dy < 0 ? -1 : 1);
            centers[i][1] -= push;
            centers[j][1] += push;
          }
        }
      }
      if (!moved) {
        return;
      }
    }
  }

  private static double[] place(double[] center, double[] size, double minX, double minY) {
    return new double[] {
      round(center[0] - size[0] / 2 - minX + MARGIN),
      round(center[1] - size[1] / 2 - minY + MARGIN),
      round(size[0]),
      round(size[1])
    };
  }

  /** Where the line from (sx, sy) to the box's centre crosses the box's border. */
  static double[] border(Box box, double sx, double sy) {
    double cx = box.centerX();
    double cy = box.centerY();
    double dx = sx - cx;
    double dy = sy - cy;
    if (dx == 0 && dy == 0) {
      return new double[] {cx, cy};
    }
    double tx = dx == 0 ? Double.MAX_VALUE : (box.width() / 2) / Math.abs(dx);
    double ty = dy == 0 ? Double.MAX_VALUE : (box.height() / 2) / Math.abs(dy);
    double t = Math.min(tx, ty);
    return new double[] {cx + dx * t, cy + dy * t};
  }

  static String shorten(String label) {
    return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
