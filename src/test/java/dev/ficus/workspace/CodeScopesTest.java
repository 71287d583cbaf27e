package dev.ficus.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ficus.model.Diagnostic;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Severity;
import dev.ficus.testing.TestRepo;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which folder a function's code is built from, and what each folder's analysis sees. */
class CodeScopesTest {

  private static final String APP = """
      package app;

      public class App {
        public String handleRequest(String in) { return in; }
      }
      """;

  private static String samFunction(String id, String codeUri) {
    return """
          %s:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: %s
              Handler: app.App::handleRequest
              Runtime: java21
        """.formatted(id, codeUri);
  }

  private static String template(String... functions) {
    return "Transform: AWS::Serverless-2016-10-31\nResources:\n" + String.join("", functions);
  }

  private static Map<String, String> folders(TestRepo.Loaded repo) {
    Map<String, String> out = new TreeMap<>();
    for (LambdaFunction f : repo.iac().functions()) {
      out.put(f.logicalId(), CodeScopes.folderOf(f, repo.workspace()));
    }
    return out;
  }

  @Test
  void codeUriIsAFolderRelativeToTheTemplate() {
    TestRepo.Loaded repo = TestRepo.create()
        .file("infra/template.yaml", template(
            samFunction("Read", "../functions/read"),      // a folder beside the template's
            samFunction("Write", "../functions/write/target/write-1.0.jar"), // built from its folder
            samFunction("Whole", "."),                      // the template's folder: no Java there
            samFunction("Remote", "s3://bucket/read.zip"),
            samFunction("Missing", "../functions/gone"),    // no such folder: the whole repository
            samFunction("Outside", "../../elsewhere")))
        .file("functions/read/src/main/java/app/App.java", APP)
        .file("functions/write/src/main/java/app/App.java", APP)
        .load();

    assertThat(folders(repo))
        .containsExactly(
            Map.entry("Missing", ""),
            Map.entry("Outside", ""),
            Map.entry("Read", "functions/read"),
            Map.entry("Remote", ""),
            Map.entry("Whole", ""),
            Map.entry("Write", "functions/write"));
  }

  @Test
  void anArtifactInABuiltOutputFolderComesFromTheFolderAboveIt() {
    TestRepo.Loaded repo = TestRepo.create()
        .file("template.yaml", template(samFunction("Read", "ReadFunction/target/read.jar")))
        .file("ReadFunction/target/read.jar", "not really a jar")
        .file("ReadFunction/src/main/java/app/App.java", APP)
        .load();

    assertThat(folders(repo)).containsExactly(Map.entry("Read", "ReadFunction"));
  }

  @Test
  void serverlessArtifactIsReadRelativeToItsFile() {
    TestRepo.Loaded repo = TestRepo.create()
        .file("services/orders/serverless.yml", """
            service: orders
            provider:
              name: aws
              runtime: java21
            package:
              artifact: target/orders-1.0.jar
            functions:
              api:
                handler: app.App::handleRequest
            """)
        .file("services/orders/src/main/java/app/App.java", APP)
        .file("services/users/src/main/java/app/Users.java", "package app;\nclass Users {}\n")
        .load();

    assertThat(folders(repo)).containsExactly(Map.entry("api", "services/orders"));
  }

  @Test
  void cdkAssetIsReadRelativeToTheCdkApp() {
    TestRepo.Loaded repo = TestRepo.create()
        .file("infra/cdk.json", "{\"app\": \"mvn -e -q compile exec:java\"}")
        .file("infra/src/main/java/com/acme/infra/Api.java", """
            package com.acme.infra;

            import software.amazon.awscdk.Stack;
            import software.amazon.awscdk.services.lambda.Code;
            import software.amazon.awscdk.services.lambda.Function;
            import software.amazon.awscdk.services.lambda.Runtime;
            import software.constructs.Construct;

            public class Api extends Stack {
              public Api(final Construct scope, final String id) {
                super(scope, id);
                Function.Builder.create(this, "Read")
                    .runtime(Runtime.JAVA_21)
                    .handler("app.App::handleRequest")
                    .code(Code.fromAsset("../software/read/target/read.jar"))
                    .build();
              }
            }
            """)
        .file("software/read/src/main/java/app/App.java", APP)
        .load();

    assertThat(folders(repo)).containsExactly(Map.entry("Read", "software/read"));
  }

  @Test
  void aSingleCodeFolderKeepsTheWholeWorkspace() {
    TestRepo.Loaded repo = TestRepo.create()
        .file("template.yaml", template(samFunction("Api", ".")))
        .java("app/App.java", APP)
        .java("app/Helper.java", "package app;\nclass Helper {}\n")
        .load();

    CodeScopes scopes = CodeScopes.of(repo.workspace(), repo.iac().functions());

    assertThat(scopes.all()).hasSize(1);
    assertThat(scopes.all().get(0).workspace()).isSameAs(repo.workspace());
    assertThat(scopes.all().get(0).functions()).containsExactly("Api");
    assertThat(repo.diagnostics().sorted()).isEmpty();
  }

  @Test
  void eachFolderSeesItsOwnCodeAndTheSharedCodeButNotItsNeighbours() {
    TestRepo.Loaded repo = TestRepo.create()
        .file("template.yaml", template(samFunction("Read", "ReadFunction"), samFunction("Write", "WriteFunction")))
        .file("ReadFunction/src/main/java/app/App.java", APP)
        .file("ReadFunction/src/main/java/app/ReadOnly.java", "package app;\nclass ReadOnly {}\n")
        .file("WriteFunction/src/main/java/app/App.java", APP)
        .file("common/src/main/java/app/Shared.java", "package app;\nclass Shared {}\n")
        .load();

    CodeScopes scopes = CodeScopes.of(repo.workspace(), repo.iac().functions());

    assertThat(scopes.all())
        .extracting(
            CodeScopes.Scope::folder,
            s -> s.workspace().sources().stream().map(JavaSource::file).toList(),
            s -> s.workspace().findType("app.App").map(t -> s.workspace().ref(t).file()).orElseThrow())
        .containsExactly(
            tuple("ReadFunction",
                java.util.List.of(
                    "ReadFunction/src/main/java/app/App.java",
                    "ReadFunction/src/main/java/app/ReadOnly.java",
                    "common/src/main/java/app/Shared.java"),
                "ReadFunction/src/main/java/app/App.java"),
            tuple("WriteFunction",
                java.util.List.of(
                    "WriteFunction/src/main/java/app/App.java",
                    "common/src/main/java/app/Shared.java"),
                "WriteFunction/src/main/java/app/App.java"));
    assertThat(scopes.ofFunction("Write").folder()).isEqualTo("WriteFunction");
    assertThat(scopes.ofFile("common/src/main/java/app/Shared.java").folder()).isEqualTo("ReadFunction");
    assertThat(repo.diagnostics().sorted()).isEmpty();
  }

  @Test
  void aNameNoCodeUriTellsApartIsReportedWithTheFileAnalyzed() {
    TestRepo.Loaded repo = TestRepo.create()
        .file("ReadFunction/src/main/java/app/App.java", APP)
        .file("WriteFunction/src/main/java/app/App.java", APP)
        .load();

    CodeScopes scopes = CodeScopes.of(repo.workspace(), repo.iac().functions());

    assertThat(scopes.all()).hasSize(1);
    assertThat(repo.workspace().types().declarations("app.App")).hasSize(2);
    assertThat(repo.diagnostics().sorted())
        .extracting(Diagnostic::severity, Diagnostic::code, Diagnostic::message, d -> d.source().toString())
        .containsExactly(
            tuple(
                Severity.WARNING,
                "ambiguous-type",
                "app.App is declared in 2 files (ReadFunction/src/main/java/app/App.java,"
                    + " WriteFunction/src/main/java/app/App.java) and no function's CodeUri tells which"
                    + " one is meant; ficus analyzed ReadFunction/src/main/java/app/App.java.",
                "ReadFunction/src/main/java/app/App.java:3"));
  }
}
