package dev.ficus.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.model.Conflict;
import dev.ficus.model.EnvBinding;
import dev.ficus.model.Phase;
import dev.ficus.model.Plan;
import dev.ficus.model.PlanMetrics;
import dev.ficus.model.PlannedFunction;
import dev.ficus.model.PlannedService;
import dev.ficus.model.PolicyStatement;
import dev.ficus.model.SharedClass;
import dev.ficus.model.Trigger;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;

/**
 * plan.json, the file a user reviews and edits and {@code ficus scaffold} reads
 * (docs/plan-format.md). Written field by field, numbers rounded to four decimals, so the same
 * plan gives the same bytes.
 */
public final class PlanJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PlanJson() {}

  public static String render(Plan plan) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", Plan.SCHEMA_VERSION);
    root.put("strategy", plan.strategy());
    ObjectNode weights = root.putObject("weights");
    plan.weights().forEach((k, v) -> weights.put(k, round(v)));
    root.put("phaseOrder", plan.pinnedPhases() ? "pinned" : "computed");
    ArrayNode services = root.putArray("services");
    plan.services().forEach(s -> services.add(service(s)));
    ArrayNode shared = root.putArray("sharedClasses");
    for (SharedClass c : plan.sharedClasses()) {
      ObjectNode node = shared.addObject();
      node.put("name", c.name());
      strings(node.putArray("services"), c.services());
    }
    java.util.Set<String> eventIds = new java.util.HashSet<>();
    plan.functions().stream().filter(PlannedFunction::isEvent).forEach(f -> eventIds.add(f.route()));
    ArrayNode phases = root.putArray("phases");
    for (Phase phase : plan.phases()) {
      ObjectNode node = phases.addObject();
      node.put("phase", phase.number());
      strings(node.putArray("services"), phase.services());
      strings(node.putArray("routes"), phase.routes().stream().filter(r -> !eventIds.contains(r)).toList());
      List<String> events = phase.routes().stream().filter(eventIds::contains).toList();
      if (!events.isEmpty()) {
        strings(node.putArray("functions"), events);
      }
      node.put("reason", phase.reason());
    }
    ArrayNode conflicts = root.putArray("conflicts");
    for (Conflict c : plan.conflicts()) {
      ObjectNode node = conflicts.addObject();
      node.put("kind", c.kind());
      node.put("subject", c.subject());
      strings(node.putArray("services"), c.services());
      node.put("message", c.message());
    }
    root.set("metrics", metrics(plan.metrics()));
    ArrayNode diagnostics = root.putArray("diagnostics");
    plan.diagnostics().forEach(d -> diagnostics.add(JsonReport.diagnostic(d)));
    return JsonReport.write(root);
  }

  private static ObjectNode service(PlannedService service) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("name", service.name());
    ArrayNode functions = node.putArray("functions");
    service.functions().forEach(f -> functions.add(function(f)));
    strings(node.putArray("classes"), service.classes());
    strings(node.putArray("writes"), service.writes());
    strings(node.putArray("reads"), service.reads());
    return node;
  }

  private static ObjectNode function(PlannedFunction function) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("name", function.name());
    if (!function.isEvent()) {
      node.put("route", function.route());
    }
    node.put("handler", function.handler());
    if (function.monolith() != null) {
      node.put("monolith", function.monolith());
    }
    ArrayNode policy = node.putArray("policy");
    for (PolicyStatement statement : function.policy()) {
      ObjectNode s = policy.addObject();
      s.put("resource", statement.resource());
      strings(s.putArray("actions"), statement.actions());
      if (statement.reason() != null) {
        s.put("reason", statement.reason());
      }
    }
    ArrayNode environment = node.putArray("environment");
    for (EnvBinding binding : function.environment()) {
      ObjectNode e = environment.addObject();
      e.put("name", binding.name());
      e.put("kind", binding.kind().name().toLowerCase(java.util.Locale.ROOT));
      e.put("value", binding.value());
      if (binding.resourceType() != null) {
        e.put("resourceType", binding.resourceType());
      }
      if (binding.physicalName() != null) {
        e.put("physicalName", binding.physicalName());
      }
    }
    if (function.isEvent()) {
      ArrayNode triggers = node.putArray("triggers");
      for (Trigger trigger : function.triggers()) {
        ObjectNode t = triggers.addObject();
        t.put("kind", trigger.kind());
        t.put("name", trigger.name());
        if (trigger.target() != null) {
          t.put("target", trigger.target());
        }
        if (!trigger.properties().isEmpty()) {
          ObjectNode props = t.putObject("properties");
          trigger.properties().forEach(props::put);
        }
        if (trigger.source() != null) {
          t.set("source", JsonReport.source(trigger.source()));
        }
      }
    }
    ObjectNode permissions = node.putObject("permissions");
    PlannedFunction.Permissions p = function.permissions();
    permissions.put("actions", p.actions());
    permissions.put("resources", p.resources());
    permissions.put("monolithActions", p.monolithActions());
    permissions.put("monolithResources", p.monolithResources());
    return node;
  }

  static ObjectNode metrics(PlanMetrics m) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("services", m.services());
    node.put("functions", m.functions());
    node.put("structuralModularity", round(m.sm()));
    node.put("interPartitionCallPercentage", round(m.icp()));
    node.put("interfaceNumber", round(m.ifn()));
    node.put("nonExtremeDistribution", round(m.ned()));
    node.put("sharedWrites", m.sharedWrites());
    node.put("sharedClassRatio", round(m.sharedClassRatio()));
    node.put("actionReduction", round(m.actionReduction()));
    node.put("resourceReduction", round(m.resourceReduction()));
    return node;
  }

  static BigDecimal round(double value) {
    BigDecimal d = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return d.scale() < 1 ? d.setScale(1) : d;
  }

  private static void strings(ArrayNode array, Collection<String> values) {
    values.forEach(array::add);
  }
}
