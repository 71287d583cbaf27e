package dev.ficus.routes;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.ficus.iac.IacModel;
import dev.ficus.model.ControllerCall;
import dev.ficus.model.Diagnostics;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Route;
import dev.ficus.model.RouteCode;
import dev.ficus.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts each route's code out of the monolith for the scaffold: a hand-written dispatch branch is
 * sliced out of its dispatcher ({@link DispatchSlicer}); a framework route's controller method is
 * called directly where ficus can reproduce what the framework does for it ({@link
 * ControllerCalls}), and is otherwise served through the framework's own adapter, the handler the
 * IaC names today, with a note that says why.
 */
public final class RouteCodes {

  private RouteCodes() {}

  public static List<RouteCode> of(
      List<ExtractedRoute> routes, Workspace workspace, IacModel iac, Diagnostics diagnostics) {
    DispatchSlicer slicer = new DispatchSlicer(workspace, iac);
    ControllerCalls calls = new ControllerCalls(
        workspace, ApplicationProperties.load(new RouteContext(workspace, iac, new Diagnostics())));
    List<RouteCode> out = new ArrayList<>();
    for (ExtractedRoute extracted : routes) {
      Route route = extracted.route();
      try {
        boolean dispatch = route.extractor().equals(ApiGatewayDispatchRouteExtractor.ID);
        Optional<RouteCode> code = dispatch ? slicer.slice(extracted) : Optional.empty();
        if (code.isEmpty() && !dispatch) {
          code = framework(extracted, calls, workspace, iac);
        }
        if (code.isEmpty()) {
          code = container(route, workspace, iac);
        }
        code.ifPresent(out::add);
      } catch (RuntimeException | StackOverflowError e) {
        diagnostics.warning(
            "route-code-failed",
            "Could not cut the code of " + route.id() + " out of the monolith ("
                + e.getClass().getSimpleName() + "); its scaffolded handler delegates to the"
                + " monolith's handler.",
            route.source());
        container(route, workspace, iac).ifPresent(out::add);
      }
    }
    return out;
  }

  /**
   * A framework route: its controller method called directly when {@link ControllerCalls} finds
   * that faithful, else the adapter, with the reason as the first note.
   */
  private static Optional<RouteCode> framework(
      ExtractedRoute extracted, ControllerCalls calls, Workspace workspace, IacModel iac) {
    Route route = extracted.route();
    Optional<RouteCode> adapter = container(route, workspace, iac);
    ControllerCalls.Decision decision = calls.decide(extracted);
    String method = route.handler().replaceAll("^.*\\.", "").replaceAll("\\(.*$", "");
    if (decision.call() == null) {
      String note = "ficus does not call " + method + " directly because " + decision.refusal()
          + ", so the framework's adapter serves the route (and starts the whole application).";
      return adapter.map(a -> withNote(a, note));
    }
    ControllerCall call = decision.call();
    RouteCode.Event event = eventOf(route, iac);
    String origin = adapter.map(RouteCode::origin).orElse(call.controller());
    List<String> pathParameters = call.arguments().stream()
        .filter(a -> a.source() == ControllerCall.Source.PATH).map(ControllerCall.Argument::name).toList();
    String frameworkName = switch (call.framework()) {
      case SPRING_MVC -> "Spring MVC";
      case JAX_RS -> "JAX-RS";
      case MICRONAUT -> "Micronaut";
    };
    String note = "ficus calls " + method + " directly, its arguments bound from the event and its"
        + " response written as " + frameworkName + " would, without starting the framework: check"
        + " the wiring in the handler's constructor.";
    List<String> imports = new ArrayList<>(List.of(
        "com.fasterxml.jackson.annotation.JsonInclude",
        "com.fasterxml.jackson.core.JsonProcessingException",
        "com.fasterxml.jackson.databind.ObjectMapper",
        "com.amazonaws.services.lambda.runtime.Context",
        "com.amazonaws.services.lambda.runtime.RequestHandler",
        event == RouteCode.Event.HTTP
            ? "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent"
            : "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent"));
    return Optional.of(new RouteCode(
        route.id(), route.handler(), RouteCode.Kind.CALL, origin, event, imports, "", List.of(), "",
        "", "event", List.of(), pathParameters, call.classes(), List.of(note), call));
  }

  /** The payload an API Gateway event of the route's function has: an HTTP API's 2.0, else REST. */
  private static RouteCode.Event eventOf(Route route, IacModel iac) {
    Optional<LambdaFunction> function =
        route.function() == null ? Optional.empty() : iac.function(route.function());
    boolean http = function.isPresent() && !function.get().apiTriggers().isEmpty()
        && function.get().apiTriggers().stream().allMatch(t -> t.kind().equals("HttpApi"));
    return http ? RouteCode.Event.HTTP : RouteCode.Event.REST;
  }

  private static RouteCode withNote(RouteCode code, String note) {
    List<String> notes = new ArrayList<>();
    notes.add(note);
    notes.addAll(code.notes());
    return new RouteCode(code.route(), code.handler(), code.kind(), code.origin(), code.event(),
        code.imports(), code.header(), code.members(), code.entrySignature(), code.entryBody(),
        code.eventParameter(), code.seam(), code.pathParameters(), code.classes(), notes);
  }

  /** A handler that hands the event to the function's own handler class (the framework adapter). */
  private static Optional<RouteCode> container(Route route, Workspace workspace, IacModel iac) {
    Optional<LambdaFunction> function =
        route.function() == null ? Optional.empty() : iac.function(route.function());
    if (function.isEmpty() || function.get().handlerClass() == null) {
      return Optional.empty();
    }
    String adapter = function.get().handlerClass();
    String method = function.get().handlerMethod() == null ? "handleRequest" : function.get().handlerMethod();
    RouteCode.Event event = RouteCode.Event.STREAM;
    List<String> classes = new ArrayList<>();
    Optional<TypeDeclaration<?>> type = workspace.findType(adapter);
    List<String> notes = new ArrayList<>();
    if (type.isPresent()) {
      classes.add(adapter);
      List<MethodDeclaration> methods = type.get().getMethodsByName(method);
      if (!methods.isEmpty()) {
        event = DispatchSlicer.event(methods.get(0));
      }
    } else if (adapter.endsWith(".payload1.ApiGatewayProxyRequestEventFunction")) {
      event = RouteCode.Event.REST; // Micronaut 4's function for REST API events
    } else if (adapter.endsWith(".payload2.APIGatewayV2HTTPEventFunction")) {
      event = RouteCode.Event.HTTP;
    } else if (!adapter.contains("Stream") && !adapter.endsWith("FunctionInvoker")) {
      event = RouteCode.Event.OTHER;
    }
    return Optional.of(new RouteCode(
        route.id(), route.handler(), RouteCode.Kind.CONTAINER, adapter, event, List.of(), "",
        List.of(), "", "", "input", List.of(), List.of(), classes, notes));
  }
}
