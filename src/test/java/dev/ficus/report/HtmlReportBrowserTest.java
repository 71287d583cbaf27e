package dev.ficus.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ficus.testing.CliRun;
import dev.ficus.testing.Golden;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: Debian's Chromium, driven by playwright-core (which the build
 * installs with npm, and which never downloads a browser of its own) through node. The page must
 * load with no console error, no page error and no network request, draw its graph with every
 * box, and filter its routes table; a screenshot is taken. With {@code -Dgolden.update=true} the
 * screenshot replaces docs/report-plan.png, the one the README shows.
 *
 * <p>Skipped, with a message, where Chromium or node is not installed; .ci/run installs both and
 * sets FICUS_REQUIRE_BROWSER so that CI fails instead of skipping.
 */
class HtmlReportBrowserTest {

  static final Path FIXTURE = Path.of("fixtures/spring-petclinic-lambda");
  static final Path SCREENSHOT = Path.of("docs/report-plan.png");

  @TempDir Path temp;

  @Test
  void thePlanReportLoadsCleanlyAndDrawsItsGraphInChromium() throws Exception {
    Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    String node = onPath("node");
    boolean required = System.getenv("FICUS_REQUIRE_BROWSER") != null;
    if (!required) {
      Assumptions.assumeTrue(Files.isExecutable(chromium), "Chromium is not installed at " + chromium + " (apt-get install chromium); skipping the browser test");
      Assumptions.assumeTrue(node != null, "node is not on the PATH; skipping the browser test");
    }
    assertThat(Files.isExecutable(chromium)).as("Chromium at " + chromium).isTrue();
    assertThat(node).as("node on the PATH").isNotNull();
    Path playwright = Path.of(System.getProperty("playwright.dir", "target/playwright/node_modules/playwright-core"));
    assertThat(playwright.resolve("package.json")).as("playwright-core, installed by the build (mvn generate-test-resources)").exists();

    Path report = temp.resolve("plan.html");
    CliRun plan = CliRun.of("plan", "--no-dependency-jars", "--format", "html", "-o", report.toString(), FIXTURE.toString());
    assertThat(plan.exitCode()).as(plan.err()).isZero();

    Path script = temp.resolve("check-report.js");
    try (InputStream in = HtmlReportBrowserTest.class.getResourceAsStream("/browser/check-report.js")) {
      Files.copy(in, script);
    }
    Path screenshot = temp.resolve("plan.png");
    List<String> command = new ArrayList<>(List.of(
        node, script.toString(), playwright.toAbsolutePath().toString(), chromium.toString(),
        report.toAbsolutePath().toString(), screenshot.toAbsolutePath().toString(),
        Files.createDirectory(temp.resolve("profile")).toAbsolutePath().toString()));
    Process process = new ProcessBuilder(command)
        .redirectError(temp.resolve("stderr.txt").toFile())
        .start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the browser finished in time").isTrue();
    assertThat(process.exitValue()).as(Files.readString(temp.resolve("stderr.txt"))).isZero();

    JsonNode seen = new ObjectMapper().readTree(stdout);
    assertThat(seen.get("consoleErrors")).as("console errors").isEmpty();
    assertThat(seen.get("pageErrors")).as("page errors").isEmpty();
    assertThat(seen.get("network")).as("requests that leave the file").isEmpty();
    assertThat(seen.get("title").asText()).isEqualTo("ficus plan");
    JsonNode graph = seen.get("graph");
    assertThat(graph.isNull()).as("the graph is on the page").isFalse();
    assertThat(graph.get("width").asDouble()).isPositive();
    assertThat(graph.get("height").asDouble()).isPositive();
    assertThat(graph.get("boxes").asInt()).as("services, resources and shared classes").isGreaterThanOrEqualTo(8);
    assertThat(graph.get("emptyBoxes").asInt()).isZero();
    assertThat(graph.get("edges").asInt()).isPositive();
    assertThat(graph.get("conflicts").asInt()).isPositive();
    assertThat(seen.get("routeRows").asInt()).isEqualTo(17);
    assertThat(seen.get("visibleRowsAfterFilter").asInt()).isZero();

    byte[] png = Files.readAllBytes(screenshot);
    assertThat(png).hasSizeGreaterThan(10_000);
    assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    if (Golden.updating()) {
      Files.copy(screenshot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String onPath(String program) throws IOException {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
