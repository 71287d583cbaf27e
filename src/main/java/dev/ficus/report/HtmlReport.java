package dev.ficus.report;

import dev.ficus.cluster.DataAccess;
import dev.ficus.model.Analysis;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.CallFrame;
import dev.ficus.model.Diagnostic;
import dev.ficus.model.Finding;
import dev.ficus.model.FunctionEffects;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Plan;
import dev.ficus.model.PlanMetrics;
import dev.ficus.model.PlannedFunction;
import dev.ficus.model.PlannedService;
import dev.ficus.model.PolicyStatement;
import dev.ficus.model.Route;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The report people open in a browser ({@code --format html}): one self-contained file, styles and
 * script inlined and the graph drawn as inline SVG, so it can be mailed or attached to a design
 * review and opened with no network. The page comes from the FreeMarker templates in
 * templates/report/ with HTML auto-escaping on: everything read from the analyzed code (paths,
 * class names, messages) is escaped by the template engine, never by hand. The view records below
 * are what the templates see; they are flat and already sorted, so the page is deterministic.
 */
public final class HtmlReport {

  private static final Configuration FREEMARKER = configuration();

  private HtmlReport() {}

  /** The report of {@code ficus analyze}. */
  public static String analysis(Analysis analysis) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", "ficus analysis");
    model.put("summary", summary(analysis));
    model.put("routes", routes(analysis));
    model.put("functions", functions(analysis));
    model.put("findings", findings(analysis.findings(), analysis.routes()));
    model.put("diagnostics", diagnostics(analysis.diagnostics()));
    model.put("graph", DiagramLayout.layout(Diagram.of(analysis)));
    model.put("anchors", anchors(analysis));
    return render("analysis.ftlh", model);
  }

  /**
   * The report of {@code ficus plan}: the services graph and the phases, with the analysis the
   * plan was made from for the per-route detail (call chains) and the findings.
   */
  public static String plan(Plan plan, Analysis analysis) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", "ficus plan");
    model.put("summary", summary(analysis));
    model.put("strategy", plan.strategy());
    model.put("pinnedPhases", plan.pinnedPhases());
    model.put("services", services(plan));
    model.put("phases", phases(plan));
    model.put("conflicts", plan.conflicts().stream().map(c -> new ConflictView(c.kind(), c.subject(), c.services(), c.message())).toList());
    model.put("sharedClasses", plan.sharedClasses().stream().map(c -> new SharedClassView(c.name(), c.services())).toList());
    model.put("metrics", metrics(plan.metrics()));
    model.put("routes", routes(analysis));
    model.put("findings", findings(analysis.findings(), analysis.routes()));
    List<Diagnostic> diagnostics = new ArrayList<>(plan.diagnostics());
    diagnostics.addAll(analysis.diagnostics());
    model.put("diagnostics", diagnostics(diagnostics.stream().distinct().sorted().toList()));
    model.put("graph", DiagramLayout.layout(Diagram.of(plan)));
    model.put("anchors", anchors(analysis));
    return render("plan.ftlh", model);
  }

  /** Counts for the page's header. */
  public record Summary(int routes, int functions, int findings, int diagnostics) {}

  /**
   * One row of the routes table and its detail section.
   *
   * @param anchor the id of its detail section in the page, {@code route-3}
   * @param findings how many findings concern the route
   */
  public record RouteView(
      String anchor, String id, String method, String path, String handler, String function,
      String confidence, String source, List<String> actions, int findings, List<EffectView> effects) {}

  /** One SDK call of a route, with the call chain that reaches it. */
  public record EffectView(
      String call, List<String> actions, String resource, String resolution, String reason,
      boolean wildcard, String at, List<FrameView> chain) {}

  /** One step of a call chain: the method entered and the line of the call made from it. */
  public record FrameView(String method, String at) {}

  public record FunctionView(String id, String handler, String iac, int routes, List<String> needs, List<String> granted) {}

  /** @param routeAnchor the detail section of the finding's route, or null */
  public record FindingView(
      String severity, String rule, String message, String source, String function, String route,
      String routeAnchor, String advice) {}

  public record DiagnosticView(String severity, String code, String message, String source) {}

  public record ServiceView(
      String name, List<FunctionRow> functions, List<String> writes, List<String> reads, int classes) {}

  public record FunctionRow(String name, String route, String actions, String resources, List<String> policy) {}

  public record PhaseView(int number, List<String> services, List<String> routes, String reason) {}

  public record ConflictView(String kind, String subject, List<String> services, String message) {}

  public record SharedClassView(String name, List<String> services) {}

  public record MetricView(String name, String value, String better) {}

  private static Summary summary(Analysis a) {
    return new Summary(a.routes().size(), a.functions().size(), a.findings().size(), a.diagnostics().size());
  }

  private static List<RouteView> routes(Analysis analysis) {
    List<RouteView> out = new ArrayList<>();
    for (int i = 0; i < analysis.routes().size(); i++) {
      Route r = analysis.routes().get(i);
      long findings = analysis.findings().stream().filter(f -> r.id().equals(f.route())).count();
      List<EffectView> effects = new ArrayList<>();
      for (AwsEffect e : r.effects()) {
        List<FrameView> chain = new ArrayList<>();
        for (CallFrame f : e.callChain()) {
          chain.add(new FrameView(f.method(), f.source().toString()));
        }
        effects.add(
            new EffectView(
                e.service() + " " + e.operation(),
                e.iamActions(),
                e.resource().arn(),
                e.resource().resolution(),
                e.resource().reason(),
                e.resource().isWildcard(),
                e.callSite().toString(),
                chain));
      }
      out.add(
          new RouteView(
              "route-" + i, r.id(), r.method(), r.path(), r.handler(), r.function(),
              r.confidence().id(), r.source().toString(), r.iamActions(), (int) findings, effects));
    }
    return out;
  }

  /** Route id to the id of its detail section; the first route of an id wins. */
  private static Map<String, String> anchors(Analysis analysis) {
    Map<String, String> anchors = new java.util.TreeMap<>();
    for (int i = 0; i < analysis.routes().size(); i++) {
      anchors.putIfAbsent(analysis.routes().get(i).id(), "route-" + i);
    }
    return anchors;
  }

  private static List<FunctionView> functions(Analysis analysis) {
    List<FunctionView> out = new ArrayList<>();
    for (LambdaFunction f : analysis.functions()) {
      int routes = (int) analysis.routes().stream().filter(r -> f.logicalId().equals(r.function())).count();
      List<String> needs = analysis.effectsOf(f.logicalId()).map(FunctionEffects::iamActions).orElse(List.of());
      out.add(new FunctionView(f.logicalId(), f.handler(), f.iac(), routes, needs, f.policies()));
    }
    return out;
  }

  private static List<FindingView> findings(List<Finding> findings, List<Route> routes) {
    List<FindingView> out = new ArrayList<>();
    for (Finding f : findings) {
      String anchor = null;
      for (int i = 0; i < routes.size(); i++) {
        if (routes.get(i).id().equals(f.route())) {
          anchor = "route-" + i;
          break;
        }
      }
      out.add(
          new FindingView(
              f.severity().id(), f.rule(), f.message(), f.source().toString(), f.function(), f.route(),
              anchor, f.advice()));
    }
    return out;
  }

  private static List<DiagnosticView> diagnostics(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .map(d -> new DiagnosticView(d.severity().id(), d.code(), d.message(), d.source() == null ? null : d.source().toString()))
        .toList();
  }

  private static List<ServiceView> services(Plan plan) {
    List<ServiceView> out = new ArrayList<>();
    for (PlannedService s : plan.services()) {
      List<FunctionRow> functions = new ArrayList<>();
      for (PlannedFunction f : s.functions()) {
        PlannedFunction.Permissions p = f.permissions();
        functions.add(
            new FunctionRow(
                f.name(), f.label(),
                p.actions() + " of " + p.monolithActions(),
                p.resources() + " of " + p.monolithResources(),
                f.policy().stream().map(HtmlReport::statement).toList()));
      }
      out.add(
          new ServiceView(
              s.name(), functions,
              s.writes().stream().map(DataAccess::shortName).toList(),
              s.reads().stream().map(DataAccess::shortName).toList(),
              s.classes().size()));
    }
    return out;
  }

  private static List<PhaseView> phases(Plan plan) {
    return plan.phases().stream().map(p -> new PhaseView(p.number(), p.services(), p.routes(), p.reason())).toList();
  }

  private static List<MetricView> metrics(PlanMetrics m) {
    return List.of(
        new MetricView("Structural modularity (SM)", num(m.sm()), "higher"),
        new MetricView("Inter-partition call percentage (ICP)", num(m.icp()), "lower"),
        new MetricView("Interface number (IFN)", num(m.ifn()), "lower"),
        new MetricView("Non-extreme distribution (NED)", num(m.ned()), "lower"),
        new MetricView("Resources written by several services", String.valueOf(m.sharedWrites()), "lower"),
        new MetricView("Shared-class ratio", num(m.sharedClassRatio()), "lower"),
        new MetricView("Action reduction (mean per function)", num(m.actionReduction()), "higher"),
        new MetricView("Resource reduction (mean per function)", num(m.resourceReduction()), "higher"));
  }

  private static String statement(PolicyStatement s) {
    String text = String.join(", ", s.actions()) + " on " + s.resource();
    return s.reason() == null ? text : text + " (" + s.reason() + ")";
  }

  private static String num(double value) {
    return PlanJson.round(value).toPlainString();
  }

  private static String render(String template, Map<String, Object> model) {
    try {
      Template t = FREEMARKER.getTemplate(template);
      StringWriter out = new StringWriter();
      t.process(model, out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("The report template " + template + " is packaged with ficus", e);
    } catch (TemplateException e) {
      throw new IllegalStateException("The report template " + template + " failed: " + e.getMessage(), e);
    }
  }

  private static Configuration configuration() {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setClassLoaderForTemplateLoading(HtmlReport.class.getClassLoader(), "templates/report");
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
    cfg.setRecognizeStandardFileExtensions(true);
    cfg.setLocale(Locale.ROOT);
    cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
    cfg.setNumberFormat("computer");
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    return cfg;
  }
}
