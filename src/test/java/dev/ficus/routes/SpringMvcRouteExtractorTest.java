package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.Confidence;
import dev.ficus.model.Route;
import dev.ficus.testing.RouteMarkers;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpringMvcRouteExtractorTest {

  private final SpringMvcRouteExtractor extractor = new SpringMvcRouteExtractor();

  @Test
  void petclinicLikeControllersWithClassBasePathsAndForms() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/OwnerController.java", """
            package com.acme;

            import org.springframework.stereotype.Controller;
            import org.springframework.web.bind.annotation.*;

            @Controller
            class OwnerController {

              private static final String VIEW_OWNER_FORM = "owners/createOrUpdateOwnerForm";

              @GetMapping("/owners/new") // ROUTE: GET /owners/new -> com.acme.OwnerController#initCreationForm
              public String initCreationForm() { return VIEW_OWNER_FORM; }

              @PostMapping("/owners/new") // ROUTE: POST /owners/new -> com.acme.OwnerController#processCreationForm
              public String processCreationForm() { return "redirect:/owners"; }

              @GetMapping("/owners") // ROUTE: GET /owners
              public String processFindForm() { return "owners/ownersList"; }

              @GetMapping("/owners/{ownerId}") // ROUTE: GET /owners/{ownerId} -> com.acme.OwnerController#showOwner
              public String showOwner(@PathVariable("ownerId") int ownerId) { return "owners/ownerDetails"; }

              public String get() { return "not a route"; }
            }
            """)
        .java("com/acme/PetController.java", """
            package com.acme;

            import org.springframework.stereotype.Controller;
            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.PostMapping;
            import org.springframework.web.bind.annotation.RequestMapping;

            @Controller
            @RequestMapping("/owners/{ownerId}")
            class PetController {

              @GetMapping("/pets/new") // ROUTE: GET /owners/{ownerId}/pets/new
              public String initCreationForm() { return ""; }

              @PostMapping("/pets/new") // ROUTE: POST /owners/{ownerId}/pets/new
              public String processCreationForm() { return ""; }

              @GetMapping("/pets/{petId}/edit") // ROUTE: GET /owners/{ownerId}/pets/{petId}/edit
              public String initUpdateForm() { return ""; }
            }
            """)
        .java("com/acme/VetController.java", """
            package com.acme;

            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            class VetController {
              @GetMapping({ "/vets", "/vets.html" }) // ROUTE: GET /vets, GET /vets.html
              public String showVetList() { return ""; }

              @GetMapping // ROUTE: GET /
              public String root() { return ""; }
            }
            """);
    List<Route> routes = RouteMarkers.check(extractor, repo);
    assertThat(routes).allSatisfy(r -> {
      assertThat(r.extractor()).isEqualTo("spring-mvc");
      assertThat(r.confidence()).isEqualTo(Confidence.HIGH);
    });
  }

  @Test
  void modelAttributeAndInitBinderMethodsRunBeforeEveryHandlerOfTheirController() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/PetController.java", """
            package com.acme;

            import org.springframework.stereotype.Controller;
            import org.springframework.web.bind.WebDataBinder;
            import org.springframework.web.bind.annotation.*;

            @Controller
            @RequestMapping("/owners/{ownerId}")
            class PetController {
              private final OwnerRepository owners;

              PetController(OwnerRepository owners) { this.owners = owners; }

              @ModelAttribute("owner")
              public Owner findOwner(@PathVariable("ownerId") int ownerId) {
                return owners.findById(ownerId);
              }

              @InitBinder("owner")
              public void initOwnerBinder(WebDataBinder binder) { binder.setDisallowedFields("id"); }

              @GetMapping("/pets/new") // ROUTE: GET /owners/{ownerId}/pets/new
              public String initCreationForm(Owner owner) { return "pets/createOrUpdatePetForm"; }
            }
            """)
        .java("com/acme/GlobalModel.java", """
            package com.acme;

            import org.springframework.web.bind.annotation.ControllerAdvice;
            import org.springframework.web.bind.annotation.ModelAttribute;

            @ControllerAdvice
            class GlobalModel {
              @ModelAttribute("build")
              public String build() { return System.getenv("BUILD"); }
            }
            """);
    TestRepo.Loaded loaded = repo.load();
    List<ExtractedRoute> routes =
        extractor.extract(new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics()));
    assertThat(routes).hasSize(1);
    assertThat(routes.get(0).entryCode())
        .map(n -> ((com.github.javaparser.ast.body.MethodDeclaration) n).getNameAsString())
        .containsExactly("build", "findOwner", "initOwnerBinder", "initCreationForm");
    RouteMarkers.compare(repo, routes.stream().map(ExtractedRoute::route).toList());
  }

  @Test
  void requestMappingMethodsArraysAndAny() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/OrderController.java", """
            package com.acme;

            import org.springframework.web.bind.annotation.RequestMapping;
            import org.springframework.web.bind.annotation.RequestMethod;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            @RequestMapping(path = {"/orders", "/v1/orders"})
            public class OrderController {
              @RequestMapping(value = "/{id:[0-9]+}", method = {RequestMethod.GET, RequestMethod.HEAD}) // ROUTE: GET /orders/{id}, HEAD /orders/{id}, GET /v1/orders/{id}, HEAD /v1/orders/{id}
              public String find(Long id) { return ""; }

              @RequestMapping("/files/**") // ROUTE: ANY /orders/files/{proxy+}, ANY /v1/orders/files/{proxy+}
              public String files() { return ""; }

              @RequestMapping(method = RequestMethod.POST) // ROUTE: POST /orders, POST /v1/orders
              public String create() { return ""; }
            }
            """);
    RouteMarkers.check(extractor, repo);
  }

  @Test
  void pathsFromConstantsInOtherClassesStaticImportsAndConcatenation() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/api/Paths.java", """
            package com.acme.api;

            public final class Paths {
              public static final String API = "/api";
              public static final String V1 = API + "/v1";
              public static final String ORDERS = V1 + "/orders";
            }
            """)
        .java("com/acme/api/Versions.java", """
            package com.acme.api;

            public interface Versions {
              String ITEM = "/{itemId}";
            }
            """)
        .java("com/acme/web/OrderController.java", """
            package com.acme.web;

            import static com.acme.api.Paths.V1;

            import com.acme.api.Paths;
            import com.acme.api.Versions;
            import org.springframework.web.bind.annotation.*;

            @RestController
            @RequestMapping(Paths.ORDERS)
            class OrderController implements Versions {
              private static final String LINES = "/lines";

              @GetMapping(ITEM + LINES) // ROUTE: GET /api/v1/orders/{itemId}/lines
              public String lines() { return ""; }

              @DeleteMapping(path = ITEM) // ROUTE: DELETE /api/v1/orders/{itemId}
              public void delete() {}
            }

            @RestController
            class StatusController {
              @GetMapping(V1 + "/status") // ROUTE: GET /api/v1/status
              public String status() { return ""; }
            }
            """);
    RouteMarkers.check(extractor, repo);
  }

  @Test
  void placeholdersResolvedFromApplicationPropertiesAndYamlWithDefaultsAndContextPath() {
    TestRepo repo = TestRepo.create()
        .file("src/main/resources/application.properties", """
            server.servlet.context-path=/shop
            api.orders=/orders
            """)
        .file("src/main/resources/application.yml", """
            api:
              customers: /customers
            spring:
              mvc:
                servlet:
                  path: /rest/
            """)
        .java("com/acme/ShopController.java", """
            package com.acme;

            import org.springframework.web.bind.annotation.*;

            @RestController
            @RequestMapping("${api.orders}")
            class ShopController {
              @GetMapping("/{id}") // ROUTE: GET /shop/rest/orders/{id}
              public String order() { return ""; }

              @GetMapping("${api.customers}/{id}") // ROUTE: GET /shop/rest/orders/customers/{id}
              public String customer() { return ""; }

              @PutMapping("${api.unknown:/fallback}") // ROUTE: PUT /shop/rest/orders/fallback
              public String fallback() { return ""; }

              @PatchMapping("${api.missing}/x") // ROUTE: PATCH /shop/rest/orders/{api_missing}/x
              public String missing() { return ""; }
            }
            """);
    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    List<Route> routes = extractor.extract(context).stream().map(ExtractedRoute::route).toList();
    RouteMarkers.compare(repo, routes);
    assertThat(routes).filteredOn(r -> r.path().endsWith("/fallback"))
        .extracting(Route::confidence).containsExactly(Confidence.MEDIUM);
    assertThat(routes).filteredOn(r -> r.path().endsWith("/x"))
        .extracting(Route::confidence).containsExactly(Confidence.LOW);
    assertThat(loaded.diagnostics().sorted())
        .anySatisfy(d -> assertThat(d.code()).isEqualTo("spring-mvc-unresolved-placeholder"));
  }

  @Test
  void abstractBaseControllerMappingsAreReportedOncePerConcreteSubclass() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/CrudController.java", """
            package com.acme;

            import org.springframework.web.bind.annotation.*;

            public abstract class CrudController<T> {
              @GetMapping("/{id}") // ROUTE: GET /cats/{id} -> com.acme.CatController#find, GET /dogs/{id} -> com.acme.DogController#find
              public T find(@PathVariable long id) { return null; }

              @PostMapping // ROUTE: POST /cats -> com.acme.CatController#create, POST /dogs -> com.acme.DogController#create
              public abstract T create(T body);
            }
            """)
        .java("com/acme/CatController.java", """
            package com.acme;

            import org.springframework.web.bind.annotation.*;

            @RestController
            @RequestMapping("/cats")
            class CatController extends CrudController<String> {
              @Override
              public String create(String body) { return body; }
            }
            """)
        .java("com/acme/DogController.java", """
            package com.acme;

            import org.springframework.web.bind.annotation.*;

            @RestController
            @RequestMapping("/dogs")
            class DogController extends CrudController<String> {
              @Override
              public String create(String body) { return body; }

              @GetMapping("/{id}/bark") // ROUTE: GET /dogs/{id}/bark
              public String bark() { return ""; }
            }
            """);
    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    List<ExtractedRoute> extracted = extractor.extract(context);
    RouteMarkers.compare(repo, extracted.stream().map(ExtractedRoute::route).toList());
    // The entry code of an overridden handler is the override, of an inherited one the base method.
    assertThat(extracted).filteredOn(e -> e.route().id().equals("POST /cats"))
        .singleElement()
        .satisfies(e -> assertThat(e.entryCode().get(0).toString()).contains("return body;"));
    assertThat(extracted).filteredOn(e -> e.route().id().equals("GET /dogs/{id}"))
        .singleElement()
        .satisfies(e -> assertThat(e.entryCode().get(0).toString()).contains("return null;"));
  }

  @Test
  void controllerImplementingAnAnnotatedApiInterface() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/api/PetsApi.java", """
            package com.acme.api;

            import org.springframework.web.bind.annotation.*;

            @RequestMapping("/v2")
            public interface PetsApi {
              @GetMapping("/pets/{petId}") // ROUTE: GET /v2/pets/{petId} -> com.acme.web.PetsController#showPetById
              String showPetById(@PathVariable("petId") String petId);

              @RequestMapping(value = "/pets", method = RequestMethod.POST) // ROUTE: POST /v2/pets
              String createPets(String body);
            }
            """)
        .java("com/acme/web/PetsController.java", """
            package com.acme.web;

            import com.acme.api.PetsApi;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            public class PetsController implements PetsApi {
              @Override
              public String showPetById(String petId) { return petId; }

              @Override
              public String createPets(String body) { return body; }
            }
            """);
    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    List<ExtractedRoute> extracted = extractor.extract(context);
    RouteMarkers.compare(repo, extracted.stream().map(ExtractedRoute::route).toList());
    assertThat(extracted).allSatisfy(
        e -> assertThat(e.entryCode().get(0).toString()).contains("@Override"));
  }

  @Test
  void nearMissesProduceNoRoutes() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/client/InventoryClient.java", """
            package com.acme.client;

            import org.springframework.cloud.openfeign.FeignClient;
            import org.springframework.web.bind.annotation.*;

            @FeignClient(name = "inventory")
            @RequestMapping("/inventory")
            public interface InventoryClient {
              @GetMapping("/{sku}")
              String stock(@PathVariable String sku);
            }
            """)
        .java("com/acme/web/HomeController.java", """
            package com.acme.web;

            import org.springframework.stereotype.Controller;

            @Controller
            public class HomeController {
              public String get() { return "home"; }
            }
            """)
        .java("com/acme/web/NotAController.java", """
            package com.acme.web;

            import org.springframework.stereotype.Component;
            import org.springframework.web.bind.annotation.GetMapping;

            @Component
            public class NotAController {
              @GetMapping("/never")
              public String get() { return ""; }
            }
            """)
        .java("com/acme/other/Controller.java", """
            package com.acme.other;

            public @interface Controller {}
            """)
        .java("com/acme/other/Lookalike.java", """
            package com.acme.other;

            import org.springframework.web.bind.annotation.GetMapping;

            @Controller
            public class Lookalike {
              @GetMapping("/lookalike")
              public String get() { return ""; }
            }
            """);
    assertThat(RouteMarkers.check(extractor, repo)).isEmpty();
  }

  @Test
  void overloadedHandlerNamesCarryTheirParameterTypes() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/ReportController.java", """
            package com.acme;

            import java.util.List;
            import org.springframework.web.bind.annotation.*;

            @RestController
            class ReportController {
              @GetMapping("/reports") // ROUTE: GET /reports -> com.acme.ReportController#report()
              public String report() { return ""; }

              @GetMapping("/reports/{year}") // ROUTE: GET /reports/{year} -> com.acme.ReportController#report(int)
              public String report(@PathVariable int year) { return ""; }

              @PostMapping("/reports") // ROUTE: POST /reports -> com.acme.ReportController#upload
              public String upload(@RequestBody List<String> lines) { return ""; }
            }
            """);
    RouteMarkers.check(extractor, repo);
  }

  @Test
  void metaAnnotatedControllersAndUnreadablePaths() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/ApiController.java", """
            package com.acme;

            import java.lang.annotation.Retention;
            import java.lang.annotation.RetentionPolicy;
            import org.springframework.web.bind.annotation.RestController;

            @Retention(RetentionPolicy.RUNTIME)
            @RestController
            public @interface ApiController {}
            """)
        .java("com/acme/HealthController.java", """
            package com.acme;

            import org.springframework.web.bind.annotation.GetMapping;

            @ApiController
            class HealthController {
              @GetMapping("/health/") // ROUTE: GET /health
              public String health() { return "ok"; }

              @GetMapping(path = "/files/{name}.{ext}") // ROUTE: GET /files/{name}
              public String file() { return ""; }

              @GetMapping(Dynamic.PATH)
              public String dynamic() { return ""; }
            }

            class Dynamic {
              static final String PATH = System.getenv("P");
            }
            """);
    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    List<Route> routes = extractor.extract(context).stream().map(ExtractedRoute::route).toList();
    RouteMarkers.compare(repo, routes);
    assertThat(routes).filteredOn(r -> r.path().startsWith("/files"))
        .extracting(Route::confidence).containsExactly(Confidence.MEDIUM);
    assertThat(loaded.diagnostics().sorted())
        .anySatisfy(d -> {
          assertThat(d.code()).isEqualTo("spring-mvc-unresolved-path");
          assertThat(d.source().line()).isEqualTo(13);
        });
  }

  @Test
  void appliesOnlyWhenSpringWebIsImported() {
    TestRepo.Loaded loaded = TestRepo.create()
        .java("com/acme/Handler.java", """
            package com.acme;

            import org.springframework.stereotype.Controller;

            @Controller
            class Handler {}
            """)
        .load();
    assertThat(extractor.appliesTo(
        new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics()))).isFalse();
  }

  @Test
  void routesBelongToTheFunctionWhoseHandlerUsesTheSpringContainerAndItsEnvironment() {
    TestRepo repo = TestRepo.create()
        .file("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              PetApi:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
              PetStoreFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: java17
                  Handler: com.acme.StreamLambdaHandler::handleRequest
                  Environment:
                    Variables:
                      SERVER_SERVLET_CONTEXT_PATH: /store
                  Events:
                    Proxy:
                      Type: Api
                      Properties:
                        RestApiId: !Ref PetApi
                        Path: /{proxy+}
                        Method: any
              Other:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: java17
                  Handler: com.acme.Other::handleRequest
            """)
        .java("com/acme/StreamLambdaHandler.java", """
            package com.acme;

            import com.amazonaws.serverless.proxy.model.AwsProxyRequest;
            import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
            import com.amazonaws.serverless.proxy.spring.SpringBootLambdaContainerHandler;
            import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

            public class StreamLambdaHandler implements RequestStreamHandler {
              private static SpringBootLambdaContainerHandler<AwsProxyRequest, AwsProxyResponse> handler;
            }
            """)
        .java("com/acme/Other.java", """
            package com.acme;

            public class Other {
              public String handleRequest(String in) { return in; }
            }
            """)
        .java("com/acme/PetsController.java", """
            package com.acme;

            import org.springframework.web.bind.annotation.*;

            @RestController
            @RequestMapping("/pets")
            class PetsController {
              @GetMapping("/{id}") // ROUTE: GET /store/pets/{id}
              public String pet() { return ""; }
            }
            """);
    List<Route> routes = RouteMarkers.check(extractor, repo);
    assertThat(routes).extracting(Route::function).containsExactly("PetStoreFunction");
  }

  @Test
  void composedMappingAnnotationsOfTheRepository() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/web/GetJson.java", """
            package com.acme.web;

            import org.springframework.core.annotation.AliasFor;
            import org.springframework.web.bind.annotation.RequestMapping;
            import org.springframework.web.bind.annotation.RequestMethod;

            @RequestMapping(method = RequestMethod.GET, produces = "application/json")
            public @interface GetJson {
              @AliasFor(annotation = RequestMapping.class)
              String[] value() default {};
            }
            """)
        .java("com/acme/web/ApiV1.java", """
            package com.acme.web;

            import org.springframework.web.bind.annotation.RequestMapping;

            @RequestMapping("/api/v1")
            public @interface ApiV1 {}
            """)
        .java("com/acme/web/Health.java", """
            package com.acme.web;

            import org.springframework.web.bind.annotation.PostMapping;

            @PostMapping("/health")
            public @interface Health {}
            """)
        .java("com/acme/web/StatusController.java", """
            package com.acme.web;

            import org.springframework.web.bind.annotation.RestController;

            @RestController
            @ApiV1
            class StatusController {
              @GetJson("/status") // ROUTE: GET /api/v1/status
              public String status() { return ""; }

              @Health // ROUTE: POST /api/v1/health
              public String health() { return ""; }
            }
            """);
    RouteMarkers.check(extractor, repo);
  }
}
