package dev.ficus.plan;

import dev.ficus.model.Analysis;
import dev.ficus.model.Diagnostic;
import dev.ficus.model.Plan;
import dev.ficus.model.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a plan.json a user edited (docs/plan-format.md) and checks it against the analysis: the
 * decisions in it (which route in which service, service and function names, pinned phases) are
 * kept, everything else is recomputed. Every problem is reported at once, each naming the line or
 * the route, so that one edit-run cycle fixes them all.
 */
public final class PlanFile {

  /** The decisions read from a plan file, checked against the analysis. */
  public record Edited(
      String strategy, Map<String, Double> weights, PlanBuilder.Layout layout, List<Diagnostic> notes) {}

  /** Either the decisions or the errors that keep the file from being used. */
  public record Result(Edited edited, List<String> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  private final String fileName;
  private final List<String> errors = new ArrayList<>();
  private final List<Diagnostic> notes = new ArrayList<>();

  private PlanFile(String fileName) {
    this.fileName = fileName;
  }

  /**
   * Reads {@code text}, the content of the file called {@code fileName} (used in messages).
   */
  public static Result read(String fileName, String text, Analysis analysis) {
    return new PlanFile(fileName).read(text, analysis);
  }

  private Result read(String text, Analysis analysis) {
    LocatedJson root;
    try {
      root = LocatedJson.parse(text);
    } catch (LocatedJson.SyntaxError e) {
      error(e.line, "not valid JSON: " + e.getMessage());
      return new Result(null, errors);
    }
    Map<String, LocatedJson> top = root.object();
    if (top == null) {
      error(root.line(), "a plan is a JSON object");
      return new Result(null, errors);
    }
    LocatedJson version = top.get("schemaVersion");
    if (version == null || !(version.value() instanceof Number n) || n.intValue() != Plan.SCHEMA_VERSION) {
      error(version == null ? root.line() : version.line(),
          "schemaVersion must be " + Plan.SCHEMA_VERSION + " (this ficus reads plan files of version "
              + Plan.SCHEMA_VERSION + ")");
    }
    String strategy = top.get("strategy") == null ? null : top.get("strategy").string();
    Map<String, Double> weights = new TreeMap<>();
    if (top.get("weights") != null && top.get("weights").object() != null) {
      top.get("weights").object().forEach((k, v) -> {
        if (v.value() instanceof Number num) {
          weights.put(k, num.doubleValue());
        }
      });
    }

    // Two functions of one repository may serve the same route id: they move together.
    Map<String, List<Route>> routesById = new LinkedHashMap<>();
    analysis.routes().forEach(r -> routesById.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
    // Event functions are named by their logical id; the plan's other fields about them are
    // recomputed like a route function's.
    Set<String> eventIds = new TreeSet<>();
    EventFunctions.of(analysis, new ArrayList<>()).forEach(e -> eventIds.add(e.id()));
    Map<String, String> eventServices = new TreeMap<>();
    Map<String, Integer> eventLines = new HashMap<>();

    // Services and their routes.
    List<List<Route>> groups = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Map<String, String> functionNames = new TreeMap<>();
    Map<String, Integer> serviceLines = new HashMap<>();
    Map<String, Integer> functionLines = new HashMap<>();
    Map<String, String> serviceOfRoute = new HashMap<>();
    Map<String, Integer> routeLines = new HashMap<>();
    LocatedJson services = top.get("services");
    if (services == null || services.array() == null) {
      error(services == null ? root.line() : services.line(), "'services' must be an array of services");
      return new Result(null, errors);
    }
    for (LocatedJson s : services.array()) {
      Map<String, LocatedJson> service = s.object();
      if (service == null) {
        error(s.line(), "a service is a JSON object with a name and functions");
        continue;
      }
      String name = service.get("name") == null ? null : service.get("name").string();
      int nameLine = service.get("name") == null ? s.line() : service.get("name").line();
      if (name == null || !Names.isServiceName(name)) {
        error(nameLine, "bad service name " + quote(name)
            + ": use lower-case letters, digits and dashes (kebab-case), e.g. 'admin-users'");
      } else if (serviceLines.containsKey(name)) {
        error(nameLine, "duplicate service name '" + name + "' (first at line " + serviceLines.get(name) + ")");
      } else {
        serviceLines.put(name, nameLine);
      }
      LocatedJson functions = service.get("functions");
      if (functions == null || functions.array() == null) {
        error(functions == null ? s.line() : functions.line(),
            "service " + quote(name) + " needs a 'functions' array");
        continue;
      }
      List<Route> group = new ArrayList<>();
      boolean hasEvents = false;
      for (LocatedJson f : functions.array()) {
        Map<String, LocatedJson> function = f.object();
        LocatedJson routeNode = function == null ? null : function.get("route");
        String routeId = routeNode == null ? null : routeNode.string();
        LocatedJson monolithNode = function == null ? null : function.get("monolith");
        if (routeId == null && monolithNode != null && monolithNode.string() != null
            && function.get("triggers") != null) {
          String id = monolithNode.string();
          int line = monolithNode.line();
          if (!eventIds.contains(id)) {
            error(line, "unknown event function '" + id + "'; 'ficus analyze' lists the functions"
                + " of the repository, and those with triggers and no routes are event functions");
          } else if (eventServices.containsKey(id)) {
            error(line, "event function '" + id + "' is in two services: " + eventServices.get(id)
                + " (line " + eventLines.get(id) + ") and " + name);
          } else {
            eventServices.put(id, name);
            eventLines.put(id, line);
            hasEvents = true;
            chooseName(function.get("name"), id, functionLines, functionNames);
          }
          continue;
        }
        if (routeId == null) {
          error(f.line(), "a function needs a 'route', e.g. \"route\": \"GET /orders/{id}\","
              + " or, for an event function, its 'monolith' and 'triggers'");
          continue;
        }
        int line = routeNode.line();
        List<Route> route = routesById.get(routeId);
        if (route == null) {
          error(line, "unknown route '" + routeId + "'; 'ficus analyze' lists the routes of the repository");
          continue;
        }
        if (serviceOfRoute.containsKey(routeId)) {
          error(line, "route '" + routeId + "' is in two services: " + serviceOfRoute.get(routeId)
              + " (line " + routeLines.get(routeId) + ") and " + name);
          continue;
        }
        serviceOfRoute.put(routeId, name);
        routeLines.put(routeId, line);
        group.addAll(route);
        chooseName(function.get("name"), routeId, functionLines, functionNames);
      }
      if (!group.isEmpty()) {
        groups.add(group);
        names.add(name);
      } else if (hasEvents) {
        // A service of event functions only: the builder makes it from their placement.
      } else if (name != null) {
        notes.add(Diagnostic.note("empty-service",
            "Service '" + name + "' has no functions left in " + fileName + "; it was dropped.", null));
      }
    }
    for (String id : routesById.keySet()) {
      if (!serviceOfRoute.containsKey(id)) {
        error(0, "route '" + id + "' is in no service; add it to the functions of one");
      }
    }

    for (String id : eventIds) {
      if (!eventServices.containsKey(id)) {
        notes.add(Diagnostic.note("event-function-placed",
            "Event function '" + id + "' is in no service of " + fileName + "; ficus placed it by"
                + " affinity.", null));
      }
    }

    // Phases.
    List<List<String>> pinned = null;
    LocatedJson order = top.get("phaseOrder");
    String phaseOrder = order == null ? "computed" : order.string();
    if ("pinned".equals(phaseOrder)) {
      pinned = readPhases(top.get("phases"), root.line(), routesById, eventIds);
    } else if (!"computed".equals(phaseOrder)) {
      error(order.line(), "bad phase order " + quote(phaseOrder) + ": use \"computed\" or \"pinned\"");
    }
    if (!errors.isEmpty()) {
      return new Result(null, errors);
    }
    return new Result(
        new Edited(strategy == null ? "edited" : strategy, weights,
            new PlanBuilder.Layout(groups, names, functionNames, pinned, eventServices), notes),
        List.of());
  }

  /** Keeps a function's chosen name, keyed by its route id or event function id. */
  private void chooseName(
      LocatedJson fname, String id, Map<String, Integer> functionLines, Map<String, String> functionNames) {
    if (fname == null || fname.value() == null) {
      return;
    }
    String chosen = fname.string();
    if (!Names.isLogicalId(chosen)) {
      error(fname.line(), "bad function name " + quote(chosen)
          + ": a CloudFormation logical id has only letters and digits");
    } else if (functionLines.containsKey(chosen)) {
      error(fname.line(), "duplicate function name '" + chosen + "' (first at line "
          + functionLines.get(chosen) + ")");
    } else {
      functionLines.put(chosen, fname.line());
      functionNames.put(id, chosen);
    }
  }

  private List<List<String>> readPhases(
      LocatedJson phases, int rootLine, Map<String, List<Route>> routesById, Set<String> eventIds) {
    if (phases == null || phases.array() == null) {
      error(phases == null ? rootLine : phases.line(), "bad phase: \"phaseOrder\": \"pinned\" needs a 'phases' array");
      return null;
    }
    TreeMap<Integer, List<String>> byNumber = new TreeMap<>();
    Map<String, Integer> phaseOfRoute = new HashMap<>();
    Map<String, Integer> lineOfRoute = new HashMap<>();
    Map<Integer, Integer> lineOfNumber = new HashMap<>();
    for (LocatedJson p : phases.array()) {
      Map<String, LocatedJson> phase = p.object();
      LocatedJson numberNode = phase == null ? null : phase.get("phase");
      if (numberNode == null || !(numberNode.value() instanceof Number number)
          || number.doubleValue() != Math.rint(number.doubleValue())) {
        error(p.line(), "bad phase: each phase needs a whole \"phase\" number");
        continue;
      }
      int n = number.intValue();
      if (n < 1) {
        error(numberNode.line(), "bad phase: phase " + n + "; phases are numbered from 1");
        continue;
      }
      if (lineOfNumber.containsKey(n)) {
        error(numberNode.line(), "bad phase: phase " + n + " appears twice (first at line " + lineOfNumber.get(n) + ")");
        continue;
      }
      lineOfNumber.put(n, numberNode.line());
      List<LocatedJson> entries = new ArrayList<>();
      for (String key : List.of("routes", "functions")) {
        LocatedJson list = phase.get(key);
        if (list != null && list.array() != null) {
          entries.addAll(list.array());
        }
      }
      if (entries.isEmpty()) {
        error(numberNode.line(), "bad phase: phase " + n + " has no routes");
        continue;
      }
      List<String> ids = new ArrayList<>();
      for (LocatedJson r : entries) {
        String id = r.string();
        if (id == null || !(routesById.containsKey(id) || eventIds.contains(id))) {
          error(r.line(), "bad phase: unknown route " + quote(id) + " in phase " + n);
        } else if (phaseOfRoute.containsKey(id)) {
          error(r.line(), "bad phase: route '" + id + "' is in phase " + phaseOfRoute.get(id)
              + " (line " + lineOfRoute.get(id) + ") and in phase " + n);
        } else {
          phaseOfRoute.put(id, n);
          lineOfRoute.put(id, r.line());
          ids.add(id);
        }
      }
      byNumber.put(n, ids);
    }
    int expected = 1;
    for (int n : byNumber.keySet()) {
      if (n != expected) {
        error(lineOfNumber.get(n), "bad phase: phase " + n + " follows phase " + (expected - 1)
            + "; number the phases 1, 2, 3 ... without gaps");
        break;
      }
      expected++;
    }
    for (String id : new TreeSet<>(routesById.keySet())) {
      if (!phaseOfRoute.containsKey(id)) {
        error(0, "bad phase: route '" + id + "' is in no phase; with pinned phases every route needs one");
      }
    }
    return new ArrayList<>(byNumber.values());
  }

  private void error(int line, String message) {
    errors.add((line > 0 ? fileName + " line " + line + ": " : fileName + ": ") + message);
  }

  private static String quote(String text) {
    return text == null ? "(none)" : "'" + text + "'";
  }
}
