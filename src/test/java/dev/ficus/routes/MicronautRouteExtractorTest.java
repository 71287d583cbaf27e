package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.Confidence;
import dev.ficus.model.Route;
import dev.ficus.testing.RouteMarkers;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicronautRouteExtractorTest {

  private final MicronautRouteExtractor extractor = new MicronautRouteExtractor();

  @Test
  void controllersWithVerbAnnotationsUriTemplatesAndTheHostingFunction() {
    TestRepo repo = TestRepo.create()
        .file("template.yaml", """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              BooksFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: java17
                  Handler: io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction
                  Events:
                    Proxy:
                      Type: Api
                      Properties:
                        Path: /{proxy+}
                        Method: ANY
            """)
        .java("com/acme/BookController.java", """
            package com.acme;

            import io.micronaut.http.annotation.*;

            @Controller("/books")
            public class BookController {
              @Get // ROUTE: GET /books -> com.acme.BookController#list
              public String list() { return ""; }

              @Get("/{isbn}") // ROUTE: GET /books/{isbn}
              public String show(String isbn) { return ""; }

              @Post(uri = "/") // ROUTE: POST /books
              public String save() { return ""; }

              @Put(uris = {"/{isbn}", "/by-isbn/{isbn}"}) // ROUTE: PUT /books/{isbn}, PUT /books/by-isbn/{isbn}
              public String update() { return ""; }

              @Delete("/{isbn}") // ROUTE: DELETE /books/{isbn}
              public void delete() {}

              @Patch("/{isbn}{?fields}") // ROUTE: PATCH /books/{isbn}
              public void patch() {}

              @Head("/{isbn}") // ROUTE: HEAD /books/{isbn}
              public void head() {}

              @Options // ROUTE: OPTIONS /books
              public void options() {}

              @Get("/{isbn}/pages{/page}") // ROUTE: GET /books/{isbn}/pages, GET /books/{isbn}/pages/{page}
              public String pages() { return ""; }

              @Get("/files/{+path}") // ROUTE: GET /books/files/{path+}
              public String files() { return ""; }

              public String get() { return "not a route"; }
            }
            """)
        .java("com/acme/RootController.java", """
            package com.acme;

            import io.micronaut.http.annotation.Controller;
            import io.micronaut.http.annotation.Get;

            @Controller
            class RootController {
              @Get("/ping") // ROUTE: GET /ping
              String ping() { return "pong"; }
            }
            """);
    List<Route> routes = RouteMarkers.check(extractor, repo);
    assertThat(routes).extracting(Route::function).containsOnly("BooksFunction");
    assertThat(routes).extracting(Route::confidence).containsOnly(Confidence.HIGH);
  }

  @Test
  void controllerImplementingAnAnnotatedInterfaceAndContextPath() {
    TestRepo repo = TestRepo.create()
        .file("src/main/resources/application.yml", """
            micronaut:
              server:
                context-path: /api
            books:
              base: /library
            """)
        .java("com/acme/api/BooksApi.java", """
            package com.acme.api;

            import io.micronaut.http.annotation.Get;

            public interface BooksApi {
              @Get("/{id}") // ROUTE: GET /api/library/{id} -> com.acme.web.BooksController#find
              String find(Long id);
            }
            """)
        .java("com/acme/web/BooksController.java", """
            package com.acme.web;

            import com.acme.api.BooksApi;
            import io.micronaut.http.annotation.Controller;

            @Controller("${books.base}")
            class BooksController implements BooksApi {
              @Override
              public String find(Long id) { return ""; }
            }
            """);
    RouteMarkers.check(extractor, repo);
  }

  @Test
  void springAnnotatedMicronautAppIsLeftToTheSpringExtractorAndReportedOnce() {
    TestRepo repo = TestRepo.create()
        .file("template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: java17
                  Handler: io.micronaut.function.aws.proxy.MicronautLambdaHandler
            """)
        .java("com/acme/GreetingController.java", """
            package com.acme;

            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            class GreetingController {
              @GetMapping("/greet") // ROUTE: GET /greet -> com.acme.GreetingController#greet
              String greet() { return "hi"; }
            }
            """)
        .java("com/acme/Lookalike.java", """
            package com.acme;

            import io.micronaut.http.annotation.Get;
            import org.springframework.stereotype.Controller;

            @Controller
            class Lookalike {
              @Get("/not-micronaut")
              String get() { return ""; }
            }
            """);
    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    assertThat(extractor.extract(context)).isEmpty();
    RouteExtractors both =
        new RouteExtractors(List.of(new SpringMvcRouteExtractor(), extractor));
    List<Route> routes = both.extractAll(context).stream().map(ExtractedRoute::route).toList();
    RouteMarkers.compare(repo, routes);
    assertThat(routes).singleElement().satisfies(r -> {
      assertThat(r.extractor()).isEqualTo("spring-mvc");
      assertThat(r.function()).isEqualTo("Api");
    });
  }

  @Test
  void customMethodsAndUnreadableUris() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/DavController.java", """
            package com.acme;

            import io.micronaut.http.annotation.*;

            @Controller("/dav")
            class DavController {
              @CustomHttpMethod(method = "LOCK", value = "/{name}") // ROUTE: LOCK /dav/{name}
              String lock() { return ""; }

              @Get(Uris.COMPUTED)
              String computed() { return ""; }
            }

            class Uris {
              static final String COMPUTED = String.valueOf(42);
            }
            """);
    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    RouteMarkers.compare(repo, extractor.extract(context).stream().map(ExtractedRoute::route).toList());
    assertThat(loaded.diagnostics().sorted())
        .anySatisfy(d -> assertThat(d.code()).isEqualTo("micronaut-unresolved-path"));
  }

  @Test
  void declarativeClientsAndAbstractControllersAreNotRoutesThemselves() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/InventoryClient.java", """
            package com.acme;

            import io.micronaut.http.annotation.Get;
            import io.micronaut.http.client.annotation.Client;

            @Client("/inventory")
            public interface InventoryClient {
              @Get("/{sku}")
              String stock(String sku);
            }
            """)
        .java("com/acme/CrudController.java", """
            package com.acme;

            import io.micronaut.http.annotation.*;

            public abstract class CrudController {
              @Get("/{id}") // ROUTE: GET /cats/{id} -> com.acme.CatController#show
              public String show(Long id) { return ""; }
            }
            """)
        .java("com/acme/CatController.java", """
            package com.acme;

            import io.micronaut.http.annotation.Controller;

            @Controller("/cats")
            class CatController extends CrudController {}
            """);
    RouteMarkers.check(extractor, repo);
  }
}
