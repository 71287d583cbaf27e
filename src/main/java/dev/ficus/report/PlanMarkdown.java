package dev.ficus.report;

import dev.ficus.cluster.DataAccess;
import dev.ficus.model.Conflict;
import dev.ficus.model.Diagnostic;
import dev.ficus.model.Phase;
import dev.ficus.model.Plan;
import dev.ficus.model.PlanMetrics;
import dev.ficus.model.PlannedFunction;
import dev.ficus.model.PlannedService;
import dev.ficus.model.PolicyStatement;
import dev.ficus.model.SharedClass;
import dev.ficus.model.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * plan.md, the plan for people: services, functions, phases, conflicts, metrics and a Mermaid
 * diagram of the services' routes, the resources they read and write and the classes they share
 * ({@link Diagram}, the same graph as {@code --format mermaid}). No timestamps, so it can be committed
 * and diffed. Also the side-by-side table of {@code ficus plan --compare}.
 */
public final class PlanMarkdown {

  private PlanMarkdown() {}

  public static String render(Plan plan) {
    StringBuilder md = new StringBuilder();
    PlanMetrics m = plan.metrics();
    md.append("# Decomposition plan\n\n");
    md.append("Strategy `").append(plan.strategy()).append("`: ")
        .append(m.services()).append(m.services() == 1 ? " service, " : " services, ")
        .append(m.functions()).append(m.functions() == 1 ? " function" : " functions")
        .append(events(plan) == 0 ? " (one per route), "
            : " (one per route, and " + events(plan) + " event "
                + (events(plan) == 1 ? "function" : "functions") + " moved whole), ")
        .append(plan.phases().size())
        .append(plan.phases().size() == 1 ? " phase " : " phases ")
        .append(plan.pinnedPhases() ? "pinned in the plan file" : "ordered by ficus, lowest risk first")
        .append(".\n\n");

    md.append("## Services\n\n");
    md.append("| service | routes | writes | reads | classes |\n|---|---|---|---|---|\n");
    for (PlannedService s : plan.services()) {
      md.append("| ").append(s.name())
          .append(" | ").append(join(serviceEntries(s), PlanMarkdown::code))
          .append(" | ").append(join(s.writes(), r -> code(shortName(r))))
          .append(" | ").append(join(s.reads(), r -> code(shortName(r))))
          .append(" | ").append(s.classes().size())
          .append(" |\n");
    }

    md.append("\n## Functions\n\n");
    md.append("| function | service | route | actions | resources | policy |\n|---|---|---|---|---|---|\n");
    for (PlannedService s : plan.services()) {
      for (PlannedFunction f : s.functions()) {
        PlannedFunction.Permissions p = f.permissions();
        md.append("| ").append(f.name())
            .append(" | ").append(s.name())
            .append(" | ").append(code(f.label()))
            .append(" | ").append(p.actions()).append(" of ").append(p.monolithActions())
            .append(" | ").append(p.resources()).append(" of ").append(p.monolithResources())
            .append(" | ").append(join(f.policy(), PlanMarkdown::statement))
            .append(" |\n");
      }
    }

    if (events(plan) > 0) {
      md.append("\n## Event functions\n\n");
      md.append("Each moves whole, with its handler and its triggers; its service is the one it shares"
          + " most code and data with, or its own (docs/plan-format.md).\n\n");
      md.append("| function | service | handler | trigger | settings |\n|---|---|---|---|---|\n");
      for (PlannedService s : plan.services()) {
        for (PlannedFunction f : s.eventFunctions()) {
          for (Trigger t : f.triggers()) {
            md.append("| ").append(f.name())
                .append(" | ").append(s.name())
                .append(" | ").append(code(f.handler()))
                .append(" | ").append(t.kind()).append(' ').append(code(t.name()))
                .append(t.target() == null ? "" : " on " + code(t.target()))
                .append(" | ").append(join(
                    t.properties().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList(),
                    PlanMarkdown::code))
                .append(" |\n");
          }
        }
      }
    }

    md.append("\n## Phases\n\n");
    md.append("Each phase is deployable: the monolith keeps serving every route not yet extracted.\n\n");
    md.append("| phase | services | routes | why here |\n|---|---|---|---|\n");
    for (Phase phase : plan.phases()) {
      md.append("| ").append(phase.number())
          .append(" | ").append(String.join(", ", phase.services()))
          .append(" | ").append(join(phase.routes(), PlanMarkdown::code))
          .append(" | ").append(cell(phase.reason()))
          .append(" |\n");
    }

    md.append("\n## Conflicts\n\n");
    if (plan.conflicts().isEmpty()) {
      md.append("None: no resource has two writers, no class is shared, no call crosses services.\n");
    }
    for (Conflict c : plan.conflicts()) {
      md.append("- **").append(c.kind()).append("**: ").append(c.message()).append('\n');
    }

    if (!plan.sharedClasses().isEmpty()) {
      md.append("\n## Shared library\n\n");
      md.append("| class | services |\n|---|---|\n");
      for (SharedClass c : plan.sharedClasses()) {
        md.append("| ").append(code(c.name())).append(" | ").append(String.join(", ", c.services())).append(" |\n");
      }
    }

    md.append("\n## Metrics\n\n");
    md.append("See docs/metrics.md for the formulas.\n\n");
    md.append("| metric | value | better |\n|---|---|---|\n");
    for (String[] row : metricRows(m)) {
      md.append("| ").append(row[0]).append(" | ").append(row[1]).append(" | ").append(row[2]).append(" |\n");
    }

    md.append("\n## Diagram\n\n");
    md.append(DiagramMermaid.markdown(Diagram.of(plan)));

    if (!plan.diagnostics().isEmpty()) {
      md.append("\n## Diagnostics\n\n");
      for (Diagnostic d : plan.diagnostics()) {
        md.append("- ").append(d.severity().id()).append(" `").append(d.code()).append("`: ")
            .append(d.message());
        if (d.source() != null) {
          md.append(" (").append(d.source()).append(')');
        }
        md.append('\n');
      }
    }
    return md.toString();
  }

  /** The metrics of several plans side by side, one row per strategy. */
  public static String compare(List<Plan> plans) {
    StringBuilder md = new StringBuilder();
    md.append("| strategy | services | SM | ICP | IFN | NED | shared writes | shared classes | action reduction | resource reduction |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (Plan plan : plans) {
      PlanMetrics m = plan.metrics();
      md.append("| ").append(plan.strategy())
          .append(" | ").append(m.services())
          .append(" | ").append(num(m.sm()))
          .append(" | ").append(num(m.icp()))
          .append(" | ").append(num(m.ifn()))
          .append(" | ").append(num(m.ned()))
          .append(" | ").append(m.sharedWrites())
          .append(" | ").append(num(m.sharedClassRatio()))
          .append(" | ").append(num(m.actionReduction()))
          .append(" | ").append(num(m.resourceReduction()))
          .append(" |\n");
    }
    md.append("\nSM: higher is better. ICP, IFN, NED, shared writes and shared classes: lower is better."
        + " Reductions: higher is better. Formulas in docs/metrics.md.\n");
    return md.toString();
  }

  private static int events(Plan plan) {
    return (int) plan.functions().stream().filter(PlannedFunction::isEvent).count();
  }

  /** A service's routes, then its event functions by their triggers. */
  private static List<String> serviceEntries(PlannedService s) {
    List<String> entries = new ArrayList<>(s.routes());
    s.eventFunctions().forEach(f -> entries.add(f.label()));
    return entries;
  }

  private static List<String[]> metricRows(PlanMetrics m) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Structural modularity (SM)", num(m.sm()), "higher"});
    rows.add(new String[] {"Inter-partition call percentage (ICP)", num(m.icp()), "lower"});
    rows.add(new String[] {"Interface number (IFN)", num(m.ifn()), "lower"});
    rows.add(new String[] {"Non-extreme distribution (NED)", num(m.ned()), "lower"});
    rows.add(new String[] {"Resources written by several services", String.valueOf(m.sharedWrites()), "lower"});
    rows.add(new String[] {"Shared-class ratio", num(m.sharedClassRatio()), "lower"});
    rows.add(new String[] {"Action reduction (mean per function)", num(m.actionReduction()), "higher"});
    rows.add(new String[] {"Resource reduction (mean per function)", num(m.resourceReduction()), "higher"});
    return rows;
  }

  private static String statement(PolicyStatement s) {
    String text = String.join(", ", s.actions()) + " on " + code(s.resource());
    return s.reason() == null ? text : text + " (" + cell(s.reason()) + ")";
  }

  private static <T> String join(List<T> items, Function<T, String> show) {
    if (items.isEmpty()) {
      return "";
    }
    return String.join("<br>", items.stream().map(show).toList());
  }

  private static String shortName(String arn) {
    return DataAccess.shortName(arn);
  }

  /** Text in a table cell: a pipe would end the cell and a line break the row. */
  private static String cell(String text) {
    return oneLine(text).replace("|", "\\|");
  }

  /**
   * Text as a code span in a table cell that reads back as the same text (CommonMark 6.1, GFM
   * tables): fenced by one backtick more than its longest run of backticks, padded with a space
   * where the text starts or ends with a backtick or with spaces at both ends, pipes escaped
   * (GFM removes the backslash before it reads the span). Line breaks become spaces, as a code
   * span shows them anyway.
   */
  static String code(String text) {
    String flat = oneLine(text);
    if (flat.isEmpty()) {
      return "";
    }
    int longest = 0;
    int run = 0;
    for (int i = 0; i < flat.length(); i++) {
      run = flat.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad =
        !flat.isBlank()
            && (flat.startsWith("`") || flat.endsWith("`") || (flat.startsWith(" ") && flat.endsWith(" ")));
    String body = pad ? " " + flat + " " : flat;
    return fence + body.replace("|", "\\|") + fence;
  }

  private static String oneLine(String text) {
    return text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
  }

  private static String num(double value) {
    return PlanJson.round(value).toPlainString();
  }
}
