package dev.ficus.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ficus.lint.Rules;
import dev.ficus.model.Analysis;
import dev.ficus.model.Confidence;
import dev.ficus.model.Diagnostic;
import dev.ficus.model.Finding;
import dev.ficus.model.Route;
import dev.ficus.model.Severity;
import dev.ficus.model.SourceRef;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The JSON report and SARIF carry user text (paths, handler names, file names, messages) through
 * unchanged: whatever the text, the output parses as JSON and the parsed value is the text. SARIF
 * locations are URI references that decode to the file's path.
 */
class ReportsPropertyTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Provide
  static Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(30),
        Arbitraries.strings().withChars("\"\\/\n\r\t\u0000\u001f\u2028\u2029{}[]:,#$`'% ?\u00e9\ud83d\ude00").ofMaxLength(12),
        Arbitraries.strings().ascii().ofMaxLength(30));
  }

  @Provide
  static Arbitrary<String> nonEmptyText() {
    return text().map(s -> s.isEmpty() ? "x" : s);
  }

  @Property(tries = 300)
  void everyStringOfTheJsonReportParsesBackToItself(
      @ForAll("text") String path,
      @ForAll("nonEmptyText") String handler,
      @ForAll("text") String file,
      @ForAll("text") String message) {
    Route route =
        new Route("GET", path, handler, SourceRef.of(file, 3), "Fn", Confidence.HIGH, "test", List.of());
    Diagnostic diagnostic = Diagnostic.warning("code", message, SourceRef.of(file, 1));
    Analysis analysis = new Analysis(List.of(route), List.of(), List.of(), List.of(diagnostic));

    JsonNode json = parse(JsonReport.render(analysis));
    assertThat(json.at("/routes/0/path").asText()).isEqualTo(path);
    assertThat(json.at("/routes/0/id").asText()).isEqualTo("GET " + path);
    assertThat(json.at("/routes/0/handler").asText()).isEqualTo(handler);
    assertThat(json.at("/routes/0/source/file").asText()).isEqualTo(file.replace('\\', '/'));
    assertThat(json.at("/diagnostics/0/message").asText()).isEqualTo(message);
  }

  @Property(tries = 300)
  void sarifMessagesAndLocationsReadBack(@ForAll("text") String file, @ForAll("text") String message) {
    Finding finding =
        new Finding("lambda-monolith", Severity.WARNING, message, SourceRef.of(file, 2), "Fn", null, null);
    Diagnostic diagnostic = Diagnostic.note("code", message, SourceRef.of(file, 0));
    Analysis analysis = new Analysis(List.of(), List.of(), List.of(finding), List.of(diagnostic));

    JsonNode sarif = parse(SarifReport.render(analysis, Rules.builtIn()));
    JsonNode result = sarif.at("/runs/0/results/0");
    assertThat(result.at("/message/text").asText()).isEqualTo(message);
    String uri = result.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
    assertThat(uri).matches("[A-Za-z0-9\\-._~/%]*");
    // A lone surrogate has no UTF-8 form: the encoder writes '?' for it, as any UTF-8 writer does.
    String utf8 = new String(file.replace('\\', '/').getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    assertThat(URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(utf8);
    assertThat(sarif.at("/runs/0/invocations/0/toolExecutionNotifications/0/message/text").asText())
        .isEqualTo(message);
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
