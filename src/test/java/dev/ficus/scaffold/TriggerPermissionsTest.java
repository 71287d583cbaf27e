package dev.ficus.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ficus.scaffold.TriggerPermissions.Entry;
import dev.ficus.scaffold.TriggerPermissions.Grant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table of what SAM grants per event type: facts that match SAM's own schema. */
class TriggerPermissionsTest {

  private static final List<Path> SCHEMA_CANDIDATES =
      List.of(Path.of("../shared/data/sam.schema.json"), Path.of("../../shared/data/sam.schema.json"));

  @Test
  void pullSourcesGetAManagedPolicyAndPushSourcesAPermission() {
    TriggerPermissions table = TriggerPermissions.builtIn();
    Entry sqs = table.of("SQS").orElseThrow();
    assertThat(sqs.grant()).isEqualTo(Grant.ROLE);
    assertThat(sqs.managedPolicy()).isEqualTo("service-role/AWSLambdaSQSQueueExecutionRole");
    assertThat(sqs.actions()).contains("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");
    assertThat(sqs.caveats()).anyMatch(c -> c.contains("kms:Decrypt"));
    assertThat(table.of("Kinesis").orElseThrow().actions()).contains("kinesis:GetRecords", "kinesis:GetShardIterator");
    assertThat(table.of("DynamoDB").orElseThrow().actions()).contains("dynamodb:GetRecords", "dynamodb:GetShardIterator");
    for (String push : List.of("SNS", "S3", "EventBridgeRule", "CloudWatchEvent", "Schedule")) {
      Entry entry = table.of(push).orElseThrow();
      assertThat(entry.grant()).as(push).isEqualTo(Grant.PERMISSION);
      assertThat(entry.actions()).as(push).isEmpty();
      assertThat(entry.principal()).as(push).endsWith(".amazonaws.com");
    }
    assertThat(table.of("s3").orElseThrow().overlap()).isEqualTo(TriggerPermissions.Overlap.SWITCH);
    assertThat(table.of("MSK")).isEmpty();
    assertThat(sqs.property("batchSize")).contains("BatchSize");
  }

  @Test
  void everyEventTypeAndPropertyIsOneOfSamsSchema() throws Exception {
    Path schemaFile = SCHEMA_CANDIDATES.stream().filter(Files::exists).findFirst().orElse(null);
    assumeTrue(schemaFile != null, "Skipped: the SAM schema is not at ../shared/data/ beside the project.");
    JsonNode definitions = new ObjectMapper().readTree(schemaFile.toFile()).get("definitions");
    List<String> checked = new ArrayList<>();
    for (Entry entry : TriggerPermissions.builtIn().all()) {
      JsonNode properties = null;
      for (Iterator<Map.Entry<String, JsonNode>> it = definitions.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> d = it.next();
        String name = d.getKey();
        boolean function = !name.contains("statemachine");
        if (function && (name.endsWith("__" + entry.kind() + "EventProperties") || name.equals(entry.kind() + "EventProperties")
            || name.endsWith("__" + entry.kind() + "Properties"))) {
          properties = d.getValue().get("properties");
        }
      }
      assertThat(properties).as("SAM's schema has the event type " + entry.kind()).isNotNull();
      if (entry.target() != null) {
        assertThat(properties.has(entry.target())).as(entry.kind() + "." + entry.target()).isTrue();
      }
      for (String property : entry.properties().keySet()) {
        assertThat(properties.has(property)).as(entry.kind() + "." + property).isTrue();
      }
      checked.add(entry.kind());
    }
    assertThat(checked).contains("SQS", "S3", "SNS", "Kinesis", "DynamoDB", "Schedule", "EventBridgeRule");
  }
}
