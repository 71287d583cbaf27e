package dev.ficus.cli;

import dev.ficus.cluster.Strategy;
import dev.ficus.model.Analysis;
import dev.ficus.model.Diagnostic;
import dev.ficus.model.Plan;
import dev.ficus.plan.PlanFile;
import dev.ficus.plan.Planner;
import dev.ficus.workspace.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code plan} and {@code scaffold} both do before their own work: read a plan.json the user
 * edited, refuse a repository with no route, and get the plan, edited or computed, with the same
 * messages for the same mistakes.
 */
final class PlanInputs {

  private PlanInputs() {}

  /** The text of the edited plan, or null when there is none; read before the long analysis. */
  static String readEditedPlan(Path file) {
    if (file == null) {
      return null;
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("Cannot read the plan " + file + ": " + e.getMessage() + ".");
    }
  }

  /** Exit 3 with one sentence when the analysis found nothing to {@code purpose}. */
  static void requireRoutes(Analysis analysis, Path repo, String purpose) {
    if (analysis.routes().isEmpty()) {
      boolean noJava =
          analysis.diagnostics().stream().map(Diagnostic::code).anyMatch("no-java-sources"::equals);
      throw new InputException(
          noJava
              ? "No Java sources found in " + repo + "."
              : "No API route found in " + repo + "; nothing to " + purpose + ".");
    }
  }

  /** The user's edited plan, validated against the analysis, or the chosen strategy's plan. */
  static Plan plan(
      Analysis analysis, Planner planner, Path editedFile, String editedText, Strategy strategy, int services) {
    if (editedText == null) {
      return planner.plan(analysis, strategy, services);
    }
    PlanFile.Result result = PlanFile.read(editedFile.getFileName().toString(), editedText, analysis);
    if (!result.ok()) {
      throw new UsageException(
          "The plan " + editedFile + " cannot be used:\n  " + String.join("\n  ", result.errors()));
    }
    return planner.replan(analysis, result.edited());
  }
}
