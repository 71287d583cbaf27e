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
    model.put("catchAll", strangler.catchAll());
    List<Map<String, Object>> phases = new ArrayList<>();
    for (Phase phase : context.plan().phases()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("number", phase.number());
      p.put("title", phase.services().isEmpty() ? "routes" : "service " + String.join(", ", phase.services()));
      p.put("reason", text(phase.reason()));
      p.put("template", SamTemplates.phaseTemplate(phase.number()));
      p.put("previous", SamTemplates.phaseTemplate(Math.max(1, phase.number() - 1)));
      List<Map<String, Object>> moves = new ArrayList<>();
      List<Map<String, Object>> events = new ArrayList<>();
      for (PlannedFunction f : context.plan().functions()) {
        if (f.isEvent() && strangler.phaseOf(f).orElse(-1) == phase.number()) {
          events.add(eventMove(context, f, phase.number()));
          continue;
        }
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
      p.put("events", events);
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
    model.put("eventFunctions", strangler.eventFunctions().stream().map(f -> eventRow(context, f)).toList());
    List<String> monolithNotifications = new ArrayList<>();
    for (String id : strangler.monoliths()) {
      strangler.declaration(id).ifPresent(declared -> {
        for (EventSources.Notification n : notifications(context, id, declared.triggers())) {
          monolithNotifications.add(
              "The bucket " + code(String.valueOf(n.bucket())) + " notifies the monolith " + code(id)
                  + " (event " + code(n.event()) + "). The monolith's copy in the new stack may be invoked"
                  + " by it (output " + code(n.output()) + "), but the notification keeps pointing at the"
                  + " monolith's own stack until you retire that stack: then point it at that output as"
                  + " the event functions below do.");
        }
      });
    }
    model.put("monolithNotifications", monolithNotifications);
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

  /** An event function's move in its phase: its triggers and how each one changes hands. */
  private static Map<String, Object> eventMove(ScaffoldContext context, PlannedFunction f, int phase) {
    Map<String, Object> move = new LinkedHashMap<>();
    move.put("function", code(f.name()));
    move.put("label", code(f.label()));
    move.put("service", code(context.layout().moduleOf(f).service()));
    move.put("monolith", code(f.monolith()));
    List<String> steps = new ArrayList<>();
    List<String> rollback = new ArrayList<>();
    List<EventSources.Notification> notifications = notifications(context, f.name(), f.triggers());
    for (dev.ficus.model.Trigger t : f.triggers()) {
      TriggerPermissions.Entry entry = TriggerPermissions.builtIn().of(t.kind()).orElse(null);
      String event = t.kind() + " event " + code(t.name())
          + (t.target() == null ? "" : " on " + code(t.target()));
      if (entry == null) {
        steps.add("The " + event + " is not carried over (see the notes at the end): add it to the new"
            + " function by hand, then remove it from " + code(f.monolith()) + " in the monolith's stack.");
        continue;
      }
      switch (entry.overlap()) {
        case SHARED -> {
          steps.add("Once deployed, the new function consumes the " + event + " beside " + code(f.monolith())
              + " of the monolith's stack: each message goes to one of them, so none is handled twice."
              + " Watch the new function's log group, then remove the event from " + code(f.monolith())
              + " in the monolith's stack and deploy that stack.");
          rollback.add("put the " + event + " back on " + code(f.monolith()) + " in the monolith's stack and"
              + " deploy it; then deploy the previous phase's template");
        }
        case DUPLICATE -> {
          steps.add("Once deployed, the new function receives every " + event + " and so does "
              + code(f.monolith()) + " of the monolith's stack, so each event is handled twice while both"
              + " have it: check the new function's log group, then remove the event from "
              + code(f.monolith()) + " in the monolith's stack and deploy that stack right away (or make"
              + " sure the handler is idempotent).");
          rollback.add("put the " + event + " back on " + code(f.monolith()) + " in the monolith's stack and"
              + " deploy it; then deploy the previous phase's template");
        }
        case SWITCH -> {
          EventSources.Notification n = notifications.stream()
              .filter(x -> x.event().equals(t.name())).findFirst().orElse(null);
          if (n == null) {
            continue;
          }
          steps.add("The bucket " + code(String.valueOf(n.bucket())) + " notifies one destination per"
              + " event and filter (S3 rejects overlapping configurations), so it is switched: the new stack"
              + " lets the bucket invoke the new function and gives its alias's ARN as the output "
              + code(n.output()) + ". In the stack that owns the bucket (the monolith's), remove the "
              + event + " from " + code(f.monolith()) + " and give the bucket this notification instead,"
              + " with the output's value as " + code("Function") + " (the snippet below takes it as a"
              + " parameter " + code(n.function() + "AliasArn") + " of that stack), then deploy it:");
          move.put("notification", notificationYaml(n));
          rollback.add("in the stack that owns " + code(String.valueOf(n.bucket())) + ", remove that"
              + " notification and put the " + event + " back on " + code(f.monolith()) + ", then deploy"
              + " it; then deploy the previous phase's template");
        }
      }
    }
    move.put("steps", steps);
    move.put("rollback", rollback.isEmpty() ? "deploy the previous phase's template" : String.join("; ", rollback));
    move.put("phase", phase);
    return move;
  }

  /** What SAM adds for each trigger of an event function, beside what its own policy holds. */
  static Map<String, Object> eventRow(ScaffoldContext context, PlannedFunction f) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("function", code(f.name()));
    List<String> triggers = new ArrayList<>();
    List<String> sam = new ArrayList<>();
    List<String> byHand = new ArrayList<>();
    for (dev.ficus.model.Trigger t : f.triggers()) {
      triggers.add(code(t.kind() + " " + t.name()));
      TriggerPermissions.Entry entry = TriggerPermissions.builtIn().of(t.kind()).orElse(null);
      if (entry == null) {
        sam.add(t.kind() + ": unknown to ficus");
        continue;
      }
      sam.add(text(entry.kind().equals("S3")
          ? "nothing: the bucket is in another stack, so ficus writes the AWS::Lambda::Permission for "
              + entry.principal() + " itself"
          : entry.samAdds()));
      entry.caveats().stream().filter(c -> !entry.kind().equals("S3")).map(MigrationGuide::text).forEach(byHand::add);
    }
    List<String> policy = new ArrayList<>();
    for (PolicyStatement s : f.policy()) {
      policy.add(String.join(", ", s.actions().stream().map(MigrationGuide::code).toList()) + " on " + code(s.resource()));
    }
    row.put("triggers", String.join("<br>", triggers));
    row.put("sam", String.join("<br>", sam));
    row.put("policy", policy.isEmpty() ? "nothing" : String.join("<br>", policy));
    row.put("byHand", byHand.isEmpty() ? "nothing" : String.join("<br>", byHand));
    return row;
  }

  private static List<EventSources.Notification> notifications(
      ScaffoldContext context, String function, List<dev.ficus.model.Trigger> triggers) {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    context.plan().functions().forEach(f -> ids.add(f.name()));
    ids.add("ApiUrl");
    return EventSources.render(
            function, triggers, new StackParameters(context.analysis()), new java.util.TreeSet<>(), ids)
        .notifications();
  }

  /** The bucket's notification, as the owning stack's template writes it. */
  private static String notificationYaml(EventSources.Notification n) {
    YamlWriter.Mapping configuration = new YamlWriter.Mapping();
    configuration.put(
        "Event", n.events().isEmpty() ? "s3:ObjectCreated:*" : n.events().get(0));
    List<YamlWriter.Node> rules = new ArrayList<>();
    if (n.prefix() != null) {
      rules.add(new YamlWriter.Mapping().put("Name", "prefix").put("Value", n.prefix()));
    }
    if (n.suffix() != null) {
      rules.add(new YamlWriter.Mapping().put("Name", "suffix").put("Value", n.suffix()));
    }
    if (!rules.isEmpty()) {
      configuration.put(
          "Filter",
          new YamlWriter.Mapping().put("S3Key", new YamlWriter.Mapping().put("Rules", new YamlWriter.Sequence(rules))));
    }
    configuration.put("Function", YamlWriter.Tagged.ref(n.function() + "AliasArn"));
    List<YamlWriter.Node> configurations = new ArrayList<>();
    configurations.add(configuration);
    for (int i = 1; i < n.events().size(); i++) {
      YamlWriter.Mapping more = new YamlWriter.Mapping();
      configuration.entries().forEach(more::put);
      more.put("Event", n.events().get(i));
      configurations.add(more);
    }
    YamlWriter.Mapping bucket = new YamlWriter.Mapping();
    bucket.put("Type", "AWS::S3::Bucket");
    bucket.put(
        "Properties",
        new YamlWriter.Mapping()
            .put(
                "NotificationConfiguration",
                new YamlWriter.Mapping().put("LambdaConfigurations", new YamlWriter.Sequence(configurations))));
    YamlWriter.Mapping root = new YamlWriter.Mapping();
    root.put(n.bucket() == null ? "TheBucket" : n.bucket(), bucket);
    return YamlWriter.write(root).strip();
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
