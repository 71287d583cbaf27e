package dev.ficus.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.testing.CliRun;
import dev.ficus.testing.TestRepo;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus: for each kind of broken, odd or hostile input, every command (analyze as
 * text, JSON and SARIF, plan) runs through the CLI entry point and gives no stack trace, a
 * diagnostic with a stable code, the documented exit code (docs/cli.md), and still does what could
 * be done: the routes of the good files beside the bad one are found. docs/robustness.md lists
 * the same cases for users.
 */
class BadInputCorpusTest {

  @TempDir Path temp;

  /** The good part of every repository below: one lambdalith with two routes and its template. */
  static TestRepo good() {
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
                  case "POST /orders": return ok("{}");
                  default: return new APIGatewayProxyResponseEvent().withStatusCode(404);
                }
              }

              private APIGatewayProxyResponseEvent ok(String body) {
                return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody(body);
              }
            }
            """)
        .file("template.yaml", """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              ApiFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: com.acme.ApiHandler::handleRequest
                  Runtime: java17
                  Events:
                    List:
                      Type: Api
                      Properties: {Path: /orders, Method: get}
                    Create:
                      Type: Api
                      Properties: {Path: /orders, Method: post}
            """);
  }

  private Path repo(TestRepo repo) {
    return repo.writeTo(temp.resolve("repo"));
  }

  private static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  private static Path javaFile(Path repo, String name) {
    return repo.resolve("src/main/java/com/acme/" + name);
  }

  /** The good routes are still found, and plan still plans them. */
  private static void goodRoutesFound(Runs runs) {
    assertThat(runs.routeIds()).contains("GET /orders", "POST /orders");
    assertThat(runs.text().out()).containsPattern("GET +/orders ").containsPattern("POST +/orders ");
    assertThat(runs.plan().exitCode()).as(runs.plan().err()).isZero();
    assertThat(runs.plan().out()).contains("`GET /orders`").contains("`POST /orders`");
  }

  private static void diagnosed(Runs runs, String code, String file) {
    assertThat(runs.diagnosticCodes()).contains(code);
    assertThat(runs.sarifNotificationCodes()).contains(code);
    if (file != null) {
      assertThat(runs.diagnostic(code).at("/source/file").asText()).isEqualTo(file);
    }
  }

  @Test
  void theGoodRepositoryAloneIsCleanAndExitsZero() {
    Runs runs = Runs.of(repo(good()));
    assertThat(runs.analyzeExitCode()).isZero();
    assertThat(runs.routeIds()).containsExactly("GET /orders", "POST /orders");
    assertThat(runs.diagnosticCodes()).isEmpty();
    goodRoutesFound(runs);
  }

  @Test
  void aSyntaxErrorSkipsThatFileWithItsLine() {
    Path repo = repo(good().java("com/acme/Broken.java", """
        package com.acme;

        class Broken {
          void half( {
        }
        """));
    Runs runs = Runs.of(repo);
    assertThat(runs.analyzeExitCode()).isZero();
    diagnosed(runs, "parse-error", "src/main/java/com/acme/Broken.java");
    assertThat(runs.diagnostic("parse-error").at("/source/line").asInt()).isEqualTo(4);
    assertThat(runs.diagnostic("parse-error").get("severity").asText()).isEqualTo("error");
    goodRoutesFound(runs);
  }

  @Test
  void aBinaryFileNamedJavaIsSkipped() throws Exception {
    Path repo = repo(good());
    write(javaFile(repo, "Blob.java"), new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 1});
    byte[] noise = new byte[4096];
    new java.util.Random(7).nextBytes(noise);
    noise[100] = 0;
    write(javaFile(repo, "Noise.java"), noise);
    Runs runs = Runs.of(repo);
    assertThat(runs.analyzeExitCode()).isZero();
    diagnosed(runs, "not-java-source", null);
    assertThat(runs.report().get("diagnostics").findValuesAsText("file"))
        .contains("src/main/java/com/acme/Blob.java", "src/main/java/com/acme/Noise.java");
    goodRoutesFound(runs);
  }

  @Test
  void aFiftyThousandLineGeneratedFileIsAnalyzed() throws Exception {
    Path repo = repo(good());
    StringBuilder big = new StringBuilder("package com.acme;\n\n/** Generated. */\npublic final class Generated {\n");
    int lines = 5;
    for (int i = 0; lines < 50_000 - 1; i++) {
      big.append("  static int value").append(i).append("(int x) {\n")
          .append("    int y = x * ").append(i).append(";\n")
          .append("    return y + value").append(i == 0 ? 0 : i - 1).append("Seed;\n")
          .append("  }\n")
          .append("  static final int value").append(i).append("Seed = ").append(i).append(";\n");
      lines += 5;
    }
    big.append("}\n");
    Files.writeString(javaFile(repo, "Generated.java"), big);
    assertThat(big.toString().lines().count()).isGreaterThanOrEqualTo(50_000);
    Runs runs = Runs.of(repo);
    assertThat(runs.analyzeExitCode()).isZero();
    assertThat(runs.diagnosticCodes()).isEmpty();
    goodRoutesFound(runs);
  }

  @Test
  void threeThousandNestedParenthesesDoNotOverflowTheStack() throws Exception {
    Path repo = repo(good());
    String deep = "(".repeat(3000) + "1" + ")".repeat(3000);
    Files.writeString(javaFile(repo, "DeepParens.java"),
        "package com.acme;\nclass DeepParens {\n  int x = " + deep + ";\n}\n");
    Runs runs = Runs.of(repo);
    assertThat(runs.analyzeExitCode()).isZero();
    assertThat(runs.diagnosticCodes()).isEmpty();
    goodRoutesFound(runs);
  }

  @Test
  void threeThousandNestedBlocksDoNotOverflowTheStack() throws Exception {
    Path repo = repo(good());
    String deep = "{ ".repeat(3000) + "x++; " + "} ".repeat(3000);
    Files.writeString(javaFile(repo, "DeepBlocks.java"),
        "package com.acme;\nclass DeepBlocks {\n  int x;\n  void run() " + deep + "\n}\n");
    Runs runs = Runs.of(repo);
    assertThat(runs.analyzeExitCode()).isZero();
    assertThat(runs.diagnosticCodes()).isEmpty();
    goodRoutesFound(runs);
  }

  @Test
  void aThreeThousandBranchElseIfChainDoesNotOverflowTheStack() throws Exception {
    Path repo = repo(good());
    StringBuilder chain = new StringBuilder("    if (k == 0) { return 0; }\n");
    for (int i = 1; i < 3000; i++) {
      chain.append("    else if (k == ").append(i).append(") { return ").append(i).append("; }\n");
    }
    Files.writeString(javaFile(repo, "DeepIf.java"),
        "package com.acme;\nclass DeepIf {\n  int pick(int k) {\n" + chain + "    return -1;\n  }\n}\n");
    Runs runs = Runs.of(repo);
    assertThat(runs.analyzeExitCode()).isZero();
    assertThat(runs.diagnosticCodes()).isEmpty();
    goodRoutesFound(runs);
  }

  @Test
  void aGeneratedDispatcherWithThreeThousandElseIfRoutesDoesNotOverflowTheStack() throws Exception {
    Path repo = repo(good());
    generatedDispatcher(repo);
    Runs runs = Runs.of(repo);
    assertThat(runs.analyzeExitCode()).isZero();
    assertThat(runs.diagnosticCodes()).doesNotContain("parse-error");
    goodRoutesFound(runs);
    // The file parses and the CLI runs on a deep stack, so nothing overflows; no IaC deploys the
    // generated dispatcher, and the report says it was left alone.
    assertThat(runs.diagnosticCodes()).doesNotContain("dispatch-failed");
    assertThat(runs.diagnostic("dispatch-not-deployed").at("/source/file").asText())
        .isEqualTo("src/main/java/com/acme/GeneratedHandler.java");
  }

  @Test
  void aDeployedGeneratedDispatcherWithThreeThousandElseIfRoutesDoesNotCrash() throws Exception {
    Path repo = repo(good());
    generatedDispatcher(repo);
    Files.writeString(repo.resolve("generated.yaml"), """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          GeneratedFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: com.acme.GeneratedHandler::handleRequest
              Events:
                All:
                  Type: Api
                  Properties:
                    Path: /{proxy+}
                    Method: any
        """);
    Runs runs = Runs.of(repo);
    assertThat(runs.analyzeExitCode()).isZero();
    goodRoutesFound(runs);
    // An else-if chain over one variable is looked up, not run test by test for each candidate
    // route: every generated route is found, in seconds rather than minutes.
    assertThat(runs.routeIds()).hasSize(3002).contains("ANY /r0", "ANY /r404", "ANY /r2999");
    assertThat(runs.diagnosticCodes()).doesNotContain("dispatch-failed");
  }

  /**
   * A handler whose dispatch is one else-if per route, 3,000 of them, as generators write it. The
   * bodies are not bare numbers: a branch whose text holds a 4xx or 5xx number reads as an error
   * answer (404, 405), not a route.
   */
  private static void generatedDispatcher(Path repo) throws IOException {
    StringBuilder chain = new StringBuilder("    if (\"/r0\".equals(path)) { return ok(\"r0\"); }\n");
    for (int i = 1; i < 3000; i++) {
      chain.append("    else if (\"/r").append(i).append("\".equals(path)) { return ok(\"r").append(i).append("\"); }\n");
    }
    Files.writeString(javaFile(repo, "GeneratedHandler.java"), """
        package com.acme;

        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;
        import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
        import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

        public class GeneratedHandler
            implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
          @Override
          public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
            String path = event.getPath();
        %s    return new APIGatewayProxyResponseEvent().withStatusCode(404);
          }

          private APIGatewayProxyResponseEvent ok(String body) {
            return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody(body);
          }
        }
        """.formatted(chain));
  }

  @Test
  void aSymbolicLinkLoopIsSkipped() throws Exception {
    Path repo = repo(good());
    Files.createSymbolicLink(repo.resolve("src/main/java/com/acme/loop"), repo.resolve("src/main/java/com"));
    Runs runs = Runs.of(repo);
    assertThat(runs.analyzeExitCode()).isZero();
    diagnosed(runs, "symlink-loop", "src/main/java/com/acme/loop");
    goodRoutesFound(runs);
  }

  @Test
  void aDanglingSymbolicLinkIsIgnored() throws Exception {
    Path repo = repo(good());
    Files.createSymbolicLink(javaFile(repo, "Gone.java"), repo.resolve("nowhere/Gone.java"));
    Runs runs = Runs.of(repo);
    assertThat(runs.analyzeExitCode()).isZero();
    assertThat(runs.diagnosticCodes()).isEmpty();
    goodRoutesFound(runs);
  }

  @Test
  void anUnreadableFileIsSkipped() throws Exception {
    Path repo = repo(good().java("com/acme/Secret.java", "package com.acme; class Secret {}"));
    Path secret = javaFile(repo, "Secret.java");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    // Permissions do not apply to root: the file stays readable, and there is nothing to test.
    assumeFalse(Files.isReadable(secret), "running as root, permissions do not apply");
    try {
      Runs runs = Runs.of(repo);
      assertThat(runs.analyzeExitCode()).isZero();
      diagnosed(runs, "unreadable-file", "src/main/java/com/acme/Secret.java");
      goodRoutesFound(runs);
    } finally {
      Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void anUnreadableFolderIsSkipped() throws Exception {
    Path repo = repo(good().java("com/acme/hidden/Hidden.java", "package com.acme.hidden; class Hidden {}"));
    Path hidden = repo.resolve("src/main/java/com/acme/hidden");
    Files.setPosixFilePermissions(hidden, PosixFilePermissions.fromString("---------"));
    assumeTrue(!Files.isReadable(hidden), "running as root, permissions do not apply");
    try {
      Runs runs = Runs.of(repo);
      assertThat(runs.analyzeExitCode()).isZero();
      diagnosed(runs, "unreadable-file", "src/main/java/com/acme/hidden");
      goodRoutesFound(runs);
    } finally {
      Files.setPosixFilePermissions(hidden, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void latin1SourcesAreReadWithANote() throws Exception {
    Path repo = repo(good());
    write(javaFile(repo, "Caf\u00e9.java"),
        "package com.acme;\n// cr\u00e8me br\u00fbl\u00e9e\nclass Cafe { String s = \"\u00e9\"; }\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    Runs runs = Runs.of(repo);
    assertThat(runs.analyzeExitCode()).isZero();
    diagnosed(runs, "encoding", "src/main/java/com/acme/Caf\u00e9.java");
    assertThat(runs.diagnostic("encoding").get("severity").asText()).isEqualTo("note");
    goodRoutesFound(runs);
  }

  @Test
  void aByteOrderMarkAndCrlfLineEndingsChangeNothing() throws Exception {
    Path repo = repo(good());
    Path handler = javaFile(repo, "ApiHandler.java");
    String crlf = Files.readString(handler).replace("\n", "\r\n");
    byte[] body = crlf.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    Files.write(handler, withBom);
    Path template = repo.resolve("template.yaml");
    Files.writeString(template, Files.readString(template).replace("\n", "\r\n"));
    Runs runs = Runs.of(repo);
    assertThat(runs.analyzeExitCode()).isZero();
    assertThat(runs.diagnosticCodes()).isEmpty();
    goodRoutesFound(runs);
    // Lines are counted the same with CRLF: "case \"GET /orders\"" is on line 15.
    assertThat(runs.report().at("/routes/0/source/line").asInt()).isEqualTo(15);
    assertThat(runs.report().at("/functions/0/logicalId").asText()).isEqualTo("ApiFunction");
  }

  @Test
  void anEmptyRepositoryIsExitCodeThreeWithAReport() throws Exception {
    Path repo = Files.createDirectories(temp.resolve("empty"));
    Runs runs = Runs.of(repo);
    assertThat(runs.analyzeExitCode()).isEqualTo(3);
    assertThat(runs.diagnosticCodes()).containsExactly("no-java-sources");
    assertThat(runs.text().err().strip()).isEqualTo("ficus: No Java sources found in " + repo + ".");
    assertThat(runs.plan().exitCode()).isEqualTo(3);
    assertThat(runs.plan().err()).contains("No Java sources found");
  }

  @Test
  void aRepositoryWithNoHandlerIsExitCodeThreeWithAReport() {
    Path repo = repo(TestRepo.create().java("com/acme/util/Strings.java", """
        package com.acme.util;
        public final class Strings {
          public static String trim(String s) { return s == null ? "" : s.trim(); }
        }
        """));
    Runs runs = Runs.of(repo);
    assertThat(runs.analyzeExitCode()).isEqualTo(3);
    assertThat(runs.routeIds()).isEmpty();
    assertThat(runs.diagnosticCodes()).isEmpty();
    assertThat(runs.text().err()).contains("No Lambda entry point or API route found");
    assertThat(runs.plan().exitCode()).isEqualTo(3);
    assertThat(runs.plan().err()).contains("nothing to plan");
  }

  @Test
  void aSamTemplateThatIsNotYamlIsAnErrorAndTheCodeIsStillAnalyzed() throws Exception {
    Path repo = repo(good());
    Files.writeString(repo.resolve("template.yaml"), """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          ApiFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: com.acme.ApiHandler::handleRequest
             Runtime: java17
              Events: [unclosed
        """);
    Runs runs = Runs.of(repo);
    assertThat(runs.analyzeExitCode()).isZero();
    diagnosed(runs, "iac-parse-error", "template.yaml");
    assertThat(runs.diagnostic("iac-parse-error").at("/source/line").asInt()).isPositive();
    goodRoutesFound(runs);
  }

  @Test
  void aTemplateOfTheWrongShapeIsReadAsFarAsItGoes() throws Exception {
    Path repo = repo(good());
    Files.writeString(repo.resolve("template.yaml"), """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Globals: [not, a, map]
        Parameters: 42
        Resources:
          ApiFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: com.acme.ApiHandler::handleRequest
              Environment: just text
              Policies: {Statement: 7}
              Events:
                List: not-an-event
                Create:
                  Type: Api
                  Properties: [1, 2]
                Third:
                  Type: Api
                  Properties: {Path: {nested: map}, Method: [get]}
          Table:
            Type: [AWS::DynamoDB::Table]
          Nothing:
          Queue: !Ref
        Outputs: ~
        """);
    Runs runs = Runs.of(repo);
    assertThat(runs.analyzeExitCode()).isZero();
    assertThat(runs.report().at("/functions/0/logicalId").asText()).isEqualTo("ApiFunction");
    goodRoutesFound(runs);
  }

  @Test
  void aYamlAliasBombIsRefusedAndTheRestIsRead() throws Exception {
    Path repo = repo(good());
    StringBuilder bomb = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\nMetadata:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 12; i++) {
      bomb.append("  a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    bomb.append("Resources: {}\n");
    Files.createDirectories(repo.resolve("infra"));
    Files.writeString(repo.resolve("infra/bomb.yaml"), bomb);
    Runs runs = Runs.of(repo);
    assertThat(runs.analyzeExitCode()).isZero();
    diagnosed(runs, "iac-parse-error", "infra/bomb.yaml");
    goodRoutesFound(runs);
  }

  @Test
  void deeplyNestedYamlAndJsonTemplatesAreRefusedAndTheRestIsRead() throws Exception {
    Path repo = repo(good());
    Files.createDirectories(repo.resolve("infra"));
    Files.writeString(repo.resolve("infra/deep.yaml"),
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  X: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
    Files.writeString(repo.resolve("infra/deep.json"),
        "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": " + "[".repeat(20_000) + "]".repeat(20_000) + "}\n");
    Runs runs = Runs.of(repo);
    assertThat(runs.analyzeExitCode()).isZero();
    assertThat(runs.report().get("diagnostics").findValuesAsText("file")).contains("infra/deep.yaml", "infra/deep.json");
    assertThat(runs.diagnosticCodes()).containsOnly("iac-parse-error");
    goodRoutesFound(runs);
  }

  @Test
  void unknownIntrinsicTagsAreWarningsAndTheTemplateIsStillRead() throws Exception {
    Path repo = repo(good());
    Files.writeString(repo.resolve("template.yaml"), """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          ApiFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: com.acme.ApiHandler::handleRequest
              Runtime: !Secret java17
              Environment:
                Variables:
                  TABLE: !Vault {path: orders}
                  OTHER: !!binary aGVsbG8=
              Events:
                List:
                  Type: Api
                  Properties: {Path: /orders, Method: get}
                Create:
                  Type: Api
                  Properties: {Path: /orders, Method: post}
        """);
    Runs runs = Runs.of(repo);
    assertThat(runs.analyzeExitCode()).isZero();
    diagnosed(runs, "iac-unknown-tag", "template.yaml");
    assertThat(runs.report().at("/functions/0/logicalId").asText()).isEqualTo("ApiFunction");
    assertThat(runs.report().at("/functions/0/triggers").size()).isEqualTo(2);
    goodRoutesFound(runs);
  }

  /** Quotes, colons, #, $, backticks, pipes, spaces and non-ASCII letters in route paths. */
  static final String NASTY = "/q'\"a: b #c $d `e` f|g \u00fcn\u00efc\u00f8de";

  @Test
  void routePathsWithYamlAndShellMetacharactersInAnnotationsSurviveEveryFormat() throws Exception {
    Path repo = repo(TestRepo.create().java("com/acme/Nasty.java", """
        package com.acme;

        import org.springframework.web.bind.annotation.GetMapping;
        import org.springframework.web.bind.annotation.RestController;

        @RestController
        class Nasty {
          @GetMapping("%s")
          public String nasty() { return ""; }

          @GetMapping("/plain")
          public String plain() { return ""; }
        }
        """.formatted(NASTY.replace("\\", "\\\\").replace("\"", "\\\""))));
    Runs runs = Runs.of(repo);
    assertThat(runs.routeIds()).contains("GET " + NASTY, "GET /plain");
    assertThat(runs.plan().exitCode()).as(runs.plan().err()).isZero();
    assertMarkdownTablesKeepTheirColumns(runs.plan().out());
    assertPlanJsonReadsBack(repo, "GET " + NASTY);
  }

  @Test
  void routePathsWithYamlAndShellMetacharactersInSamEventsSurviveEveryFormat() throws Exception {
    Path repo = repo(good());
    Files.writeString(repo.resolve("template.yaml"), """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          ApiFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: com.acme.ApiHandler::handleRequest
              Events:
                List:
                  Type: Api
                  Properties: {Path: /orders, Method: get}
                Create:
                  Type: Api
                  Properties: {Path: /orders, Method: post}
                Nasty:
                  Type: Api
                  Properties:
                    Path: "/q'\\"a: b #c $d `e` f|g \u00fcn\u00efc\u00f8de"
                    Method: get
        """);
    // The handler serves the route too, so that it is found in the code and in the template.
    Path handler = javaFile(repo, "ApiHandler.java");
    Files.writeString(handler, Files.readString(handler).replace(
        "      case \"POST /orders\":",
        "      case \"GET " + NASTY.replace("\\", "\\\\").replace("\"", "\\\"") + "\": return ok(\"?\");\n"
            + "      case \"POST /orders\":"));
    Runs runs = Runs.of(repo);
    assertThat(runs.analyzeExitCode()).isZero();
    assertThat(runs.report().at("/functions/0/triggers").findValuesAsText("path")).contains(NASTY);
    assertThat(runs.routeIds()).contains("GET " + NASTY);
    assertThat(runs.diagnosticCodes()).isEmpty();
    goodRoutesFound(runs);
    assertMarkdownTablesKeepTheirColumns(runs.plan().out());
    assertPlanJsonReadsBack(repo, "GET " + NASTY);
  }

  @Test
  void routesWhoseNamesCollideAfterSanitizingGetDistinctValidNames() throws Exception {
    Path repo = repo(TestRepo.create().java("com/acme/Collide.java", """
        package com.acme;

        import org.springframework.web.bind.annotation.GetMapping;
        import org.springframework.web.bind.annotation.RestController;

        @RestController
        class Collide {
          @GetMapping("/a-b") public String dash() { return ""; }
          @GetMapping("/a_b") public String underscore() { return ""; }
          @GetMapping("/a.b") public String dot() { return ""; }
          @GetMapping("/orders") public String lower() { return ""; }
          @GetMapping("/Orders") public String upper() { return ""; }
          @GetMapping("/\u00e9") public String accent() { return ""; }
          @GetMapping("/\u00e8") public String grave() { return ""; }
          @GetMapping("/") public String root() { return ""; }
        }
        """));
    Path out = temp.resolve("out/plan.json");
    CliRun run = CliRun.of("plan", "--no-dependency-jars", "--strategy", "per-route", "-o", out.toString(), repo.toString());
    Runs.assertNoCrash(run);
    assertThat(run.exitCode()).as(run.err()).isZero();
    var plan = Runs.parse(Files.readString(out));
    List<String> functions = plan.findValuesAsText("name").stream().toList();
    List<String> functionNames = new java.util.ArrayList<>();
    List<String> serviceNames = new java.util.ArrayList<>();
    plan.get("services").forEach(s -> {
      serviceNames.add(s.get("name").asText());
      s.get("functions").forEach(f -> functionNames.add(f.get("name").asText()));
    });
    assertThat(functions).isNotEmpty();
    assertThat(functionNames).hasSize(8).doesNotHaveDuplicates()
        .allSatisfy(n -> assertThat(n).matches("[A-Za-z0-9]{1,255}"));
    assertThat(serviceNames).hasSize(8).doesNotHaveDuplicates()
        .allSatisfy(n -> assertThat(n).matches("[a-z0-9]+(-[a-z0-9]+)*").hasSizeLessThanOrEqualTo(64));
    assertPlanJsonReadsBack(repo, "GET /a_b");
  }

  @Test
  void aRoutePathThatClimbsOutOfTheOutputFolderWritesNothingOutsideIt() throws Exception {
    Path repo = repo(TestRepo.create().java("com/acme/Climb.java", """
        package com.acme;

        import org.springframework.web.bind.annotation.GetMapping;
        import org.springframework.web.bind.annotation.RestController;

        @RestController
        class Climb {
          @GetMapping("/../../../escaped") public String up() { return ""; }
          @GetMapping("/..\\\\..\\\\windows") public String back() { return ""; }
        }
        """));
    Path out = Files.createDirectories(temp.resolve("a/b/out"));
    CliRun run = CliRun.of("plan", "--no-dependency-jars", "--strategy", "per-route", "-o", out.resolve("plan.json").toString(), repo.toString());
    Runs.assertNoCrash(run);
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (var files = Files.walk(temp)) {
      assertThat(files.filter(Files::isRegularFile).filter(f -> !f.startsWith(repo)).toList())
          .containsExactlyInAnyOrder(out.resolve("plan.json"), out.resolve("plan.md"));
    }
  }

  @Test
  void anEditedPlanThatIsBrokenIsAUsageErrorThatNamesItsLines() throws Exception {
    Path repo = repo(good());
    Map<String, String> plans = new LinkedHashMap<>();
    plans.put("not-json.json", "{ \"schemaVersion\": 1, ");
    plans.put("empty.json", "");
    plans.put("binary.json", "\u0000\u0001\u00ff");
    plans.put("deep.json", "[".repeat(5_000) + "]".repeat(5_000));
    plans.put("array.json", "[1, 2]");
    plans.put("wrong-shapes.json", """
        {
          "schemaVersion": "one",
          "phaseOrder": 7,
          "weights": "heavy",
          "services": [
            "orders",
            { "name": 12, "functions": "all" },
            { "name": "Bad Name!", "functions": [ 1, null, { "route": 5 }, { "route": "GET /orders", "name": 3 } ] }
          ]
        }
        """);
    for (Map.Entry<String, String> plan : plans.entrySet()) {
      Path file = Files.writeString(temp.resolve(plan.getKey()), plan.getValue());
      CliRun run = CliRun.of("plan", "--no-dependency-jars", "--plan", file.toString(), repo.toString());
      Runs.assertNoCrash(run);
      assertThat(run.exitCode()).as(plan.getKey() + ": " + run.err()).isEqualTo(2);
      assertThat(run.err()).as(plan.getKey()).startsWith("ficus: The plan ").contains(plan.getKey());
    }
    CliRun shapes = CliRun.of("plan", "--no-dependency-jars", "--plan", temp.resolve("wrong-shapes.json").toString(), repo.toString());
    assertThat(shapes.err())
        .contains("wrong-shapes.json line 2: schemaVersion must be 1")
        .contains("wrong-shapes.json line 8: bad service name 'Bad Name!'")
        .contains("route 'POST /orders' is in no service");
  }

  /** Every table row of plan.md has as many cells as its header: no path broke a row apart. */
  static void assertMarkdownTablesKeepTheirColumns(String markdown) {
    int columns = -1;
    for (String line : markdown.lines().toList()) {
      if (!line.startsWith("|")) {
        columns = -1;
        continue;
      }
      int cells = MarkdownTables.cells(line).size();
      if (columns < 0) {
        columns = cells;
      } else {
        assertThat(cells).as("cells of %s", line).isEqualTo(columns);
      }
    }
  }

  /** plan.json written by plan -o is accepted back by plan --plan, with the route in it. */
  private void assertPlanJsonReadsBack(Path repo, String routeId) throws IOException {
    Path dir = Files.createTempDirectory(temp, "plan");
    Path first = dir.resolve("plan.json");
    CliRun write = CliRun.of("plan", "--no-dependency-jars", "-o", first.toString(), repo.toString());
    Runs.assertNoCrash(write);
    assertThat(write.exitCode()).as(write.err()).isZero();
    assertThat(Runs.parse(Files.readString(first)).findValuesAsText("route")).contains(routeId);
    Path second = dir.resolve("again.json");
    CliRun read = CliRun.of("plan", "--no-dependency-jars", "--plan", first.toString(), "-o", second.toString(), repo.toString());
    Runs.assertNoCrash(read);
    assertThat(read.exitCode()).as(read.err()).isZero();
    assertThat(Runs.parse(Files.readString(second)).get("services"))
        .isEqualTo(Runs.parse(Files.readString(first)).get("services"));
  }
}
