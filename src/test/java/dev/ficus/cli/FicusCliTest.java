package dev.ficus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.testing.CliRun;
import dev.ficus.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FicusCliTest {

  @TempDir Path temp;

  @Test
  void helpListsTheCommandsAndTheExitCodes() {
    CliRun run = CliRun.of("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("analyze").contains("Exit codes:").contains("3").contains("--version");
  }

  @Test
  void versionIsPrinted() {
    CliRun run = CliRun.of("--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("ficus ");
  }

  @Test
  void anUnknownOptionIsAUsageErrorInOneSentence() {
    CliRun run = CliRun.of("analyze", "--no-such-flag", temp.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("ficus: ").doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun run = CliRun.of();
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing a command");
  }

  @Test
  void aPathThatDoesNotExistIsInputThatCannotBeAnalyzed() {
    CliRun run = CliRun.of("analyze", temp.resolve("nope").toString());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err().strip()).isEqualTo("ficus: The path " + temp.resolve("nope") + " does not exist.");
  }

  @Test
  void aFileInsteadOfAFolderIsRefused() throws Exception {
    Path file = Files.writeString(temp.resolve("Handler.java"), "class Handler {}");
    CliRun run = CliRun.of("analyze", file.toString());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("is not a folder");
  }

  @Test
  void aFolderWithNoJavaIsReportedWithExitCode3() throws Exception {
    Files.writeString(temp.resolve("README.md"), "# nothing here");
    CliRun run = CliRun.of("analyze", "--format", "json", temp.toString());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("No Java sources found in");
    assertThat(run.out()).contains("\"no-java-sources\"");
  }

  @Test
  void aRepoWithoutAnyEntryPointStillGetsItsReport() {
    Path repo =
        TestRepo.create()
            .java("com/acme/util/Strings.java", """
                package com.acme.util;
                public final class Strings {
                  public static String trim(String s) { return s == null ? "" : s.trim(); }
                }
                """)
            .writeTo(temp);
    CliRun run = CliRun.of("analyze", "--format", "json", repo.toString());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err().strip()).isEqualTo("ficus: No Lambda entry point or API route found in " + repo + ".");
    assertThat(run.out()).contains("\"schemaVersion\" : 1").contains("\"routes\" : [ ]");
  }

  @Test
  void aFileThatDoesNotParseIsADiagnosticAndTheRestIsAnalyzed() {
    Path repo =
        TestRepo.create()
            .java("com/acme/Broken.java", """
                package com.acme;
                public class Broken {
                  void oops( {
                }
                """)
            .java("com/acme/Fine.java", "package com.acme;\npublic class Fine {}\n")
            .writeTo(temp);
    CliRun run = CliRun.of("analyze", "--format", "json", repo.toString());
    assertThat(run.out())
        .contains("\"code\" : \"parse-error\"")
        .contains("\"file\" : \"src/main/java/com/acme/Broken.java\"");
    assertThat(run.err()).doesNotContain("Exception");
  }

  @Test
  void anExistingOutputFileIsNotOverwrittenWithoutForce() throws Exception {
    Path repo = TestRepo.create().java("com/acme/A.java", "package com.acme; class A {}").writeTo(temp.resolve("repo"));
    Path out = Files.writeString(temp.resolve("report.json"), "mine");
    CliRun refused = CliRun.of("analyze", "--format", "json", "-o", out.toString(), repo.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("exists; pass --force");
    assertThat(Files.readString(out)).isEqualTo("mine");

    CliRun forced = CliRun.of("analyze", "--format", "json", "--force", "-o", out.toString(), repo.toString());
    assertThat(forced.exitCode()).isEqualTo(3); // no entry point, but the report is written
    assertThat(Files.readString(out)).startsWith("{");
    try (var files = Files.list(temp)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("repo", "report.json");
    }
  }

  @Test
  void aBinaryFileNamedJavaIsADiagnosticAndTheRoutesAreStillFound() throws Exception {
    Path repo =
        TestRepo.create()
            .file("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Api:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: com.acme.Handler::handleRequest
                      Runtime: java21
                      Events:
                        Health:
                          Type: Api
                          Properties:
                            Path: /health
                            Method: get
                """)
            .java("com/acme/Handler.java", """
                package com.acme;

                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
                import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

                public class Handler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
                  @Override
                  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
                    if ("/health".equals(event.getPath())) {
                      return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody("ok");
                    }
                    return new APIGatewayProxyResponseEvent().withStatusCode(404);
                  }
                }
                """)
            .writeTo(temp);
    Files.write(repo.resolve("src/main/java/com/acme/Logo.java"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
    CliRun run = CliRun.of("analyze", "--format", "json", repo.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("\"code\" : \"not-java-source\"")
        .contains("\"file\" : \"src/main/java/com/acme/Logo.java\"")
        .contains("\"id\" : \"GET /health\"");
  }

  @Test
  void explainNamesTheCallChainBehindEveryActionOfARoute() {
    CliRun run =
        CliRun.of("analyze", "--no-dependency-jars", "--explain", "POST /orders/{id}/pay", "fixtures/rest-orders-switch");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("POST /orders/{id}/pay  served by com.brightcart.orders.service.OrderService#pay")
        .contains("  states:StartExecution\n    because sfn StartExecution on arn:")
        .contains("com.brightcart.orders.payment.PaymentGateway#startPayment  src/main/java/com/brightcart/orders/payment/PaymentGateway.java:");
    CliRun unknown = CliRun.of("analyze", "--no-dependency-jars", "--explain", "GET /nope", "fixtures/rest-orders-switch");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("No route GET /nope");
  }
}
