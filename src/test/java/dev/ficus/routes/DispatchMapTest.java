package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.testing.RouteMarkers;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dispatch tables: maps from a route key to a method reference or lambda. */
class DispatchMapTest {

  private final ApiGatewayDispatchRouteExtractor extractor = new ApiGatewayDispatchRouteExtractor();

  private static final String RESPONSES = """
      package com.acme;

      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

      final class Responses {
        static APIGatewayProxyResponseEvent ok(Object body) {
          return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody(String.valueOf(body));
        }
        static APIGatewayProxyResponseEvent notFound() {
          return new APIGatewayProxyResponseEvent().withStatusCode(404);
        }
      }
      """;

  @Test
  void mapOfMethodReferencesFilledInTheConstructor() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/Responses.java", RESPONSES)
        .java("com/acme/BookHandler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
            import java.util.HashMap;
            import java.util.Map;
            import java.util.function.Function;

            public class BookHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private final Map<String, Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> routes = new HashMap<>();
              private final BookService books = new BookService();

              public BookHandler() {
                routes.put("GET /books", this::listBooks); // ROUTE: GET /books -> com.acme.BookHandler#listBooks
                routes.put("GET /books/{isbn}", books::find); // ROUTE: GET /books/{isbn} -> com.acme.BookService#find
                routes.put("POST /books", e -> Responses.ok(books.add(e.getBody()))); // ROUTE: POST /books -> com.acme.BookService#add
              }

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                var handler = routes.get(event.getHttpMethod() + " " + event.getResource());
                if (handler == null) {
                  return Responses.notFound();
                }
                return handler.apply(event);
              }

              private APIGatewayProxyResponseEvent listBooks(APIGatewayProxyRequestEvent event) {
                return Responses.ok(books.all());
              }
            }
            """)
        .java("com/acme/BookService.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
            import java.util.List;

            public class BookService {
              public List<String> all() { return List.of(); }
              public APIGatewayProxyResponseEvent find(APIGatewayProxyRequestEvent e) { return null; }
              public String add(String body) { return body; }
            }
            """);

    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    List<ExtractedRoute> routes = extractor.extract(context);
    RouteMarkers.compare(repo, routes.stream().map(ExtractedRoute::route).toList());

    // The entry code is the method the map entry references, never the generic handler.apply(event).
    ExtractedRoute list = routes.stream().filter(r -> r.route().id().equals("GET /books")).findFirst().orElseThrow();
    assertThat(list.entryCode()).extracting(Object::toString).anyMatch(s -> s.contains("listBooks(APIGatewayProxyRequestEvent event)"));
    assertThat(list.entryCode()).extracting(Object::toString).noneMatch(s -> s.contains("handler.apply"));
  }

  @Test
  void staticMapOfEntriesWithGetOrDefault() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/Responses.java", RESPONSES)
        .java("com/acme/Paths.java", """
            package com.acme;

            interface Paths {
              String PETS = "/pets";
              String PET = PETS + "/{petId}";
            }
            """)
        .java("com/acme/PetHandler.java", """
            package com.acme;

            import static java.util.Map.entry;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
            import java.util.Map;

            public class PetHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

              interface Route {
                APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent request);
              }

              private static final PetStore STORE = new PetStore();

              private static final Map<String, Route> ROUTES = Map.ofEntries(
                  entry("GET:" + Paths.PETS, STORE::list), // ROUTE: GET /pets -> com.acme.PetStore#list
                  entry("GET:" + Paths.PET, STORE::get), // ROUTE: GET /pets/{petId} -> com.acme.PetStore#get
                  Map.entry("DELETE:" + Paths.PET, STORE::remove)); // ROUTE: DELETE /pets/{petId} -> com.acme.PetStore#remove

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
                String key = request.getHttpMethod() + ":" + request.getResource();
                return ROUTES.getOrDefault(key, PetHandler::notFound).handle(request);
              }

              private static APIGatewayProxyResponseEvent notFound(APIGatewayProxyRequestEvent request) {
                return Responses.notFound();
              }
            }
            """)
        .java("com/acme/PetStore.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class PetStore {
              public APIGatewayProxyResponseEvent list(APIGatewayProxyRequestEvent r) { return null; }
              public APIGatewayProxyResponseEvent get(APIGatewayProxyRequestEvent r) { return null; }
              public APIGatewayProxyResponseEvent remove(APIGatewayProxyRequestEvent r) { return null; }
            }
            """);

    RouteMarkers.check(extractor, repo);
  }

  @Test
  void nestedMapsByPathThenMethod() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/Responses.java", RESPONSES)
        .java("com/acme/TodoHandler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
            import java.util.Map;
            import java.util.function.Function;

            public class TodoHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private final TodoService todos = new TodoService();
              private final Map<String, Map<String, Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>>> table =
                  Map.of(
                      "/todos", Map.of(
                          "GET", e -> todos.list(), // ROUTE: GET /todos -> com.acme.TodoService#list
                          "POST", e -> todos.add(e.getBody())), // ROUTE: POST /todos -> com.acme.TodoService#add
                      "/todos/{id}", Map.of(
                          "DELETE", e -> todos.done(e.getPathParameters().get("id")))); // ROUTE: DELETE /todos/{id} -> com.acme.TodoService#done

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                var byMethod = table.get(event.getResource());
                if (byMethod == null) {
                  return Responses.notFound();
                }
                var handler = byMethod.get(event.getHttpMethod());
                if (handler == null) {
                  return new APIGatewayProxyResponseEvent().withStatusCode(405);
                }
                return handler.apply(event);
              }
            }
            """)
        .java("com/acme/TodoService.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class TodoService {
              public APIGatewayProxyResponseEvent list() { return null; }
              public APIGatewayProxyResponseEvent add(String body) { return null; }
              public APIGatewayProxyResponseEvent done(String id) { return null; }
            }
            """);

    RouteMarkers.check(extractor, repo);
  }

  @Test
  void optionalAroundTheLookup() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/Responses.java", RESPONSES)
        .java("com/acme/ClaimHandler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
            import java.util.Map;
            import java.util.Optional;
            import java.util.function.Function;

            public class ClaimHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private final ClaimService claims = new ClaimService();
              private final Map<String, Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> routes = Map.of(
                  "POST /claims", claims::file, // ROUTE: POST /claims -> com.acme.ClaimService#file
                  "GET /claims/{claimId}", claims::track); // ROUTE: GET /claims/{claimId} -> com.acme.ClaimService#track

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                return Optional.ofNullable(routes.get(event.getHttpMethod() + " " + event.getResource()))
                    .map(route -> route.apply(event))
                    .orElseGet(Responses::notFound);
              }
            }
            """)
        .java("com/acme/ClaimService.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class ClaimService {
              public APIGatewayProxyResponseEvent file(APIGatewayProxyRequestEvent e) { return null; }
              public APIGatewayProxyResponseEvent track(APIGatewayProxyRequestEvent e) { return null; }
            }
            """);

    RouteMarkers.check(extractor, repo);
  }

  @Test
  void routesRegisteredThroughAHelperMethod() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/Responses.java", RESPONSES)
        .java("com/acme/FleetHandler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
            import java.util.LinkedHashMap;
            import java.util.Map;
            import java.util.function.Function;

            public class FleetHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
              private final Map<String, Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> routes = new LinkedHashMap<>();
              private final FleetService fleet = new FleetService();

              public FleetHandler() {
                register("GET", "/vehicles", fleet::vehicles); // ROUTE: GET /vehicles -> com.acme.FleetService#vehicles
                register("PUT", "/vehicles/{vin}", fleet::update); // ROUTE: PUT /vehicles/{vin} -> com.acme.FleetService#update
              }

              private void register(String method, String resource, Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) {
                routes.put(method + " " + resource, handler);
              }

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                var handler = routes.get(event.getHttpMethod() + " " + event.getResource());
                return handler != null ? handler.apply(event) : Responses.notFound();
              }
            }
            """)
        .java("com/acme/FleetService.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class FleetService {
              public APIGatewayProxyResponseEvent vehicles(APIGatewayProxyRequestEvent e) { return null; }
              public APIGatewayProxyResponseEvent update(APIGatewayProxyRequestEvent e) { return null; }
            }
            """);

    RouteMarkers.check(extractor, repo);
  }
}
