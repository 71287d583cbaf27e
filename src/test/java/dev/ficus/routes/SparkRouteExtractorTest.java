package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import dev.ficus.iac.IacModel;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.SourceRef;
import dev.ficus.testing.RouteMarkers;
import dev.ficus.testing.TestRepo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkRouteExtractorTest {

  private final SparkRouteExtractor extractor = new SparkRouteExtractor();

  private static final String HANDLER = """
      package com.acme;

      import com.amazonaws.serverless.exceptions.ContainerInitializationException;
      import com.amazonaws.serverless.proxy.model.AwsProxyRequest;
      import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
      import com.amazonaws.serverless.proxy.spark.SparkLambdaContainerHandler;
      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
      import spark.Spark;

      public class StreamLambdaHandler implements RequestStreamHandler {
        private static SparkLambdaContainerHandler<AwsProxyRequest, AwsProxyResponse> handler;

        static {
          try {
            handler = SparkLambdaContainerHandler.getAwsProxyHandler();
            Routes.define(new OrderController(new OrderService()));
            Spark.awaitInitialization();
          } catch (ContainerInitializationException e) {
            throw new RuntimeException("Could not initialize Spark container", e);
          }
        }

        @Override
        public void handleRequest(java.io.InputStream in, java.io.OutputStream out, Context context)
            throws java.io.IOException {
          handler.proxyStream(in, out, context);
        }
      }
      """;

  @Test
  void verbsPathGroupsParametersAndSplats() {
    TestRepo repo =
        TestRepo.create()
            .java("com/acme/StreamLambdaHandler.java", HANDLER)
            .java("com/acme/Routes.java", """
                package com.acme;

                import static spark.Spark.*;

                import com.google.gson.Gson;

                public final class Routes {
                  private static final String API = "/api";
                  private static final Gson gson = new Gson();

                  private Routes() {}

                  public static void define(OrderController orders) {
                    get("/health", (req, res) -> "ok"); // ROUTE: GET /health -> com.acme.Routes#define
                    path(API, () -> {
                      path("/orders", () -> {
                        get("", orders::list, gson::toJson); // ROUTE: GET /api/orders -> com.acme.OrderController#list
                        post("/", "application/json", orders::create); // ROUTE: POST /api/orders
                        get("/:id", OrderController::find); // ROUTE: GET /api/orders/{id} -> com.acme.OrderController#find
                        delete("/:id/items/:itemId", (req, res) -> { // ROUTE: DELETE /api/orders/{id}/items/{itemId}
                          orders.removeItem(req.params(":id"), req.params(":itemId"));
                          return "";
                        });
                      });
                      options("/files/*", (req, res) -> ""); // ROUTE: OPTIONS /api/files/{proxy+}
                      head("/say/*/to/*", (req, res) -> ""); // ROUTE: HEAD /api/say/{splat0}/to/{proxy+}
                      patch("/say/*/loudly", (req, res) -> ""); // ROUTE: PATCH /api/say/{splat0}/loudly
                    });
                    after((req, res) -> res.type("application/json"));
                  }
                }
                """)
            .java("com/acme/OrderController.java", """
                package com.acme;

                import spark.Request;
                import spark.Response;

                public class OrderController {
                  private final OrderService service;

                  public OrderController(OrderService service) {
                    this.service = service;
                  }

                  public Object list(Request req, Response res) {
                    return service.findAll();
                  }

                  public Object create(Request req, Response res) {
                    return service.save(req.body());
                  }

                  public static Object find(Request req, Response res) {
                    return OrderService.shared().find(req.params(":id"));
                  }

                  public void removeItem(String order, String item) {
                    service.removeItem(order, item);
                  }
                }
                """);
    TestRepo.Loaded loaded = repo.load();
    LambdaFunction function =
        new LambdaFunction(
            "OrdersFunction", "com.acme.StreamLambdaHandler::handleRequest", "com.acme.StreamLambdaHandler",
            "handleRequest", "java21", ".", "sam", SourceRef.of("template.yaml", 5), List.of(), List.of(),
            List.of());
    IacModel iac = new IacModel(List.of(function), List.of(), Map.of(), List.of("template.yaml"));
    List<ExtractedRoute> routes =
        extractor.extract(new RouteContext(loaded.workspace(), iac, loaded.diagnostics()));
    RouteMarkers.compare(repo, routes.stream().map(ExtractedRoute::route).toList());
    assertThat(routes).allSatisfy(r -> assertThat(r.route().function()).isEqualTo("OrdersFunction"));
    ExtractedRoute find = routes.stream().filter(r -> r.route().id().equals("GET /api/orders/{id}")).findFirst().orElseThrow();
    assertThat(find.entryCode()).singleElement()
        .isInstanceOfSatisfying(MethodDeclaration.class, m -> assertThat(m.getNameAsString()).isEqualTo("find"));
    ExtractedRoute remove = routes.stream().filter(r -> r.route().method().equals("DELETE")).findFirst().orElseThrow();
    assertThat(remove.entryCode()).singleElement().isInstanceOf(LambdaExpr.class);
  }

  @Test
  void sparkQualifiedCallsRouteObjectsAndBeforeFilters() {
    TestRepo repo =
        TestRepo.create()
            .java("com/acme/Api.java", """
                package com.acme;

                import spark.Filter;
                import spark.Request;
                import spark.Response;
                import spark.Route;
                import spark.Spark;

                public class Api {
                  private final CustomerRepository customers = new CustomerRepository();

                  public void routes() {
                    Spark.before((req, res) -> ApiKeys.check(req.headers("x-api-key")));
                    Spark.before("/admin/*", new AdminOnly());
                    Spark.get("/customers/:id", new Route() { // ROUTE: GET /customers/{id} -> com.acme.Api#routes
                      @Override
                      public Object handle(Request req, Response res) {
                        return customers.load(req.params("id"));
                      }
                    });
                    Spark.post("/admin/customers", new ImportCustomers(customers)); // ROUTE: POST /admin/customers -> com.acme.ImportCustomers#handle
                  }
                }
                """)
            .java("com/acme/ImportCustomers.java", """
                package com.acme;

                import spark.Request;
                import spark.Response;
                import spark.Route;

                public class ImportCustomers implements Route {
                  private final CustomerRepository customers;

                  ImportCustomers(CustomerRepository customers) {
                    this.customers = customers;
                  }

                  @Override
                  public Object handle(Request req, Response res) {
                    return customers.importAll(req.body());
                  }
                }
                """)
            .java("com/acme/AdminOnly.java", """
                package com.acme;

                import spark.Filter;
                import spark.Request;
                import spark.Response;

                public class AdminOnly implements Filter {
                  @Override
                  public void handle(Request req, Response res) {
                    Roles.require(req, "admin");
                  }
                }
                """);
    TestRepo.Loaded loaded = repo.load();
    List<ExtractedRoute> routes =
        extractor.extract(new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics()));
    RouteMarkers.compare(repo, routes.stream().map(ExtractedRoute::route).toList());
    ExtractedRoute customer = routes.stream().filter(r -> r.route().method().equals("GET")).findFirst().orElseThrow();
    assertThat(customer.entryCode()).hasSize(2);
    assertThat(customer.entryCode().get(0)).isInstanceOf(LambdaExpr.class);
    assertThat(describe(customer.entryCode().get(1))).isEqualTo("handle");
    ExtractedRoute admin = routes.stream().filter(r -> r.route().method().equals("POST")).findFirst().orElseThrow();
    assertThat(admin.entryCode()).extracting(SparkRouteExtractorTest::describe)
        .containsExactly("lambda", "AdminOnly#handle", "ImportCustomers#handle");
  }

  @Test
  void methodsCalledGetThatAreNotSparksAreNotRoutes() {
    TestRepo repo =
        TestRepo.create()
            .java("com/acme/PriceCache.java", """
                package com.acme;

                import static spark.Spark.*;

                import java.util.Map;

                public class PriceCache {
                  private final Map<String, Price> prices = new java.util.HashMap<>();
                  private final RestClient client = new RestClient();

                  public void routes() {
                    get("/prices/:sku", (req, res) -> price(req.params("sku"))); // ROUTE: GET /prices/{sku}
                  }

                  Price price(String sku) {
                    Price cached = prices.get("/prices/" + sku);
                    return cached != null ? cached : client.get("/upstream/prices", Price.class);
                  }
                }
                """)
            .java("com/acme/Catalog.java", """
                package com.acme;

                import spark.Spark;

                public class Catalog {
                  private final RestClient client = new RestClient();
                  private final java.util.Map<String, Item> items = new java.util.HashMap<>();

                  public Item lookup(String id) {
                    Spark.awaitInitialization();
                    Item item = items.get("/items/" + id);
                    return item != null ? item : client.get("/catalog/items", Item.class);
                  }
                }
                """)
            .java("com/acme/BaseCache.java", """
                package com.acme;

                public abstract class BaseCache<T> {
                  private final java.util.Map<String, T> entries = new java.util.concurrent.ConcurrentHashMap<>();

                  protected T get(String key, java.util.function.Supplier<T> loader) {
                    return entries.computeIfAbsent(key, k -> loader.get());
                  }
                }
                """)
            .java("com/acme/ProductCache.java", """
                package com.acme;

                import static spark.Spark.*;

                public class ProductCache extends BaseCache<Product> {
                  private final ProductRepository products = new ProductRepository();

                  public Product featured() {
                    Product p = get("/products/featured", () -> products.featured());
                    if (p == null) {
                      halt(404);
                    }
                    return p;
                  }
                }
                """);
    assertThat(RouteMarkers.check(extractor, repo)).hasSize(1);
  }

  @Test
  void routesDefinedInMethodsCalledFromAPathGroupGetTheGroupsPrefix() {
    TestRepo repo =
        TestRepo.create()
            .java("com/acme/Application.java", """
                package com.acme;

                import static spark.Spark.path;

                public class Application {
                  public static void main(String[] args) {
                    InvoiceRoutes invoices = new InvoiceRoutes(new InvoiceService());
                    path("/v1", () -> {
                      invoices.register();
                      path("/admin", AdminRoutes::register);
                    });
                    path("/v2", invoices::register);
                  }
                }
                """)
            .java("com/acme/InvoiceRoutes.java", """
                package com.acme;

                import static spark.Spark.get;
                import static spark.Spark.post;

                public class InvoiceRoutes {
                  private final InvoiceService invoices;

                  public InvoiceRoutes(InvoiceService invoices) {
                    this.invoices = invoices;
                  }

                  public void register() {
                    get("/invoices/:number", (req, res) -> invoices.find(req.params("number"))); // ROUTE: GET /v1/invoices/{number}, GET /v2/invoices/{number}
                    post("/invoices", (req, res) -> invoices.issue(req.body())); // ROUTE: POST /v1/invoices, POST /v2/invoices
                  }
                }
                """)
            .java("com/acme/AdminRoutes.java", """
                package com.acme;

                import spark.Spark;

                public final class AdminRoutes {
                  private AdminRoutes() {}

                  static void register() {
                    Spark.delete("/invoices/:number", (req, res) -> { // ROUTE: DELETE /v1/admin/invoices/{number} -> com.acme.AdminRoutes#register
                      InvoiceService.shared().cancel(req.params("number"));
                      return "";
                    });
                  }
                }
                """);
    RouteMarkers.check(extractor, repo);
  }

  @Test
  void routesOfASparkServiceInstance() {
    TestRepo repo =
        TestRepo.create()
            .java("com/acme/ShipmentApi.java", """
                package com.acme;

                import spark.Service;

                public class ShipmentApi {
                  private final Service http = Service.ignite();
                  private final ShipmentService shipments;

                  public ShipmentApi(ShipmentService shipments) {
                    this.shipments = shipments;
                  }

                  public void start() {
                    http.path("/shipments", () -> {
                      http.get("/:trackingId", this::track); // ROUTE: GET /shipments/{trackingId} -> com.acme.ShipmentApi#track
                      http.put("/:trackingId/status", (req, res) -> shipments.update(req.params("trackingId"), req.body())); // ROUTE: PUT /shipments/{trackingId}/status -> com.acme.ShipmentApi#start
                    });
                  }

                  private Object track(spark.Request req, spark.Response res) {
                    return shipments.track(req.params("trackingId"));
                  }
                }
                """);
    RouteMarkers.check(extractor, repo);
  }

  @Test
  void pathConversion() {
    assertThat(SparkRouteExtractor.apiGatewayPath("/a/:id/")).isEqualTo("/a/{id}");
    assertThat(SparkRouteExtractor.apiGatewayPath("*")).isEqualTo("/{proxy+}");
    assertThat(SparkRouteExtractor.apiGatewayPath("/")).isEqualTo("/");
    assertThat(SparkRouteExtractor.covers("/api/*", "/api/orders")).isTrue();
    assertThat(SparkRouteExtractor.covers("/api/*", "/apikeys")).isFalse();
    assertThat(SparkRouteExtractor.covers("/orders/:id", "/orders/:id/")).isTrue();
  }

  private static String describe(Node node) {
    if (node instanceof LambdaExpr) {
      return "lambda";
    }
    MethodDeclaration m = (MethodDeclaration) node;
    String owner = m.findAncestor(com.github.javaparser.ast.body.ClassOrInterfaceDeclaration.class)
        .filter(c -> !m.getParentNode().map(p -> p instanceof com.github.javaparser.ast.expr.ObjectCreationExpr).orElse(false))
        .map(c -> c.getNameAsString() + "#").orElse("");
    return (m.getParentNode().orElseThrow() instanceof com.github.javaparser.ast.expr.ObjectCreationExpr ? "" : owner)
        + m.getNameAsString();
  }
}
