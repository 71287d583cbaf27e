package dev.ficus.report;

import dev.ficus.model.Analysis;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.Diagnostic;
import dev.ficus.model.Finding;
import dev.ficus.model.FunctionEffects;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Route;
import java.util.ArrayList;
import java.util.List;

/**
 * The human report of {@code ficus analyze}: a table of routes a developer can scan in a terminal,
 * then findings and diagnostics. Plain text with no colour codes, so it can be piped and diffed.
 */
public final class TextReport {

  private TextReport() {}

  public static String render(Analysis analysis) {
    StringBuilder out = new StringBuilder();
    out.append(analysis.routes().size()).append(analysis.routes().size() == 1 ? " route" : " routes")
        .append(" in ").append(analysis.functions().size())
        .append(analysis.functions().size() == 1 ? " function" : " functions").append("\n\n");
    if (!analysis.routes().isEmpty()) {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"METHOD", "PATH", "HANDLER", "FUNCTION", "CONFIDENCE", "SOURCE", "IAM ACTIONS"});
      for (Route r : analysis.routes()) {
        rows.add(
            new String[] {
              r.method(),
              r.path(),
              r.handler(),
              r.function() == null ? "-" : r.function(),
              r.confidence().id(),
              r.source().toString(),
              r.iamActions().isEmpty() ? "-" : String.join(", ", r.iamActions())
            });
      }
      table(out, rows);
      out.append('\n');
      effects(out, analysis);
    }
    functions(out, analysis);
    if (!analysis.findings().isEmpty()) {
      out.append("Findings:\n");
      for (Finding f : analysis.findings()) {
        out.append("  ").append(f.severity().id()).append(' ').append(f.rule()).append(' ')
            .append(f.source()).append(": ").append(f.message()).append('\n');
      }
      out.append('\n');
    }
    if (!analysis.diagnostics().isEmpty()) {
      out.append("Diagnostics:\n");
      for (Diagnostic d : analysis.diagnostics()) {
        out.append("  ").append(d.severity().id()).append(' ').append(d.code());
        if (d.source() != null) {
          out.append(' ').append(d.source());
        }
        out.append(": ").append(d.message()).append('\n');
      }
    }
    return out.toString();
  }

  /** Per function: what its code needs as a whole, beside what the IaC grants it today. */
  private static void functions(StringBuilder out, Analysis analysis) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"FUNCTION", "ROUTES", "NEEDS (IAM ACTIONS)", "GRANTED TODAY"});
    for (LambdaFunction f : analysis.functions()) {
      long routes = analysis.routes().stream().filter(r -> f.logicalId().equals(r.function())).count();
      List<String> needs = analysis.effectsOf(f.logicalId()).map(FunctionEffects::iamActions).orElse(List.of());
      rows.add(
          new String[] {
            f.logicalId(),
            Long.toString(routes),
            needs.isEmpty() ? "-" : String.join(", ", needs),
            f.policies().isEmpty() ? "-" : String.join("; ", f.policies())
          });
    }
    if (rows.size() > 1) {
      table(out, rows);
      out.append('\n');
    }
  }

  /** Per route, one row per SDK call: what it does, on what, and where. */
  private static void effects(StringBuilder out, Analysis analysis) {
    for (Route r : analysis.routes()) {
      if (r.effects().isEmpty()) {
        continue;
      }
      out.append(r.id()).append('\n');
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"  CALL", "IAM ACTIONS", "RESOURCE", "AT"});
      for (AwsEffect e : r.effects()) {
        rows.add(
            new String[] {
              "  " + e.service() + " " + e.operation(),
              String.join(", ", e.iamActions()),
              e.resource().reason() == null
                  ? e.resource().arn()
                  : e.resource().arn() + " (" + e.resource().reason() + ")",
              e.callSite().toString()
            });
      }
      table(out, rows);
      out.append('\n');
    }
  }

  static void table(StringBuilder out, List<String[]> rows) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(row[i]);
        if (i < columns - 1) {
          line.append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }
}
