package dev.ficus.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.lint.rules.SequentialWaits;
import dev.ficus.model.Finding;
import dev.ficus.testing.TestRepo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequentialWaitsTest {

  private static TestRepo dashboard(String body) {
    return TestRepo.create()
        .java(
            "com/acme/Dashboard.java",
            """
            package com.acme;

            import java.util.Map;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
            import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
            import software.amazon.awssdk.services.s3.S3Client;
            import software.amazon.awssdk.services.ssm.SsmClient;

            public class Dashboard {
              private final DynamoDbClient dynamo = DynamoDbClient.create();
              private final S3Client s3 = S3Client.create();
              private final SsmClient ssm = SsmClient.create();

            %s
            }
            """
                .formatted(body));
  }

  @Test
  void twoIndependentReadsInOnePathAreReported() {
    TestRepo repo =
        dashboard(
            """
              String show(Map<String, AttributeValue> key) {
                GetItemResponse user = dynamo.getItem(b -> b.tableName("users").key(key)); // FINDING: sequential-waits
                String banner = s3.getObjectAsBytes(b -> b.bucket("assets").key("banner.txt")).asUtf8String();
                return user.item() + banner;
              }
            """);
    List<Finding> findings = FindingMarkers.on(repo).check(new SequentialWaits());
    assertThat(findings.get(0).message())
        .isEqualTo(
            "`Dashboard#show` waits for `dynamo.getItem(..)` and then for `s3.getObjectAsBytes(..)`,"
                + " which does not use its result: the two waits add up.");
  }

  @Test
  void aSecondCallThatUsesTheFirstResultIsNotReported() {
    TestRepo repo =
        dashboard(
            """
              String show(Map<String, AttributeValue> key) {
                GetItemResponse user = dynamo.getItem(b -> b.tableName("users").key(key));
                String avatar = user.item().get("avatar").s();
                return s3.getObjectAsBytes(b -> b.bucket("avatars").key(avatar)).asUtf8String();
              }
            """);
    FindingMarkers.on(repo).check(new SequentialWaits());
  }

  @Test
  void aSecondCallGuardedByTheFirstResultIsNotReported() {
    TestRepo repo =
        dashboard(
            """
              String show(Map<String, AttributeValue> key) {
                GetItemResponse user = dynamo.getItem(b -> b.tableName("users").key(key));
                if (!user.hasItem()) {
                  throw new IllegalArgumentException("no such user");
                }
                return s3.getObjectAsBytes(b -> b.bucket("assets").key("banner.txt")).asUtf8String();
              }
            """);
    FindingMarkers.on(repo).check(new SequentialWaits());
  }

  @Test
  void aWriteFollowedByAnotherCallIsNotReportedBecauseOrderMayMatter() {
    TestRepo repo =
        dashboard(
            """
              void save(Map<String, AttributeValue> item) {
                dynamo.putItem(b -> b.tableName("users").item(item));
                ssm.getParameter(b -> b.name("/feature/flag"));
              }
            """);
    FindingMarkers.on(repo).check(new SequentialWaits());
  }

  @Test
  void callsInDifferentBranchesAreNotOnePath() {
    TestRepo repo =
        dashboard(
            """
              String show(boolean cached, Map<String, AttributeValue> key) {
                if (cached) {
                  return dynamo.getItem(b -> b.tableName("users").key(key)).toString();
                } else {
                  return s3.getObjectAsBytes(b -> b.bucket("assets").key("x")).asUtf8String();
                }
              }
            """);
    FindingMarkers.on(repo).check(new SequentialWaits());
  }

  @Test
  void aDownloadIntoAFileThatTheNextCallReadsIsADependency() {
    TestRepo repo =
        dashboard(
            """
              void copy(java.nio.file.Path file) {
                s3.getObject(b -> b.bucket("in").key("report.csv"), file);
                s3.putObject(b -> b.bucket("out").key("report.csv"), file);
              }
            """);
    FindingMarkers.on(repo).check(new SequentialWaits());
  }

  @Test
  void aPairInABlockNestedTwoDeepIsReportedOnceAtThatBlockAndNotForTheBlocksAroundIt() {
    TestRepo repo =
        dashboard(
            """
              String show(boolean signedIn, boolean fresh, Map<String, AttributeValue> key) {
                ssm.getParameter(b -> b.name("/feature/flag"));
                if (signedIn) {
                  if (fresh) {
                    GetItemResponse user = dynamo.getItem(b -> b.tableName("users").key(key)); // FINDING: sequential-waits
                    String banner = s3.getObjectAsBytes(b -> b.bucket("assets").key("banner.txt")).asUtf8String();
                    return user.item() + banner;
                  }
                }
                return "";
              }
            """);
    FindingMarkers.on(repo).check(new SequentialWaits());
    assertThat(unsuppressedChecks(repo)).hasSize(1);
  }

  @Test
  void callsInALoopStatementWithoutBracesAreNotPlacedInTheBlockAroundIt() {
    TestRepo repo =
        dashboard(
            """
              void warm(java.util.List<String> names) {
                ssm.getParameter(b -> b.name("/feature/flag"));
                for (String name : names) s3.headObject(b -> b.bucket("assets").key(name));
              }
            """);
    FindingMarkers.on(repo).check(new SequentialWaits());
  }

  @Test
  void aLocalClassMethodIsCheckedOnItsOwnAndNotAsPartOfTheMethodAroundIt() {
    TestRepo repo =
        dashboard(
            """
              Runnable later(Map<String, AttributeValue> key) {
                ssm.getParameter(b -> b.name("/feature/flag"));
                class Warmer implements Runnable {
                  public void run() {
                    dynamo.getItem(get -> get.tableName("users").key(key)); // FINDING: sequential-waits
                    s3.getObjectAsBytes(download -> download.bucket("assets").key("banner.txt"));
                  }
                }
                Runnable inline = () -> {
                  dynamo.getItem(get -> get.tableName("users").key(key));
                  s3.getObjectAsBytes(download -> download.bucket("assets").key("banner.txt"));
                };
                return new Warmer();
              }
            """);
    List<Finding> findings = FindingMarkers.on(repo).check(new SequentialWaits());
    assertThat(findings.get(0).message())
        .contains("waits for `dynamo.getItem(..)` and then for `s3.getObjectAsBytes(..)`");
    assertThat(unsuppressedChecks(repo)).hasSize(1);
  }

  /** The rule's own findings, before the linter drops duplicates. */
  private static List<Finding> unsuppressedChecks(TestRepo repo) {
    TestRepo.Loaded loaded = repo.load();
    RuleContext context =
        new RuleContext(
            loaded.workspace(), loaded.iac(), List.of(), Map.of(), LintOptions.defaults(), loaded.diagnostics());
    return new SequentialWaits().check(context);
  }
}
