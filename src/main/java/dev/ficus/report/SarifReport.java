package dev.ficus.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.lint.Baseline;
import dev.ficus.lint.Rule;
import dev.ficus.model.Analysis;
import dev.ficus.model.Diagnostic;
import dev.ficus.model.Finding;
import dev.ficus.model.Severity;
import dev.ficus.model.SourceRef;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The findings as SARIF 2.1.0, the format GitHub code scanning reads, so anti-patterns show up as
 * annotations on pull requests. Locations are relative to {@code %SRCROOT%}, the repository root,
 * which code scanning maps to the checkout; rules link to their docs page in ficus's repository.
 */
public final class SarifReport {

  /** Where the rule docs live; every rule's {@code helpUri} is this plus its docs path. */
  public static final String DOCS_BASE = "https://github.com/ficus-dev/ficus/blob/main/";

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String SRCROOT = "%SRCROOT%";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private SarifReport() {}

  public static String render(Analysis analysis, List<Rule> rules) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "ficus");
    driver.put("informationUri", DOCS_BASE + "README.md");
    ArrayNode ruleNodes = driver.putArray("rules");
    for (Rule rule : rules) {
      ruleNodes.add(rule(rule));
    }
    ObjectNode base = run.putObject("originalUriBaseIds").putObject(SRCROOT);
    base.putObject("description").put("text", "The root of the analyzed repository.");
    ArrayNode results = run.putArray("results");
    for (Finding f : analysis.findings()) {
      int index = indexOf(rules, f.rule());
      results.add(result(f, index));
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    ArrayNode notes = invocation.putArray("toolExecutionNotifications");
    for (Diagnostic d : analysis.diagnostics()) {
      notes.add(notification(d));
    }
    run.put("columnKind", "utf16CodeUnits");
    return JsonReport.write(root);
  }

  private static ObjectNode rule(Rule rule) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", rule.id());
    node.put("name", pascalCase(rule.id()));
    node.putObject("shortDescription").put("text", rule.summary());
    node.putObject("fullDescription").put("text", rule.summary() + " " + rule.advice());
    String uri = DOCS_BASE + rule.docsPath();
    ObjectNode help = node.putObject("help");
    help.put("text", rule.advice() + " See " + uri + ".");
    help.put("markdown", rule.advice() + " [Read more](" + uri + ").");
    node.put("helpUri", uri);
    node.putObject("defaultConfiguration").put("level", level(rule.severity()));
    node.putObject("properties").putArray("tags").add("event-driven").add("aws-lambda");
    return node;
  }

  private static ObjectNode result(Finding f, int ruleIndex) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("ruleId", f.rule());
    if (ruleIndex >= 0) {
      node.put("ruleIndex", ruleIndex);
    }
    node.put("level", level(f.severity()));
    node.putObject("message").put("text", f.message() + (f.advice() == null ? "" : " " + f.advice()));
    node.putArray("locations").add(location(f.source()));
    node.putObject("partialFingerprints").put("ficusFingerprint/v1", Baseline.fingerprint(f));
    ObjectNode properties = node.putObject("properties");
    if (f.function() != null) {
      properties.put("function", f.function());
    }
    if (f.route() != null) {
      properties.put("route", f.route());
    }
    return node;
  }

  private static ObjectNode location(SourceRef source) {
    ObjectNode location = MAPPER.createObjectNode();
    ObjectNode physical = location.putObject("physicalLocation");
    ObjectNode artifact = physical.putObject("artifactLocation");
    artifact.put("uri", uri(source.file()));
    artifact.put("uriBaseId", SRCROOT);
    if (source.line() > 0) {
      physical.putObject("region").put("startLine", source.line());
    }
    return location;
  }

  private static ObjectNode notification(Diagnostic d) {
    ObjectNode node = MAPPER.createObjectNode();
    node.putObject("descriptor").put("id", d.code());
    node.put("level", level(d.severity()));
    node.putObject("message").put("text", d.message());
    if (d.source() != null) {
      node.putArray("locations").add(location(d.source()));
    }
    return node;
  }

  /**
   * A repository-relative path as the relative URI reference SARIF requires (RFC 3986): every
   * byte of its UTF-8 form other than unreserved characters and the slash is percent-encoded, so
   * a space, a {@code #} or a {@code ?} in a file name stays part of the path and a colon cannot
   * pass for a scheme.
   */
  static String uri(String path) {
    StringBuilder out = new StringBuilder(path.length());
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  static String level(Severity severity) {
    return severity.id();
  }

  private static int indexOf(List<Rule> rules, String id) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** {@code lambda-calls-lambda} becomes {@code LambdaCallsLambda}. */
  static String pascalCase(String id) {
    StringBuilder out = new StringBuilder();
    for (String part : id.split("-")) {
      if (!part.isEmpty()) {
        out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return out.toString();
  }
}
