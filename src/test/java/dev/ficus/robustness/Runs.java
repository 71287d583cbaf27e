package dev.ficus.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ficus.testing.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every command of ficus run once on one repository through the CLI entry point, with the checks
 * every bad input must pass: no stack trace, one exit code across the formats, reports that parse.
 * The JSON report is parsed so that tests can assert diagnostics and routes by value.
 */
record Runs(CliRun text, CliRun json, CliRun sarif, CliRun plan, JsonNode report, JsonNode sarifLog) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** What a stack trace or an internal error looks like on standard error. */
  private static final Pattern CRASH =
      Pattern.compile("(?m)^\\s+at [\\w$.]+\\(|Exception|StackOverflow|OutOfMemory|internal error");

  static Runs of(Path repo) {
    String path = repo.toString();
    CliRun text = CliRun.of("analyze", "--no-dependency-jars", path);
    CliRun json = CliRun.of("analyze", "--no-dependency-jars", "--format", "json", path);
    CliRun sarif = CliRun.of("analyze", "--no-dependency-jars", "--format", "sarif", path);
    CliRun plan = CliRun.of("plan", "--no-dependency-jars", path);
    for (CliRun run : List.of(text, json, sarif, plan)) {
      assertNoCrash(run);
    }
    return new Runs(text, json, sarif, plan, parse(json.out()), parse(sarif.out()));
  }

  static void assertNoCrash(CliRun run) {
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isIn(0, 1, 2, 3);
    assertThat(run.err()).as("stderr").doesNotContainPattern(CRASH);
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON:\n" + json, e);
    }
  }

  /** The exit code of every analyze format; they never disagree. */
  int analyzeExitCode() {
    assertThat(List.of(json.exitCode(), sarif.exitCode()))
        .as("exit codes of json and sarif, beside text's")
        .containsOnly(text.exitCode());
    return text.exitCode();
  }

  List<String> diagnosticCodes() {
    List<String> codes = new ArrayList<>();
    report.get("diagnostics").forEach(d -> codes.add(d.get("code").asText()));
    return codes;
  }

  JsonNode diagnostic(String code) {
    for (JsonNode d : report.get("diagnostics")) {
      if (d.get("code").asText().equals(code)) {
        return d;
      }
    }
    throw new AssertionError("no diagnostic " + code + " in " + diagnosticCodes());
  }

  /** The SARIF notifications carry the same diagnostic codes as the JSON report. */
  List<String> sarifNotificationCodes() {
    List<String> codes = new ArrayList<>();
    sarifLog
        .at("/runs/0/invocations/0/toolExecutionNotifications")
        .forEach(n -> codes.add(n.at("/descriptor/id").asText()));
    return codes;
  }

  List<String> routeIds() {
    List<String> ids = new ArrayList<>();
    report.get("routes").forEach(r -> ids.add(r.get("id").asText()));
    return ids;
  }
}
