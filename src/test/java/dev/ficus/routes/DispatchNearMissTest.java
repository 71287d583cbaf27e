package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.Diagnostic;
import dev.ficus.model.Route;
import dev.ficus.testing.RouteMarkers;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Code that looks like dispatch but is not, and dispatch that cannot be followed. */
class DispatchNearMissTest {

  private final ApiGatewayDispatchRouteExtractor extractor = new ApiGatewayDispatchRouteExtractor();

  @Test
  void aDispatchingClassThatNoFunctionOfTheIacNamesIsLeftToItsFramework() {
    TestRepo repo = TestRepo.create()
        .file("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              PaymentsFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest
                  Runtime: java21
            """)
        .java("com/acme/PaymentsHandler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
            import jakarta.inject.Named;

            @Named("payments")
            public class PaymentsHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                switch (event.getHttpMethod()) {
                  case "POST": return new APIGatewayProxyResponseEvent().withStatusCode(202);
                  case "GET": return new APIGatewayProxyResponseEvent().withStatusCode(200);
                  default: return new APIGatewayProxyResponseEvent().withStatusCode(405);
                }
              }
            }
            """);
    List<Route> routes = RouteMarkers.check(extractor, repo);
    assertThat(routes).isEmpty();
    TestRepo.Loaded loaded = repo.load();
    extractor.extract(new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics()));
    assertThat(loaded.diagnostics().sorted())
        .extracting(Diagnostic::code)
        .contains("dispatch-not-deployed");
  }

  @Test
  void switchesAndEqualsOnOtherThingsAreNotRoutes() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/Handler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class Handler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private final Reports reports = new Reports();

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                String format = event.getHeaders().getOrDefault("Accept", "application/json");
                switch (format) {
                  case "text/csv":
                    context.getLogger().log("csv requested");
                    break;
                  default:
                    break;
                }
                if ("admin".equals(event.getRequestContext().getStage())) {
                  context.getLogger().log("admin stage");
                }
                if (event.getPath().equals("/reports")) { // ROUTE: ANY /reports -> com.acme.Reports#render
                  return reports.render(format);
                }
                return new APIGatewayProxyResponseEvent().withStatusCode(404);
              }
            }
            """)
        .java("com/acme/Reports.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class Reports {
              public APIGatewayProxyResponseEvent render(String format) { return null; }
            }
            """);

    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    List<ExtractedRoute> routes = extractor.extract(context);
    RouteMarkers.compare(repo, routes.stream().map(ExtractedRoute::route).toList());
    // The header switch runs for the route, as a whole: it is not a branch of the dispatch.
    assertThat(routes.get(0).entryCode()).extracting(Object::toString).anyMatch(s -> s.contains("csv requested"));
    assertThat(loaded.diagnostics().sorted()).isEmpty();
  }

  @Test
  void classesThatAreNotApiEntryPointsGiveNothing() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/QueueConsumer.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.SQSEvent;

            public class QueueConsumer implements RequestHandler<SQSEvent, Void> {
              @Override
              public Void handleRequest(SQSEvent event, Context context) {
                for (SQSEvent.SQSMessage message : event.getRecords()) {
                  if (message.getBody().equals("GET /orders")) {
                    context.getLogger().log("odd message");
                  }
                }
                return null;
              }
            }
            """)
        .java("com/acme/PathHelper.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;

            /** Not a handler: nothing calls it with an event from Lambda. */
            public class PathHelper {
              public String describe(APIGatewayProxyRequestEvent event) {
                if (event.getPath().equals("/orders")) {
                  return "orders";
                }
                return "other";
              }
            }
            """);

    List<Route> routes = RouteMarkers.check(extractor, repo);
    assertThat(routes).isEmpty();
  }

  @Test
  void aComputedKeyIsADiagnosticAtItsPlace() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/Handler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class Handler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private final RouteTable table = RouteTable.load(System.getenv("ROUTES_FILE"));

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                if (event.getPath().equals(System.getenv("HEALTH_PATH"))) {
                  return new APIGatewayProxyResponseEvent().withStatusCode(200);
                }
                return table.lookup(event.getHttpMethod(), event.getPath()).apply(event);
              }
            }
            """)
        .java("com/acme/RouteTable.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
            import java.util.function.Function;

            public class RouteTable {
              static RouteTable load(String file) { return new RouteTable(); }

              Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> lookup(String method, String path) {
                return e -> null;
              }
            }
            """);

    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    List<Route> routes = extractor.extract(context).stream().map(ExtractedRoute::route).toList();

    assertThat(routes).isEmpty();
    assertThat(loaded.diagnostics().sorted())
        .filteredOn(d -> d.code().equals("dispatch-unresolved"))
        .extracting(Diagnostic::source)
        .extracting(s -> s.line())
        .contains(13);
  }

  @Test
  void badInputDoesNotThrow() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/Handler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
            import java.util.regex.Pattern;

            public class Handler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private static final Pattern BROKEN = Pattern.compile("^/orders/([0-9]+$");
              private static final String SELF = SELF + "/x";

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                if (BROKEN.matcher(event.getPath()).matches()) {
                  return handleRequest(event, context);
                }
                if (event.getPath().equals(SELF)) {
                  return new Handler().handleRequest(event, context);
                }
                String[] parts = event.getPath().split("[");
                return new APIGatewayProxyResponseEvent().withStatusCode(404);
              }
            }
            """);

    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    assertThat(extractor.extract(context)).isEmpty();
  }

  @Test
  void aLoopOverRoutesIsReportedNotFollowed() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/Handler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
            import java.util.List;

            public class Handler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private final List<Endpoint> endpoints = Endpoint.all();

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                if ("/ping".equals(event.getPath())) { // ROUTE: ANY /ping -> com.acme.Handler#handleRequest
                  return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody("pong");
                }
                for (Endpoint endpoint : endpoints) {
                  if (endpoint.path().equals(event.getPath())) {
                    return endpoint.handle(event);
                  }
                }
                return new APIGatewayProxyResponseEvent().withStatusCode(404);
              }
            }
            """)
        .java("com/acme/Endpoint.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
            import java.util.List;

            public interface Endpoint {
              String path();
              APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event);
              static List<Endpoint> all() { return List.of(); }
            }
            """);

    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    List<ExtractedRoute> routes = extractor.extract(context);
    RouteMarkers.compare(repo, routes.stream().map(ExtractedRoute::route).toList());
    assertThat(routes.get(0).entryCode()).extracting(Object::toString).noneMatch(s -> s.contains("endpoint.handle"));
    assertThat(loaded.diagnostics().sorted())
        .filteredOn(d -> d.code().equals("dispatch-unresolved"))
        .extracting(d -> d.source().line())
        .contains(18);
  }
}
