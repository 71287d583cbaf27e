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
}
