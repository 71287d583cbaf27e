package dev.ficus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ficus.testing.CliRun;
import dev.ficus.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: {@code ficus plan} on every bundled fixture gives its golden plan.json and plan.md,
 * twice byte for byte, and every route the analysis finds is in exactly one service and exactly
 * one phase.
 */
class FixturePlansTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  @TestFactory
  Stream<DynamicTest> everyFixtureHasAStableCompletePlan() throws IOException {
    try (Stream<Path> dirs = Files.list(FixtureReportsTest.FIXTURES)) {
      return dirs.filter(Files::isDirectory).sorted().toList().stream()
          .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }
  }

  private void check(Path fixture) throws IOException {
    String name = fixture.getFileName().toString();
    Path first = temp.resolve(name + "-1/plan.json");
    Path second = temp.resolve(name + "-2/plan.json");
    CliRun run = CliRun.of("plan", "--no-dependency-jars", "--out", first.toString(), fixture.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    CliRun again = CliRun.of("plan", "--no-dependency-jars", "--out", second.toString(), fixture.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
    String planJson = Files.readString(first);
    String planMd = Files.readString(first.resolveSibling("plan.md"));
    assertThat(Files.readString(second)).as("a second plan.json is byte-identical").isEqualTo(planJson);
    assertThat(Files.readString(second.resolveSibling("plan.md"))).as("a second plan.md is byte-identical").isEqualTo(planMd);
    Path golden = FixtureReportsTest.GOLDEN.resolve(name);
    Golden.assertMatches(golden.resolve("plan.json"), planJson);
    Golden.assertMatches(golden.resolve("plan.md"), planMd);

    JsonNode report = JSON.readTree(CliRun.of("analyze", "--format", "json", "--no-dependency-jars", fixture.toString()).out());
    List<String> routes = new ArrayList<>();
    report.get("routes").forEach(r -> routes.add(r.get("id").asText()));
    JsonNode plan = JSON.readTree(planJson);
    List<String> served = new ArrayList<>();
    report.get("routes").forEach(r -> served.add(r.path("function").asText()));
    List<String> events = new ArrayList<>();
    report.get("functions").forEach(f -> {
      boolean triggered = false;
      for (JsonNode t : f.get("triggers")) {
        triggered |= !t.has("path");
      }
      if (triggered && !served.contains(f.get("logicalId").asText())) {
        events.add(f.get("logicalId").asText());
      }
    });
    List<String> inServices = new ArrayList<>();
    List<String> eventsInServices = new ArrayList<>();
    plan.get("services").forEach(s -> s.get("functions").forEach(f -> {
      if (f.has("route")) {
        inServices.add(f.get("route").asText());
      } else {
        eventsInServices.add(f.get("monolith").asText());
      }
    }));
    List<String> inPhases = new ArrayList<>();
    List<String> eventsInPhases = new ArrayList<>();
    plan.get("phases").forEach(p -> {
      p.get("routes").forEach(r -> inPhases.add(r.asText()));
      if (p.has("functions")) {
        p.get("functions").forEach(r -> eventsInPhases.add(r.asText()));
      }
    });
    assertThat(inServices).as("every route in exactly one service").containsExactlyInAnyOrderElementsOf(routes);
    assertThat(inPhases).as("every route in exactly one phase").containsExactlyInAnyOrderElementsOf(routes);
    assertThat(eventsInServices).as("every event function in exactly one service").containsExactlyInAnyOrderElementsOf(events);
    assertThat(eventsInPhases).as("every event function in exactly one phase").containsExactlyInAnyOrderElementsOf(events);
  }
}
