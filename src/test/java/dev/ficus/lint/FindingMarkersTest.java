package dev.ficus.lint;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ficus.model.Finding;
import dev.ficus.model.Severity;
import dev.ficus.model.SourceRef;
import dev.ficus.testing.TestRepo;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The marker helper fails on a missed finding and on an unexpected one, so rule tests can fail. */
class FindingMarkersTest {

  private static final TestRepo REPO =
      TestRepo.create()
          .java(
              "com/acme/A.java",
              """
              package com.acme;
              class A {
                void a() {} // FINDING: lambda-calls-lambda
                void b() {}
              }
              """);

  private static Finding at(int line) {
    return new Finding(
        "lambda-calls-lambda", Severity.WARNING, "m", SourceRef.of("src/main/java/com/acme/A.java", line), null, null, "a");
  }

  @Test
  void aMarkedLineWithoutAFindingFails() {
    assertThatThrownBy(() -> FindingMarkers.compare(REPO, List.of(), Set.of("lambda-calls-lambda")))
        .hasMessageContaining("missing finding:    src/main/java/com/acme/A.java:3 lambda-calls-lambda");
  }

  @Test
  void aFindingOnAnUnmarkedLineFails() {
    assertThatThrownBy(
            () -> FindingMarkers.compare(REPO, List.of(at(3), at(4)), Set.of("lambda-calls-lambda")))
        .hasMessageContaining("unexpected finding: src/main/java/com/acme/A.java:4 lambda-calls-lambda");
  }

  @Test
  void markersOfRulesNotUnderTestAreIgnored() {
    FindingMarkers.compare(REPO, List.of(), Set.of("sequential-waits"));
  }
}
