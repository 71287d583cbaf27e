package dev.ficus.routes;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.ficus.iac.IacModel;
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
 * sliced out of its dispatcher ({@link DispatchSlicer}); a framework route is served through the
 * framework's own adapter, the handler the IaC names today, because calling a controller without
 * its framework (binding, filters, serialization, injection) cannot be done faithfully in general.
 */
public final class RouteCodes {

  private RouteCodes() {}

  public static List<RouteCode> of(
      List<ExtractedRoute> routes, Workspace workspace, IacModel iac, Diagnostics diagnostics) {
    DispatchSlicer slicer = new DispatchSlicer(workspace, iac);
    List<RouteCode> out = new ArrayList<>();
    for (ExtractedRoute extracted : routes) {
      Route route = extracted.route();
      try {
        Optional<RouteCode> code =
            route.extractor().equals(ApiGatewayDispatchRouteExtractor.ID)
                ? slicer.slice(extracted)
                : Optional.empty();
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
    } else {
      if (!adapter.contains("Stream") && !adapter.endsWith("FunctionInvoker")) {
        event = RouteCode.Event.OTHER;
      }
    }
    return Optional.of(new RouteCode(
        route.id(), route.handler(), RouteCode.Kind.CONTAINER, adapter, event, List.of(), "",
        List.of(), "", "", "input", List.of(), List.of(), classes, notes));
  }
}
