package dev.ficus.scaffold;

import dev.ficus.model.PlannedFunction;
import dev.ficus.model.PlannedService;
import dev.ficus.model.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code SCAFFOLD.md}: what each generated function and module carries against what the monolith
 * carried, in files and libraries. It is the measure of the split that a reviewer checks first
 * (a function that still needs most of the monolith's code was not really split out), and it
 * lists what ficus could not carry over.
 */
public final class ScaffoldReport implements ProjectPart {

  @Override
  public void contribute(ScaffoldContext context) {
    ProjectLayout layout = context.layout();
    MonolithPom pom = context.monolithPom().orElse(MonolithPom.none());
    long monolithFiles = context.analysis().sources().stream().filter(s -> !s.test()).count();
    TreeSet<String> monolithLibraries = new TreeSet<>();
    pom.dependencies().stream().filter(d -> !d.isTestOnly()).forEach(d -> monolithLibraries.add(d.key()));
    TreeSet<String> shared = new TreeSet<>(context.libraries(ProjectLayout.SHARED_DIR));

    List<Map<String, Object>> functions = new ArrayList<>();
    for (PlannedService service : context.plan().services()) {
      ProjectLayout.Module module = layout.module(service.name());
      for (PlannedFunction function : service.functions()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", function.name());
        row.put("route", markdownCell(function.label()));
        row.put("handler", layout.handlerOf(function).qualifiedName());
        row.put("module", module.dir());
        row.put("files", context.functionFiles(function.name()).size());
        row.put("actions", function.permissions().actions());
        row.put("monolithActions", function.permissions().monolithActions());
        functions.add(row);
      }
    }
    List<Map<String, Object>> modules = new ArrayList<>();
    if (!context.copiedFiles(ProjectLayout.SHARED_DIR).isEmpty()) {
      modules.add(moduleRow(ProjectLayout.SHARED_DIR, context, shared, monolithLibraries));
    }
    for (ProjectLayout.Module module : layout.modules()) {
      TreeSet<String> libraries = new TreeSet<>(context.libraries(module.dir()));
      if (libraries.remove(layout.groupId() + ":" + layout.sharedArtifactId())) {
        libraries.addAll(shared);
      }
      modules.add(moduleRow(module.dir(), context, libraries, monolithLibraries));
    }
    Map<String, List<String>> notes = new TreeMap<>();
    for (ScaffoldNote note : context.notes()) {
      String who = note.function() == null ? "the project" : note.function();
      notes.computeIfAbsent(who, k -> new ArrayList<>())
          .add((note.file() == null ? "" : "`" + note.file() + "`: ") + note.message());
    }
    Map<String, Object> model = new TreeMap<>();
    model.put("monolithFiles", monolithFiles);
    model.put("monolithLibraries", new ArrayList<>(monolithLibraries));
    model.put("functions", functions);
    model.put("modules", modules);
    model.put("notes", notes);
    model.put(
        "eventFunctions",
        context.plan().functions().stream()
            .filter(PlannedFunction::isEvent)
            .map(f -> MigrationGuide.eventRow(context, f))
            .toList());
    context.add("SCAFFOLD.md", Templates.render("SCAFFOLD.md.ftl", model));
  }

  /**
   * A module's row: of the monolith's libraries, those it keeps; apart, those it declares that the
   * monolith does not (the generated handlers' own, such as the Lambda events library).
   */
  private static Map<String, Object> moduleRow(
      String dir, ScaffoldContext context, TreeSet<String> libraries, TreeSet<String> monolithLibraries) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("dir", dir);
    row.put("files", context.copiedFiles(dir).size());
    row.put("paths", context.copiedFiles(dir).stream().map(SourceFile::path).toList());
    row.put("libraries", libraries.stream().filter(monolithLibraries::contains).toList());
    row.put("added", libraries.stream().filter(l -> !monolithLibraries.contains(l)).toList());
    return row;
  }

  /** Text for a Markdown table cell: a pipe would end the cell, a backtick open code. */
  static String markdownCell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`").replace("\n", " ");
  }
}
