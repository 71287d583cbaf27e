package dev.ficus.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ficus.lint.Rules;
import dev.ficus.model.Analysis;
import dev.ficus.model.Diagnostic;
import dev.ficus.model.Finding;
import dev.ficus.model.Severity;
import dev.ficus.model.SourceRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportTest {

  /** The shared reference data sits beside the project (one level further up from a worktree). */
  private static final List<Path> SCHEMA_CANDIDATES =
      List.of(
          Path.of("../shared/data/sarif-schema-2.1.0.json"),
          Path.of("../../shared/data/sarif-schema-2.1.0.json"));

  private static final Analysis ANALYSIS =
      new Analysis(
          List.of(),
          List.of(),
          List.of(
              new Finding(
                  "lambda-calls-lambda",
                  Severity.WARNING,
                  "`Orders#price` synchronously invokes (RequestResponse) function `Pricing`.",
                  SourceRef.of("src/main/java/com/acme/Orders.java", 12),
                  "OrdersFunction",
                  "GET /orders",
                  "Put an SQS queue between the two functions."),
              new Finding(
                  "recursive-invocation",
                  Severity.ERROR,
                  "`Thumbnailer` writes to bucket `Images`.",
                  SourceRef.of("template.yaml", 0),
                  "Thumbnailer",
                  null,
                  "Write to a separate resource.")),
          List.of(Diagnostic.warning("parse-error", "Cannot parse Broken.java.", SourceRef.of("src/main/java/Broken.java", 3))));

  @Test
  void theReportValidatesAgainstTheSarifSchema() throws Exception {
    Path schemaFile = SCHEMA_CANDIDATES.stream().filter(Files::exists).findFirst().orElse(null);
    assumeTrue(
        schemaFile != null,
        "Skipped: the SARIF 2.1.0 schema is not at ../shared/data/ beside the project (a user's own"
            + " clone has no shared reference data).");
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
            .getSchema(Files.readString(schemaFile, StandardCharsets.UTF_8), InputFormat.JSON);
    String sarif = SarifReport.render(ANALYSIS, Rules.builtIn());
    List<Error> errors = schema.validate(sarif, InputFormat.JSON);
    assertThat(errors).extracting(Error::toString).isEmpty();
    // The check can fail: a result without a message is not SARIF.
    String broken = sarif.replaceFirst("\"message\" : \\{[^}]*}", "\"message\" : 1");
    assertThat(broken).isNotEqualTo(sarif);
    assertThat(schema.validate(broken, InputFormat.JSON)).isNotEmpty();
  }

  @Test
  void resultsPointIntoTheRepositoryAndRulesLinkToTheirDocs() throws Exception {
    JsonNode root = new ObjectMapper().readTree(SarifReport.render(ANALYSIS, Rules.builtIn()));
    assertThat(root.get("version").asText()).isEqualTo("2.1.0");
    JsonNode run = root.get("runs").get(0);
    JsonNode rules = run.get("tool").get("driver").get("rules");
    assertThat(rules).hasSize(5);
    JsonNode callsLambda = rules.get(3);
    assertThat(callsLambda.get("id").asText()).isEqualTo("lambda-calls-lambda");
    assertThat(callsLambda.get("name").asText()).isEqualTo("LambdaCallsLambda");
    assertThat(callsLambda.get("helpUri").asText())
        .isEqualTo("https://github.com/ficus-dev/ficus/blob/main/docs/rules/lambda-calls-lambda.md");
    assertThat(callsLambda.get("defaultConfiguration").get("level").asText()).isEqualTo("warning");

    JsonNode first = run.get("results").get(0);
    assertThat(first.get("ruleId").asText()).isEqualTo("lambda-calls-lambda");
    assertThat(first.get("ruleIndex").asInt()).isEqualTo(3);
    assertThat(first.get("level").asText()).isEqualTo("warning");
    JsonNode location = first.get("locations").get(0).get("physicalLocation");
    assertThat(location.get("artifactLocation").get("uri").asText()).isEqualTo("src/main/java/com/acme/Orders.java");
    assertThat(location.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(location.get("region").get("startLine").asInt()).isEqualTo(12);
    assertThat(first.get("partialFingerprints").get("ficusFingerprint/v1").asText()).hasSize(32);

    JsonNode second = run.get("results").get(1);
    assertThat(second.get("level").asText()).isEqualTo("error");
    assertThat(second.get("locations").get(0).get("physicalLocation").has("region")).isFalse();
  }

  @Test
  void theSameAnalysisGivesTheSameBytes() {
    assertThat(SarifReport.render(ANALYSIS, Rules.builtIn()))
        .isEqualTo(SarifReport.render(ANALYSIS, Rules.builtIn()));
  }
}
