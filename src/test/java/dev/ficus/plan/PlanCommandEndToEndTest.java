package dev.ficus.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.testing.CliRun;
import dev.ficus.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ficus plan} from a repository on disk to plan.json and plan.md, and back. The repository
 * is an API Gateway dispatch lambdalith.
 */
class PlanCommandEndToEndTest {

  @TempDir Path dir;

  Path repo() {
    return TestRepo.create()
        .java("com/acme/ApiHandler.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

            public class ApiHandler
                implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

              @Override
              public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                String key = event.getHttpMethod() + " " + event.getResource();
                switch (key) {
                  case "GET /orders": return ok("[]");
                  case "GET /orders/{id}": return ok("{}");
                  case "POST /orders": return ok("{}");
                  case "GET /users": return ok("[]");
                  case "POST /users": return ok("{}");
                  default: return new APIGatewayProxyResponseEvent().withStatusCode(404);
                }
              }

              private APIGatewayProxyResponseEvent ok(String body) {
                return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody(body);
              }
            }
            """)
        .writeTo(dir.resolve("repo"));
  }

  @Test
  void writesPlanJsonAndPlanMarkdownThatAreTheSameOnEveryRun() throws Exception {
    Path repo = repo();
    Path out = dir.resolve("out/plan.json");
    CliRun first = CliRun.of("plan", repo.toString(), "--out", out.toString(), "--strategy", "by-path");
    assertThat(first.exitCode()).as(first.err()).isZero();
    String json = Files.readString(out);
    String md = Files.readString(dir.resolve("out/plan.md"));
    assertThat(json).contains("\"strategy\" : \"by-path\"").contains("\"route\" : \"GET /orders/{id}\"");
    assertThat(md).startsWith("# Decomposition plan").contains("| orders |").contains("```mermaid");

    CliRun again = CliRun.of("plan", repo.toString(), "--out", out.toString(), "--strategy", "by-path", "--force");
    assertThat(again.exitCode()).isZero();
    assertThat(Files.readString(out)).isEqualTo(json);
    assertThat(Files.readString(dir.resolve("out/plan.md"))).isEqualTo(md);
  }

  @Test
  void withoutOutTheMarkdownGoesToStandardOutput() {
    CliRun run = CliRun.of("plan", repo().toString(), "--strategy", "per-route");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Strategy `per-route`: 5 services, 5 functions");
  }

  @Test
  void compareListsEveryStrategy() {
    CliRun run = CliRun.of("plan", repo().toString(), "--compare");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("| per-route | 5 |").contains("| by-path | 2 |").contains("| by-resource |").contains("| auto |");
  }

  @Test
  void anEditedPlanIsCheckedAndReRendered() throws Exception {
    Path repo = repo();
    Path edited = dir.resolve("edited.json");
    Files.writeString(edited, """
        {
          "schemaVersion": 1,
          "services": [
            { "name": "shop", "functions": [
                { "route": "GET /orders" }, { "route": "GET /orders/{id}" }, { "route": "POST /orders" },
                { "route": "GET /users" } ] },
            { "name": "accounts", "functions": [ { "route": "POST /users" } ] }
          ]
        }
        """);
    Path out = dir.resolve("plan2.json");
    CliRun run = CliRun.of("plan", repo.toString(), "--plan", edited.toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(out)).contains("\"name\" : \"shop\"").contains("\"name\" : \"accounts\"");

    Files.writeString(edited, Files.readString(edited).replace("GET /users\"", "GET /people\""));
    CliRun bad = CliRun.of("plan", repo.toString(), "--plan", edited.toString(), "--out", dir.resolve("plan3.json").toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .contains("edited.json line 6: unknown route 'GET /people'")
        .contains("edited.json: route 'GET /users' is in no service");
    assertThat(dir.resolve("plan3.json")).doesNotExist();
  }
}
