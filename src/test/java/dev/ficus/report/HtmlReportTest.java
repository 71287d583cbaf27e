package dev.ficus.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.cluster.AffinityWeights;
import dev.ficus.cluster.Auto;
import dev.ficus.model.Analysis;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.CallFrame;
import dev.ficus.model.Confidence;
import dev.ficus.model.Finding;
import dev.ficus.model.ResourceRef;
import dev.ficus.model.Route;
import dev.ficus.model.Severity;
import dev.ficus.model.SourceRef;
import dev.ficus.plan.Planner;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML report: self-contained, escaped, complete and deterministic. */
class HtmlReportTest {

  /** A route whose path and handler come from hostile user code. */
  static Analysis hostile() {
    AwsEffect put =
        new AwsEffect(
            "dynamodb", "PutItem", List.of("dynamodb:PutItem"),
            new ResourceRef("dynamodb:table", "Orders", "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/Orders", "env", null),
            List.of(
                new CallFrame("app.Router#handle", SourceRef.of("src/main/java/app/Router.java", 12)),
                new CallFrame("app.OrderRepository#save", SourceRef.of("src/main/java/app/OrderRepository.java", 34))));
    Route evil =
        new Route(
            "POST", "/x/<script>alert(1)</script>", "app.Router#handle", SourceRef.of("src/main/java/app/Router.java", 10),
            "ApiFunction", Confidence.HIGH, "test", List.of(put), List.of("app.Router", "app.OrderRepository"));
    Route plain =
        new Route(
            "GET", "/orders", "app.Router#list", SourceRef.of("src/main/java/app/Router.java", 20),
            "ApiFunction", Confidence.MEDIUM, "test", List.of(), List.of("app.Router"));
    Finding finding =
        new Finding(
            "lambda-monolith", Severity.WARNING, "ApiFunction serves 2 routes & more \"soon\"",
            SourceRef.of("template.yaml", 3), "ApiFunction", "POST /x/<script>alert(1)</script>",
            "Split it <b>now</b>.");
    return new Analysis(List.of(evil, plain), List.of(dev.ficus.cluster.HandBuilt.monolith()), List.of(finding), List.of(), List.of());
  }

  @Test
  void everythingFromUserCodeIsEscaped() {
    String html = HtmlReport.analysis(hostile());
    assertThat(html).doesNotContain("<script>alert(1)").doesNotContain("<b>now</b>")
        .contains("/x/&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("Split it &lt;b&gt;now&lt;/b&gt;.")
        .contains("2 routes &amp; more &quot;soon&quot;");
  }

  @Test
  void thePageIsSelfContained() {
    String html = HtmlReport.analysis(hostile());
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("<script>").contains("</html>");
    assertThat(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find()).as("no network reference").isFalse();
    assertThat(html).doesNotContain("<link ").doesNotContain("@import");
  }

  @Test
  void eachRouteHasItsRowAndItsCallChainWithFileAndLine() {
    String html = HtmlReport.analysis(hostile());
    assertThat(html).contains("<table id=\"routes-table\">")
        .contains("<details class=\"route\" id=\"route-0\">", "<details class=\"route\" id=\"route-1\">")
        .contains("app.OrderRepository#save <span class=\"muted\">at</span> src/main/java/app/OrderRepository.java:34")
        .contains("<code>dynamodb:PutItem</code>")
        .contains("lambda-monolith")
        .contains("<svg id=\"graph\"");
  }

  @Test
  void thePlanDrawsItsServicesAndItsPhasesAsATimeline() {
    Analysis analysis = DiagramTest.sharedAudit();
    var plan = new Planner(AffinityWeights.defaults(), Planner.DEFAULT_SEED).plan(analysis, new Auto(Planner.DEFAULT_SEED), 0);
    String html = HtmlReport.plan(plan, analysis);
    for (var service : plan.services()) {
      assertThat(html).contains(">" + service.name() + "</text>");
    }
    assertThat(html).contains("<ol class=\"timeline\">").contains("class=\"box resource conflict\"")
        .contains("class=\"edge writes conflict\"").contains("shared-write");
    assertThat(html.split("<span class=\"dot\">", -1)).hasSize(plan.phases().size() + 1);
  }

  @Test
  void theSameInputGivesTheSameBytes() {
    Analysis analysis = DiagramTest.sharedAudit();
    var planner = new Planner(AffinityWeights.defaults(), Planner.DEFAULT_SEED);
    assertThat(HtmlReport.plan(planner.plan(analysis, new Auto(Planner.DEFAULT_SEED), 0), analysis))
        .isEqualTo(HtmlReport.plan(planner.plan(analysis, new Auto(Planner.DEFAULT_SEED), 0), analysis));
    assertThat(HtmlReport.analysis(hostile())).isEqualTo(HtmlReport.analysis(hostile()));
  }

  @Test
  void noTwoBoxesOfTheGraphOverlap() {
    DiagramLayout.Drawing drawing = DiagramLayout.layout(Diagram.of(
        new Planner(AffinityWeights.defaults(), Planner.DEFAULT_SEED).plan(DiagramTest.sharedAudit(), new Auto(Planner.DEFAULT_SEED), 0)));
    List<DiagramLayout.Box> boxes = drawing.boxes();
    assertThat(boxes).isNotEmpty();
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        DiagramLayout.Box a = boxes.get(i);
        DiagramLayout.Box b = boxes.get(j);
        boolean apart = a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x()
            || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y();
        assertThat(apart).as(a.id() + " and " + b.id()).isTrue();
      }
      assertThat(boxes.get(i).x()).isGreaterThanOrEqualTo(0);
      assertThat(boxes.get(i).x() + boxes.get(i).width()).isLessThanOrEqualTo(drawing.width());
    }
  }

  @Test
  void anEmptyAnalysisStillRenders() {
    String html = HtmlReport.analysis(new Analysis(List.of(), List.of(), List.of(), List.of(), List.of()));
    assertThat(html).contains("No API route was found.").contains("Nothing to draw.");
  }
}
