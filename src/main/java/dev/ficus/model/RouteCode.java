package dev.ficus.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The code one route runs, cut out of the monolith so that a function of its own can run just
 * that: the scaffold turns it into the route's Lambda handler class. It is text, not parser
 * nodes, because later stages render it and never parse.
 *
 * <p>A {@link Kind#SLICE} is the monolith's dispatcher class with its routing replaced by the
 * route's branch: its fields, constructors and helpers (those the branch still uses) and a
 * {@code handleRequest} that runs the dispatch prelude then the branch. A {@link Kind#CONTAINER}
 * route is served by the framework's own adapter class, which the generated handler delegates
 * to, because its controller cannot be called faithfully without the framework. A {@link
 * Kind#CALL} route is a framework route whose controller method ficus calls directly: {@link
 * #call()} says how; its {@link #origin()} is still the adapter, which the scaffold falls back to.
 *
 * @param route the route's id, {@code GET /orders/{id}}
 * @param handler the route's {@link Route#handler()}, which with the id names the route
 * @param kind how the handler is made
 * @param origin fully qualified name of the class the code comes from: the dispatcher it replaces,
 *     or the adapter it delegates to
 * @param event the event the handler receives
 * @param imports the imports the members need, as written after {@code import}, sorted
 * @param header what follows the class name in the declaration ({@code implements
 *     RequestHandler<...>}), with {@link #SELF} for the class's own name
 * @param members the class's other members as source text, in source order, with {@link #SELF}
 *     where the class names itself; empty for a container route
 * @param entrySignature the new {@code handleRequest}'s annotations and signature, up to its body
 * @param entryBody the statements of the new {@code handleRequest}, without braces
 * @param eventParameter the name of its event parameter ({@code event}, {@code input})
 * @param seam the parameter types, as written, of the constructor that takes the handler's
 *     collaborators (the one with the most parameters), empty when there is none: where a test
 *     puts stand-ins so that nothing reaches AWS
 * @param pathParameters the path parameter names the code reads ({@code "id"} from {@code
 *     getPathParameters().get("id")}), sorted: what the generated API must deliver under these
 *     names
 * @param classes the repository's classes the members name, sorted: what the module must carry
 * @param notes what could not be carried over, one sentence each, also written as comments in
 *     the members; for a framework route, first why it is or is not called directly
 * @param call how a {@link Kind#CALL} route's controller is called, {@code null} for the others
 */
public record RouteCode(
    String route,
    String handler,
    Kind kind,
    String origin,
    Event event,
    List<String> imports,
    String header,
    List<String> members,
    String entrySignature,
    String entryBody,
    String eventParameter,
    List<String> seam,
    List<String> pathParameters,
    List<String> classes,
    List<String> notes,
    ControllerCall call)
    implements Comparable<RouteCode> {

  /** Stands for the generated class's simple name, which only the scaffold knows. */
  public static final String SELF = "FicusHandler$Self";

  /** How the handler class is made. */
  public enum Kind {
    SLICE,
    CONTAINER,
    /** A framework route whose controller method is called directly ({@link #call()}). */
    CALL
  }

  /** The event a handler receives, which decides its signature and how tests call it. */
  public enum Event {
    /** REST API (payload 1.0): {@code APIGatewayProxyRequestEvent}. */
    REST,
    /** HTTP API (payload 2.0): {@code APIGatewayV2HTTPEvent}. */
    HTTP,
    /** The raw proxy event as JSON through {@code RequestStreamHandler}. */
    STREAM,
    /** Something else ficus does not build test events for. */
    OTHER
  }

  private static final Comparator<RouteCode> ORDER =
      Comparator.comparing(RouteCode::route).thenComparing(RouteCode::handler);

  public RouteCode {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(entrySignature, "entrySignature");
    Objects.requireNonNull(entryBody, "entryBody");
    Objects.requireNonNull(eventParameter, "eventParameter");
    imports = imports.stream().distinct().sorted().toList();
    members = List.copyOf(members);
    seam = List.copyOf(seam);
    pathParameters = pathParameters.stream().distinct().sorted().toList();
    classes = classes.stream().distinct().sorted().toList();
    notes = List.copyOf(notes);
    if ((kind == Kind.CALL) != (call != null)) {
      throw new IllegalArgumentException("a CALL route, and only it, has a call: " + route);
    }
  }

  /** A sliced or container route's code, without a direct call. */
  public RouteCode(
      String route,
      String handler,
      Kind kind,
      String origin,
      Event event,
      List<String> imports,
      String header,
      List<String> members,
      String entrySignature,
      String entryBody,
      String eventParameter,
      List<String> seam,
      List<String> pathParameters,
      List<String> classes,
      List<String> notes) {
    this(route, handler, kind, origin, event, imports, header, members, entrySignature, entryBody,
        eventParameter, seam, pathParameters, classes, notes, null);
  }

  /** Whether this is the code of that route. */
  public boolean serves(Route r) {
    return r.id().equals(route) && r.handler().equals(handler);
  }

  @Override
  public int compareTo(RouteCode other) {
    return ORDER.compare(this, other);
  }
}
