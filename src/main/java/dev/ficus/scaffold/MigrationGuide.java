package dev.ficus.scaffold;

import dev.ficus.model.Phase;
import dev.ficus.model.PlannedFunction;
import dev.ficus.model.PolicyStatement;
import dev.ficus.model.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code MIGRATION.md}: the phases in order, what moves in each, how to deploy, test and roll
 * back each one, and the user's to-do list: every note of the whole run, grouped by function. It
 * runs after the parts that add notes, so the list is complete.
 */
public final class MigrationGuide implements ProjectPart {

  public static final String PATH = "MIGRATION.md";

  @Override
  public void contribute(ScaffoldContext context) {
    Strangler strangler = Strangler.of(context);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("strategy", context.plan().strategy());
    model.put("monoliths", String.join(", ", strangler.monoliths().stream().map(MigrationGuide::code).toList()));
    model.put(
        "codeParameters",
        String.join(", ", strangler.monoliths().stream().map(m -> code(m + "CodeBucket") + ", " + code(m + "CodeKey")).toList()));
    model.put("routeCount", context.analysis().routes().size());
    List<Map<String, Object>> phases = new ArrayList<>();
    for (Phase phase : context.plan().phases()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("number", phase.number());
      p.put("title", phase.services().isEmpty() ? "routes" : "service " + String.join(", ", phase.services()));
      p.put("reason", text(phase.reason()));
      p.put("template", SamTemplates.phaseTemplate(phase.number()));
      p.put("previous", SamTemplates.phaseTemplate(Math.max(1, phase.number() - 1)));
      List<Map<String, Object>> moves = new ArrayList<>();
      for (PlannedFunction f : context.plan().functions()) {
        if (strangler.phaseOf(f).orElse(-1) == phase.number()) {
          Map<String, Object> move = new LinkedHashMap<>();
          move.put("route", code(f.method() + " " + context.layout().apiPath(f.path())));
          move.put("function", code(f.name()));
          move.put("service", code(context.layout().moduleOf(f).service()));
          move.put("method", f.method().equals("ANY") ? "GET" : f.method());
          move.put("sample", StranglerRoutes.samplePath(context.layout().apiPath(f.path())).replace("\"", ""));
          moves.add(move);
        }
      }
      p.put("moves", moves);
      int extracted = 0;
      for (Route route : context.analysis().routes()) {
        if (!strangler.servingFunction(route, phase.number()).equals(strangler.monolithOf(route))) {
          extracted++;
        }
      }
      p.put("extracted", extracted);
      p.put("kept", context.analysis().routes().size() - extracted);
      phases.add(p);
    }
    model.put("phases", phases);
    List<Map<String, Object>> wildcards = new ArrayList<>();
    for (PlannedFunction f : context.plan().functions()) {
      for (PolicyStatement s : f.policy()) {
        if ("*".equals(s.resource())) {
          wildcards.add(
              Map.of(
                  "function", code(f.name()),
                  "actions", String.join(", ", s.actions().stream().map(MigrationGuide::code).toList()),
                  "reason", text(s.reason() == null ? "no reason given" : s.reason())));
        }
      }
    }
    model.put("wildcards", wildcards);
    Map<String, List<String>> byFunction = new TreeMap<>();
    for (ScaffoldNote note : context.notes()) {
      String title = note.function() == null ? "The whole project" : "Function " + code(note.function());
      String where = note.file() == null ? "" : " (" + code(note.file()) + ")";
      byFunction.computeIfAbsent(title, k -> new ArrayList<>()).add(text(note.message()) + where);
    }
    List<Map<String, Object>> groups = new ArrayList<>();
    List<String> project = byFunction.remove("The whole project");
    if (project != null) {
      groups.add(Map.of("title", "The whole project", "notes", project));
    }
    byFunction.forEach((title, notes) -> groups.add(Map.of("title", title, "notes", notes)));
    model.put("noteGroups", groups);
    context.add(PATH, Templates.render("MIGRATION.md.ftl", model));
  }

  /** Text as a Markdown code span; a backtick inside cannot end it early. */
  static String code(String text) {
    return "`" + text.replace("`", "'").replaceAll("\\R", " ") + "`";
  }

  /** Running text on one line, with the characters Markdown would read as markup escaped. */
  static String text(String text) {
    return text.replaceAll("\\R", " ").replaceAll("([\\\\`*_\\[\\]<>|#])", "\\\\$1");
  }
}
