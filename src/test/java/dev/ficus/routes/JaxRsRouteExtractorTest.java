package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.body.MethodDeclaration;
import dev.ficus.iac.IacModel;
import dev.ficus.model.Diagnostic;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Route;
import dev.ficus.model.SourceRef;
import dev.ficus.testing.RouteMarkers;
import dev.ficus.testing.TestRepo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JaxRsRouteExtractorTest {

  private final JaxRsRouteExtractor extractor = new JaxRsRouteExtractor();

  @Test
  void classAndMethodPathsWithTemplatesAndApplicationPath() {
    TestRepo repo =
        TestRepo.create()
            .java("com/acme/OrdersApplication.java", """
                package com.acme;

                import jakarta.ws.rs.ApplicationPath;
                import jakarta.ws.rs.core.Application;

                @ApplicationPath("/api")
                public class OrdersApplication extends Application {}
                """)
            .java("com/acme/OrderResource.java", """
                package com.acme;

                import jakarta.ws.rs.*;
                import jakarta.ws.rs.core.MediaType;
                import jakarta.ws.rs.core.Response;

                @Path("/orders/")
                @Produces(MediaType.APPLICATION_JSON)
                public class OrderResource {
                  private final OrderService orders;

                  public OrderResource(OrderService orders) {
                    this.orders = orders;
                  }

                  @GET // ROUTE: GET /api/orders -> com.acme.OrderResource#list
                  public List<Order> list() {
                    return orders.findAll();
                  }

                  @GET // ROUTE: GET /api/orders/{id} -> com.acme.OrderResource#find
                  @Path("{id: [0-9]+}")
                  public Order find(@PathParam("id") long id) {
                    return orders.find(id);
                  }

                  @POST // ROUTE: POST /api/orders
                  @Consumes(MediaType.APPLICATION_JSON)
                  public Response create(Order order) {
                    return Response.status(201).entity(orders.save(order)).build();
                  }

                  @DELETE // ROUTE: DELETE /api/orders/{id}/items/{itemId}
                  @Path("/{id}/items/{itemId : \\\\d{1,6}}")
                  public void removeItem(@PathParam("id") long id, @PathParam("itemId") long itemId) {
                    orders.removeItem(id, itemId);
                  }

                  @GET // ROUTE: GET /api/orders/files/{path+}
                  @Path("files/{path: .*}")
                  public Response file(@PathParam("path") String path) {
                    return Response.ok(orders.attachment(path)).build();
                  }

                  public void notARoute() {}
                }
                """)
            .java("com/acme/OrderService.java", """
                package com.acme;

                public class OrderService {
                  private final OrderRepository repository = new OrderRepository();

                  public java.util.List<Order> findAll() { return repository.scan(); }
                  public Order find(long id) { return repository.load(id); }
                  public Order save(Order order) { return repository.put(order); }
                  public void removeItem(long id, long itemId) {}
                  public byte[] attachment(String path) { return new byte[0]; }
                }
                """);
    RouteMarkers.check(extractor, repo);
  }

  @Test
  void javaxAnnotationsConstantsFromOtherClassesAndQualifiedNames() {
    TestRepo repo =
        TestRepo.create()
            .java("com/acme/api/Paths.java", """
                package com.acme.api;

                public final class Paths {
                  public static final String V1 = "/v1";
                  public static final String CUSTOMERS = V1 + "/customers";
                  public static final String BY_ID = "/{customerId}";
                  private Paths() {}
                }
                """)
            .java("com/acme/api/CustomerResource.java", """
                package com.acme.api;

                import static com.acme.api.Paths.BY_ID;

                import javax.ws.rs.GET;
                import javax.ws.rs.Path;
                import javax.ws.rs.PathParam;

                @Path(Paths.CUSTOMERS)
                public class CustomerResource {
                  private static final String ADDRESSES = "/addresses";

                  private final CustomerRepository customers = new CustomerRepository();

                  @GET // ROUTE: GET /v1/customers/{customerId} -> com.acme.api.CustomerResource#get(String)
                  @Path(BY_ID)
                  public Customer get(@PathParam("customerId") String id) {
                    return customers.load(id);
                  }

                  @GET // ROUTE: GET /v1/customers/by-number/{number} -> com.acme.api.CustomerResource#get(long)
                  @Path("/by-number/{number}")
                  public Customer get(@PathParam("number") long number) {
                    return customers.loadByNumber(number);
                  }

                  @javax.ws.rs.PUT // ROUTE: PUT /v1/customers/{customerId}/addresses
                  @Path(value = BY_ID + ADDRESSES)
                  public void addresses(@PathParam("customerId") String id, Address address) {
                    customers.saveAddress(id, address);
                  }
                }
                """);
    RouteMarkers.check(extractor, repo);
  }

  @Test
  void interfaceWithAnnotationsIsReportedOnceWithTheImplementingMethod() {
    TestRepo repo =
        TestRepo.create()
            .java("com/acme/PaymentApi.java", """
                package com.acme;

                import jakarta.ws.rs.GET;
                import jakarta.ws.rs.POST;
                import jakarta.ws.rs.Path;
                import jakarta.ws.rs.PathParam;

                @Path("/payments")
                public interface PaymentApi {
                  @GET // ROUTE: GET /payments/{id} -> com.acme.PaymentResource#find
                  @Path("/{id}")
                  Payment find(@PathParam("id") String id);

                  @POST // ROUTE: POST /payments -> com.acme.PaymentResource#charge
                  Payment charge(ChargeRequest request);
                }
                """)
            .java("com/acme/PaymentResource.java", """
                package com.acme;

                public class PaymentResource implements PaymentApi {
                  private final PaymentGateway gateway;

                  PaymentResource(PaymentGateway gateway) {
                    this.gateway = gateway;
                  }

                  @Override
                  public Payment find(String id) {
                    return gateway.lookup(id);
                  }

                  @Override
                  public Payment charge(ChargeRequest request) {
                    return gateway.charge(request.amount(), request.card());
                  }
                }
                """);
    List<Route> routes = RouteMarkers.check(extractor, repo);
    assertThat(routes).hasSize(2);
  }

  @Test
  void restClientInterfaceAndPathClassWithoutMethodsAreNotRoutes() {
    TestRepo repo =
        TestRepo.create()
            .java("com/acme/client/InventoryClient.java", """
                package com.acme.client;

                import jakarta.ws.rs.GET;
                import jakarta.ws.rs.Path;
                import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

                @Path("/inventory")
                @RegisterRestClient(configKey = "inventory")
                public interface InventoryClient {
                  @GET
                  @Path("/{sku}")
                  Stock stock(String sku);
                }
                """)
            .java("com/acme/StatusResource.java", """
                package com.acme;

                import jakarta.ws.rs.Path;

                @Path("/status")
                public class StatusResource {
                  private final HealthService health = new HealthService();

                  public String status() {
                    return health.summary();
                  }
                }
                """)
            .java("com/acme/ReportGenerator.java", """
                package com.acme;

                public class ReportGenerator {
                  public String GET() { return "not jax-rs"; }
                }
                """);
    assertThat(RouteMarkers.check(extractor, repo)).isEmpty();
  }

  @Test
  void subResourceLocatorChainIsFollowedWithItsPrefix() {
    TestRepo repo =
        TestRepo.create()
            .java("com/acme/StoreResource.java", """
                package com.acme;

                import jakarta.ws.rs.GET;
                import jakarta.ws.rs.Path;
                import jakarta.ws.rs.PathParam;

                @Path("/stores")
                public class StoreResource {
                  private final StoreRepository stores = new StoreRepository();

                  @GET // ROUTE: GET /stores -> com.acme.StoreResource#list
                  public java.util.List<Store> list() {
                    return stores.all();
                  }

                  @Path("/{storeId}/shelves")
                  public ShelfResource shelves(@PathParam("storeId") String storeId) {
                    return new ShelfResource(stores.load(storeId));
                  }
                }
                """)
            .java("com/acme/ShelfResource.java", """
                package com.acme;

                import jakarta.ws.rs.DELETE;
                import jakarta.ws.rs.GET;
                import jakarta.ws.rs.Path;
                import jakarta.ws.rs.PathParam;

                public class ShelfResource {
                  private final Store store;

                  ShelfResource(Store store) {
                    this.store = store;
                  }

                  @GET // ROUTE: GET /stores/{storeId}/shelves/{shelf}
                  @Path("{shelf}")
                  public Shelf shelf(@PathParam("shelf") String shelf) {
                    return store.shelf(shelf);
                  }

                  @DELETE // ROUTE: DELETE /stores/{storeId}/shelves/{shelf}
                  @Path("{shelf}")
                  public void clear(@PathParam("shelf") String shelf) {
                    store.clear(shelf);
                  }

                  @Path("{shelf}/bins")
                  public Object bins(@PathParam("shelf") String shelf) {
                    return new BinResource(store.shelf(shelf));
                  }
                }
                """)
            .java("com/acme/BinResource.java", """
                package com.acme;

                import jakarta.ws.rs.GET;
                import jakarta.ws.rs.Path;

                public class BinResource {
                  private final Shelf shelf;

                  BinResource(Shelf shelf) {
                    this.shelf = shelf;
                  }

                  @GET // ROUTE: GET /stores/{storeId}/shelves/{shelf}/bins
                  public java.util.List<Bin> list() {
                    return shelf.bins();
                  }

                  @Path("parent")
                  public StoreResource parent() {
                    return new StoreResource();
                  }
                }
                """);
    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    List<ExtractedRoute> extracted = extractor.extract(context);
    RouteMarkers.compare(repo, extracted.stream().map(ExtractedRoute::route).toList());
    assertThat(loaded.diagnostics().sorted()).extracting(Diagnostic::code).contains("jax-rs-locator-cycle");
    assertThat(code(extracted, "GET /stores/{storeId}/shelves/{shelf}/bins"))
        .containsExactly("StoreResource#shelves", "ShelfResource#bins", "BinResource#list");
  }

  @Test
  void customHttpMethodAnnotationAndQuarkusConfiguredPrefix() {
    TestRepo repo =
        TestRepo.create()
            .file("src/main/resources/application.properties", """
                quarkus.http.root-path=/shop
                quarkus.rest.path=/rest
                %dev.quarkus.http.root-path=/dev
                """)
            .java("com/acme/PATCHLIKE.java", """
                package com.acme;

                import java.lang.annotation.ElementType;
                import java.lang.annotation.Retention;
                import java.lang.annotation.RetentionPolicy;
                import java.lang.annotation.Target;
                import jakarta.ws.rs.HttpMethod;

                @Target(ElementType.METHOD)
                @Retention(RetentionPolicy.RUNTIME)
                @HttpMethod("LOCK")
                public @interface LOCK {}
                """)
            .java("com/acme/CartResource.java", """
                package com.acme;

                import jakarta.ws.rs.GET;
                import jakarta.ws.rs.Path;

                @Path("cart")
                public class CartResource {
                  private final CartService carts = new CartService();

                  @GET // ROUTE: GET /shop/rest/cart
                  public Cart current() {
                    return carts.current();
                  }

                  @LOCK // ROUTE: LOCK /shop/rest/cart
                  public void lock() {
                    carts.lock();
                  }
                }
                """);
    RouteMarkers.check(extractor, repo);
  }

  @Test
  void entryCodeIsTheHandlerAndTheFunctionIsTheJerseyContainer() {
    TestRepo repo =
        TestRepo.create()
            .java("com/acme/StreamLambdaHandler.java", """
                package com.acme;

                import com.amazonaws.serverless.proxy.jersey.JerseyLambdaContainerHandler;
                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
                import org.glassfish.jersey.server.ResourceConfig;

                public class StreamLambdaHandler implements RequestStreamHandler {
                  private static final ResourceConfig app = new ResourceConfig().packages("com.acme");
                  private static final JerseyLambdaContainerHandler handler =
                      JerseyLambdaContainerHandler.getAwsProxyHandler(app);

                  @Override
                  public void handleRequest(java.io.InputStream in, java.io.OutputStream out, Context context)
                      throws java.io.IOException {
                    handler.proxyStream(in, out, context);
                  }
                }
                """)
            .java("com/acme/PingResource.java", """
                package com.acme;

                import jakarta.ws.rs.GET;
                import jakarta.ws.rs.Path;

                @Path("/ping")
                public class PingResource {
                  @GET // ROUTE: GET /ping -> com.acme.PingResource#ping
                  public String ping() {
                    return "pong";
                  }
                }
                """);
    TestRepo.Loaded loaded = repo.load();
    LambdaFunction function =
        new LambdaFunction(
            "ApiFunction", "com.acme.StreamLambdaHandler::handleRequest", "com.acme.StreamLambdaHandler",
            "handleRequest", "java21", ".", "sam", SourceRef.of("template.yaml", 5), List.of(), List.of(),
            List.of());
    IacModel iac = new IacModel(List.of(function), List.of(), Map.of(), List.of("template.yaml"));
    List<ExtractedRoute> routes =
        extractor.extract(new RouteContext(loaded.workspace(), iac, loaded.diagnostics()));
    RouteMarkers.compare(repo, routes.stream().map(ExtractedRoute::route).toList());
    assertThat(routes.get(0).route().function()).isEqualTo("ApiFunction");
    assertThat(routes.get(0).entryCode()).singleElement()
        .isInstanceOfSatisfying(MethodDeclaration.class, m -> assertThat(m.getNameAsString()).isEqualTo("ping"));
  }

  @Test
  void quarkusHttpFunctionServesTheResourcesButNotAHandlerBeanFunction() {
    TestRepo repo =
        TestRepo.create()
            .file("template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  ApiFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest
                      Runtime: java21
                      Events:
                        HttpApiEvent:
                          Type: HttpApi
                  AaaWorkerFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest
                      Runtime: java21
                      Environment:
                        Variables:
                          QUARKUS_LAMBDA_HANDLER: worker
                """)
            .java("org/acme/GreetingResource.java", """
                package org.acme;

                import jakarta.inject.Inject;
                import jakarta.ws.rs.GET;
                import jakarta.ws.rs.Path;
                import jakarta.ws.rs.Produces;
                import jakarta.ws.rs.core.MediaType;

                @Path("/hello")
                public class GreetingResource {
                  @Inject GreetingService greetings;

                  @GET // ROUTE: GET /hello -> org.acme.GreetingResource#hello
                  @Produces(MediaType.TEXT_PLAIN)
                  public String hello() {
                    return greetings.greet("world");
                  }
                }
                """);
    List<Route> routes = RouteMarkers.check(extractor, repo);
    assertThat(routes).extracting(Route::function).containsExactly("ApiFunction");
  }

  @Test
  void requestFiltersArePutBeforeTheHandlersTheyCover() {
    TestRepo repo =
        TestRepo.create()
            .java("com/acme/security/Secured.java", """
                package com.acme.security;

                import jakarta.ws.rs.NameBinding;
                import java.lang.annotation.Retention;
                import java.lang.annotation.RetentionPolicy;

                @NameBinding
                @Retention(RetentionPolicy.RUNTIME)
                public @interface Secured {}
                """)
            .java("com/acme/security/TokenFilter.java", """
                package com.acme.security;

                import jakarta.annotation.Priority;
                import jakarta.ws.rs.Priorities;
                import jakarta.ws.rs.container.ContainerRequestContext;
                import jakarta.ws.rs.container.ContainerRequestFilter;
                import jakarta.ws.rs.ext.Provider;

                @Provider
                @Secured
                @Priority(Priorities.AUTHENTICATION)
                public class TokenFilter implements ContainerRequestFilter {
                  private final TokenVerifier tokens = new TokenVerifier();

                  @Override
                  public void filter(ContainerRequestContext request) {
                    tokens.verify(request.getHeaderString("Authorization"));
                  }
                }
                """)
            .java("com/acme/web/AuditFilter.java", """
                package com.acme.web;

                import jakarta.ws.rs.container.ContainerRequestContext;
                import jakarta.ws.rs.container.ContainerRequestFilter;
                import jakarta.ws.rs.ext.Provider;

                @Provider
                public class AuditFilter implements ContainerRequestFilter {
                  private final AuditLog audit = new AuditLog();

                  @Override
                  public void filter(ContainerRequestContext request) {
                    audit.record(request.getMethod(), request.getUriInfo().getPath());
                  }
                }
                """)
            .java("com/acme/web/AccountResource.java", """
                package com.acme.web;

                import com.acme.security.Secured;
                import jakarta.ws.rs.GET;
                import jakarta.ws.rs.POST;
                import jakarta.ws.rs.Path;

                @Path("/accounts")
                public class AccountResource {
                  private final AccountService accounts = new AccountService();

                  @GET // ROUTE: GET /accounts
                  public java.util.List<Account> list() {
                    return accounts.all();
                  }

                  @POST // ROUTE: POST /accounts
                  @Secured
                  public Account open(Account account) {
                    return accounts.open(account);
                  }
                }
                """);
    TestRepo.Loaded loaded = repo.load();
    List<ExtractedRoute> routes =
        extractor.extract(new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics()));
    RouteMarkers.compare(repo, routes.stream().map(ExtractedRoute::route).toList());
    assertThat(code(routes, "GET /accounts")).containsExactly("AuditFilter#filter", "AccountResource#list");
    assertThat(code(routes, "POST /accounts"))
        .containsExactly("TokenFilter#filter", "AuditFilter#filter", "AccountResource#open");
  }

  private static List<String> code(List<ExtractedRoute> routes, String id) {
    return routes.stream()
        .filter(r -> r.route().id().equals(id))
        .findFirst()
        .orElseThrow()
        .entryCode()
        .stream()
        .map(n -> (MethodDeclaration) n)
        .map(m -> m.findAncestor(com.github.javaparser.ast.body.ClassOrInterfaceDeclaration.class)
            .orElseThrow().getNameAsString() + "#" + m.getNameAsString())
        .toList();
  }

  @Test
  void pathsThatAreNotConstantsAreDiagnosedNotGuessed() {
    TestRepo repo =
        TestRepo.create()
            .java("com/acme/Routes.java", """
                package com.acme;

                public final class Routes {
                  static final String TENANT = System.getenv("TENANT_PATH");
                  static final String CIRCULAR = Paths.CIRCULAR + "/x";
                }
                """)
            .java("com/acme/Paths.java", """
                package com.acme;

                final class Paths {
                  static final String CIRCULAR = Routes.CIRCULAR;
                }
                """)
            .java("com/acme/TenantResource.java", """
                package com.acme;

                import jakarta.ws.rs.GET;
                import jakarta.ws.rs.Path;

                @Path("/tenants")
                public class TenantResource {
                  private final TenantRepository tenants = new TenantRepository();

                  @GET // ROUTE: GET /tenants
                  public java.util.List<Tenant> list() {
                    return tenants.all();
                  }

                  @GET
                  @Path(Routes.TENANT)
                  public Tenant current() {
                    return tenants.first();
                  }

                  @GET
                  @Path(Routes.CIRCULAR)
                  public Tenant circular() {
                    return tenants.first();
                  }
                }
                """);
    TestRepo.Loaded loaded = repo.load();
    List<ExtractedRoute> routes =
        extractor.extract(new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics()));
    RouteMarkers.compare(repo, routes.stream().map(ExtractedRoute::route).toList());
    assertThat(loaded.diagnostics().sorted())
        .extracting(Diagnostic::code, d -> d.source().line())
        .contains(
            org.assertj.core.groups.Tuple.tuple("jax-rs-unresolved-path", 16),
            org.assertj.core.groups.Tuple.tuple("jax-rs-unresolved-path", 22));
  }

  @Test
  void templatesLoseTheirExpressionsAndGreedyOnesBecomeProxies() {
    assertThat(JaxRsPaths.templates("/a/{id : [0-9]{1,3}}/b")).isEqualTo("/a/{id}/b");
    assertThat(JaxRsPaths.templates("/files/{path: .+}")).isEqualTo("/files/{path+}");
    assertThat(JaxRsPaths.templates("/files/{path: .*}/meta")).isEqualTo("/files/{path}/meta");
    assertThat(JaxRsPaths.templates("/broken/{id")).isEqualTo("/broken/{id}");
    assertThat(JaxRsPaths.join("/", "", "api/", "/orders/")).isEqualTo("/api/orders");
    assertThat(JaxRsPaths.join("", "")).isEqualTo("/");
  }

  @Test
  void genericBaseResourceMethodsAreServedByTheirOverrides() {
    TestRepo repo =
        TestRepo.create()
            .java("com/acme/CrudResource.java", """
                package com.acme;

                import jakarta.ws.rs.GET;
                import jakarta.ws.rs.POST;
                import jakarta.ws.rs.Path;
                import jakarta.ws.rs.PathParam;

                public abstract class CrudResource<T, ID> {
                  protected abstract Repository<T, ID> repository();

                  @GET // ROUTE: GET /products/{id} -> com.acme.CrudResource#find
                  @Path("{id}")
                  public T find(@PathParam("id") ID id) {
                    return repository().load(id);
                  }

                  @POST // ROUTE: POST /products -> com.acme.ProductResource#create
                  public T create(T entity) {
                    return repository().save(entity);
                  }
                }
                """)
            .java("com/acme/ProductResource.java", """
                package com.acme;

                import jakarta.ws.rs.Path;

                @Path("/products")
                public class ProductResource extends CrudResource<Product, String> {
                  private final ProductRepository products = new ProductRepository();

                  @Override
                  protected Repository<Product, String> repository() {
                    return products;
                  }

                  @Override
                  public Product create(Product product) {
                    product.validate();
                    return super.create(product);
                  }
                }
                """);
    RouteMarkers.check(extractor, repo);
  }

  @Test
  void appliesOnlyToRepositoriesImportingJaxRs() {
    TestRepo repo = TestRepo.create().java("com/acme/Path.java", """
        package com.acme;

        public @interface Path { String value(); }
        """);
    TestRepo.Loaded loaded = repo.load();
    assertThat(extractor.appliesTo(new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics())))
        .isFalse();
  }
}
