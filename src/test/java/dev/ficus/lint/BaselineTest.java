package dev.ficus.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.Finding;
import dev.ficus.model.Severity;
import dev.ficus.model.SourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineTest {

  private static Finding finding(int line, String message) {
    return new Finding(
        "lambda-calls-lambda", Severity.WARNING, message, SourceRef.of("src/main/java/A.java", line), "Fn", "GET /a", "advice");
  }

  @Test
  void aFindingThatMovesKeepsItsFingerprintAndAChangedMessageDoesNot() {
    assertThat(Baseline.fingerprint(finding(10, "`A#a` invokes `b`")))
        .isEqualTo(Baseline.fingerprint(finding(42, "`A#a` invokes `b`")))
        .isNotEqualTo(Baseline.fingerprint(finding(10, "`A#a` invokes `c`")));
  }

  @Test
  void aRenderedBaselineReadsBackAndHidesItsFindings() {
    Finding known = finding(10, "known");
    Finding fresh = finding(11, "new");
    Baseline baseline = Baseline.parse(Baseline.render(List.of(known))).orElseThrow();
    assertThat(baseline.newFindings(List.of(finding(30, "known"), fresh))).containsExactly(fresh);
  }

  @Test
  void somethingElseIsNotABaseline() {
    assertThat(Baseline.parse("{\"routes\": []}")).isEmpty();
    assertThat(Baseline.parse("not json")).isEmpty();
  }
}
