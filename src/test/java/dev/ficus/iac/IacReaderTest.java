package dev.ficus.iac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Severity;
import dev.ficus.testing.TestRepo;
import org.junit.jupiter.api.Test;

class IacReaderTest {

  @Test
  void readsEveryDialectOfTheRepositoryIntoOneSortedModel() {
    var loaded =
        TestRepo.create()
            .file(
                "template.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  SamFn:
                    Type: AWS::Serverless::Function
                    Properties: {Runtime: java21, Handler: com.acme.Sam}
                """)
            .file(
                "legacy/serverless.yml",
                """
                service: legacy
                provider: {name: aws, runtime: java11}
                functions:
                  legacyFn: {handler: com.acme.Legacy}
                """)
            .java(
                "com/acme/infra/Infra.java",
                """
                package com.acme.infra;

                import software.amazon.awscdk.Stack;
                import software.amazon.awscdk.services.lambda.Function;

                class Infra extends Stack {
                  Infra() {
                    Function.Builder.create(this, "CdkFn").handler("com.acme.Cdk").build();
                  }
                }
                """)
            .load();

    assertThat(loaded.iac().functions())
        .extracting(LambdaFunction::logicalId, LambdaFunction::iac)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CdkFn", "cdk"),
            org.assertj.core.groups.Tuple.tuple("SamFn", "sam"),
            org.assertj.core.groups.Tuple.tuple("legacyFn", "serverless"));
    assertThat(loaded.iac().files())
        .containsExactly(
            "legacy/serverless.yml", "src/main/java/com/acme/infra/Infra.java", "template.yaml");
    assertThat(loaded.iac().functionsForClass("com.acme.Legacy")).hasSize(1);
  }

  @Test
  void hugeFilesAreSkippedWithANote() {
    String big = "Resources:\n" + "# padding line to make the file large\n".repeat(150_000);
    var loaded = TestRepo.create().file("huge.yaml", big).load();

    assertThat(loaded.diagnostics().sorted())
        .extracting(d -> d.severity() + " " + d.code() + " " + d.source())
        .containsExactly(Severity.NOTE + " iac-file-too-large huge.yaml");
  }

  @Test
  void sameInputGivesTheSameModel() {
    TestRepo repo =
        TestRepo.create()
            .file(
                "b.yaml",
                """
                Resources:
                  Fn: {Type: AWS::Lambda::Function, Properties: {Handler: com.acme.B, Runtime: java21}}
                  T: {Type: AWS::DynamoDB::Table}
                """)
            .file(
                "a.yaml",
                """
                Resources:
                  Fn: {Type: AWS::Lambda::Function, Properties: {Handler: com.acme.A, Runtime: java21}}
                  T: {Type: AWS::DynamoDB::Table}
                """);

    assertThat(repo.load().iac()).isEqualTo(repo.load().iac());
    assertThat(repo.load().iac().functions())
        .extracting(LambdaFunction::logicalId)
        .containsExactly("Fn", "b.yaml#Fn");
    assertThat(repo.load().iac().resources())
        .extracting(r -> r.logicalId())
        .containsExactly("T", "b.yaml#T");
  }

  @Test
  void sameConstructIdInTwoStacksOfOneFileStaysApart() {
    var loaded =
        TestRepo.create()
            .java(
                "com/acme/infra/Stacks.java",
                """
                package com.acme.infra;

                import software.amazon.awscdk.Stack;
                import software.amazon.awscdk.services.lambda.Function;

                class Stacks {
                  static class Blue extends Stack {
                    Blue() {
                      Function.Builder.create(this, "Handler").handler("com.acme.Blue").build();
                    }
                  }

                  static class Green extends Stack {
                    Green() {
                      Function.Builder.create(this, "Handler").handler("com.acme.Green").build();
                    }
                  }
                }
                """)
            .load();

    assertThat(loaded.iac().functions())
        .extracting(LambdaFunction::logicalId, LambdaFunction::handlerClass)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Handler", "com.acme.Blue"),
            org.assertj.core.groups.Tuple.tuple(
                "src/main/java/com/acme/infra/Stacks.java#Handler", "com.acme.Green"));
    assertThat(loaded.diagnostics().sorted())
        .extracting(d -> d.code() + " " + d.source())
        .containsExactly("iac-duplicate-id src/main/java/com/acme/infra/Stacks.java:15");
  }
}
