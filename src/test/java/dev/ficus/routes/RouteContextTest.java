package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.testing.TestRepo;
import org.junit.jupiter.api.Test;

/**
 * Every framework extractor first asks whether any file imports its framework; the imports are
 * read once, in the parse, as written after {@code import}: {@code static} dropped, on-demand
 * imports ending in {@code .*}.
 */
class RouteContextTest {

  @Test
  void importsAreAskedForAsWritten() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Api.java", """
            package com.acme;

            import static spark.Spark.*;
            import javax.ws.rs.*;
            import java.util.List;

            class Api {}
            """)
        .java("com/acme/Other.java", "package com.acme; import io.micronaut.http.annotation.Get; class Other {}")
        .load();
    RouteContext context = new RouteContext(repo.workspace(), repo.iac(), repo.diagnostics());

    assertThat(context.importsAny(name -> name.equals("spark.Spark.*"))).isTrue();
    assertThat(context.importsAny(name -> name.equals("javax.ws.rs.*"))).isTrue();
    assertThat(context.importsAny(name -> name.equals("java.util.List"))).isTrue();
    assertThat(context.importsAny(name -> name.startsWith("io.micronaut.http.annotation"))).isTrue();
    assertThat(context.importsAny(name -> name.startsWith("static") || name.equals("javax.ws.rs"))).isFalse();
    assertThat(context.importsAny(name -> name.startsWith("org.springframework"))).isFalse();
  }
}
