package dev.ficus.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.stmt.CatchClause;
import dev.ficus.model.Diagnostics;
import dev.ficus.testing.TestRepo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lint reads the syntax trees the other stages read too, and since the analysis works out lint's
 * facts while routes and effects are found, on another thread, it must not change them: a node
 * it took out of its tree made the route code slicer fail to type a catch clause's exception.
 */
class LintLeavesTheTreesAloneTest {

  @Test
  void everyNodeStillHangsFromItsFileAfterAllRulesRan() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Uploads.java", """
            package com.acme;

            import software.amazon.awssdk.core.exception.SdkException;
            import software.amazon.awssdk.services.s3.S3Client;
            import software.amazon.awssdk.services.sqs.SqsClient;

            public class Uploads {
              private final S3Client s3 = S3Client.create();
              private final SqsClient sqs = SqsClient.create();

              void store(String key, String body) {
                try {
                  s3.putObject(b -> b.bucket("uploads").key(key), software.amazon.awssdk.core.sync.RequestBody.fromString(body));
                } catch (SdkException failure) {
                  sqs.sendMessage(b -> b.queueUrl("retries").messageBody(failure.getMessage()));
                }
              }
            }
            """)
        .load();
    List<CompilationUnit> units = repo.workspace().sources().stream().map(s -> s.unit()).toList();
    int before = units.stream().mapToInt(u -> u.findAll(Node.class).size()).sum();

    Linter.builtIn().run(new RuleContext(
        repo.workspace(), repo.iac(), List.of(), Map.of(), LintOptions.defaults(), new Diagnostics()));

    assertThat(units.stream().mapToInt(u -> u.findAll(Node.class).size()).sum()).isEqualTo(before);
    for (CompilationUnit unit : units) {
      for (CatchClause c : unit.findAll(CatchClause.class)) {
        assertThat(c.getParameter().getParentNode()).as("the catch parameter's parent").containsSame(c);
        assertThat(c.getParameter().findCompilationUnit()).containsSame(unit);
      }
    }
  }
}
