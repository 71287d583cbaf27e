package dev.ficus.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.testing.CliRun;
import dev.ficus.testing.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lint options of {@code ficus analyze}: gating, baselines and in-code suppressions. */
class LintCliTest {

  private static final String TEMPLATE =
      """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        OrdersFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: com.acme.Orders::handleRequest
            Runtime: java17
      """;

  private static String orders(String extra) {
    return """
        package com.acme;

        import software.amazon.awssdk.services.lambda.LambdaClient;

        public class Orders {
          private final LambdaClient lambda = LambdaClient.create();

          public String handleRequest(String order) {
            return lambda.invoke(b -> b.functionName("pricing")).payload().asUtf8String(); // FINDING: lambda-calls-lambda
          }
        %s
        }
        """.formatted(extra);
  }

  @Test
  void failOnWarningExitsWithOneAndFailOnErrorDoesNot(@TempDir Path dir) {
    Path repo = TestRepo.create().file("template.yaml", TEMPLATE).java("com/acme/Orders.java", orders("")).writeTo(dir);
    CliRun warning = CliRun.of("analyze", repo.toString(), "--fail-on", "warning");
    assertThat(warning.exitCode()).isEqualTo(1);
    assertThat(warning.out()).contains("warning lambda-calls-lambda src/main/java/com/acme/Orders.java:9:");
    assertThat(CliRun.of("analyze", repo.toString(), "--fail-on", "error").exitCode()).isZero();
    assertThat(CliRun.of("analyze", repo.toString()).exitCode()).isZero();
  }

  @Test
  void aBaselineHidesKnownFindingsEvenWhenTheyMoveAndShowsNewOnes(@TempDir Path dir) throws Exception {
    Path repo = TestRepo.create().file("template.yaml", TEMPLATE).java("com/acme/Orders.java", orders("")).writeTo(dir.resolve("repo"));
    Path baseline = dir.resolve("ficus-baseline.json");
    assertThat(CliRun.of("analyze", repo.toString(), "--write-baseline", baseline.toString()).exitCode()).isZero();
    assertThat(Files.readString(baseline, StandardCharsets.UTF_8)).contains("\"rule\" : \"lambda-calls-lambda\"");

    // The known call moves down two lines and a new one appears.
    String moved =
        orders(
                """

                  public String quote(String order) {
                    return lambda.invoke(b -> b.functionName("quotes")).payload().asUtf8String();
                  }
                """)
            .replace("public class Orders {", "public class Orders {\n  // pricing comes from another team\n");
    Files.writeString(repo.resolve("src/main/java/com/acme/Orders.java"), moved, StandardCharsets.UTF_8);
    CliRun run = CliRun.of("analyze", repo.toString(), "--baseline", baseline.toString(), "--fail-on", "warning");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("Orders#quote").doesNotContain("Orders#handleRequest");

    CliRun again = CliRun.of("analyze", repo.toString(), "--write-baseline", baseline.toString());
    assertThat(again.exitCode()).as("an existing baseline is kept without --force").isEqualTo(2);
    assertThat(again.err()).contains("exists; pass --force");
    assertThat(CliRun.of("analyze", repo.toString(), "--force", "--write-baseline", baseline.toString()).exitCode()).isZero();
    assertThat(Files.readString(baseline, StandardCharsets.UTF_8)).contains("Orders#quote");
  }

  @Test
  void aMissingBaselineIsAUsageError(@TempDir Path dir) {
    Path repo = TestRepo.create().file("template.yaml", TEMPLATE).java("com/acme/Orders.java", orders("")).writeTo(dir);
    CliRun run = CliRun.of("analyze", repo.toString(), "--baseline", dir.resolve("none.json").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("cannot be read");
  }

  @Test
  void sarifGoesToStandardOutput(@TempDir Path dir) {
    Path repo = TestRepo.create().file("template.yaml", TEMPLATE).java("com/acme/Orders.java", orders("")).writeTo(dir);
    CliRun run = CliRun.of("analyze", repo.toString(), "--format", "sarif");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"ruleId\" : \"lambda-calls-lambda\"").contains("\"startLine\" : 9");
  }

  @Test
  void suppressWarningsOnAMethodOrAClassHidesThatRuleInside() {
    TestRepo repo =
        TestRepo.create()
            .java(
                "com/acme/Orders.java",
                """
                package com.acme;

                import software.amazon.awssdk.services.lambda.LambdaClient;

                public class Orders {
                  private final LambdaClient lambda = LambdaClient.create();

                  @SuppressWarnings("ficus:lambda-calls-lambda")
                  String kept() {
                    return lambda.invoke(b -> b.functionName("pricing")).toString();
                  }

                  @SuppressWarnings("ficus:sequential-waits")
                  String otherRule() {
                    return lambda.invoke(b -> b.functionName("pricing")).toString(); // FINDING: lambda-calls-lambda
                  }
                }
                """)
            .java(
                "com/acme/Legacy.java",
                """
                package com.acme;

                import software.amazon.awssdk.services.lambda.LambdaClient;

                @SuppressWarnings({"unchecked", "ficus:lambda-calls-lambda"})
                public class Legacy {
                  private final LambdaClient lambda = LambdaClient.create();

                  String call() {
                    return lambda.invoke(b -> b.functionName("pricing")).toString();
                  }
                }
                """);
    FindingMarkers.on(repo).check(new dev.ficus.lint.rules.LambdaCallsLambda());
  }
}
