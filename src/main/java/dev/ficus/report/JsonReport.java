package dev.ficus.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.model.Analysis;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.CallFrame;
import dev.ficus.model.Diagnostic;
import dev.ficus.model.EnvBinding;
import dev.ficus.model.Finding;
import dev.ficus.model.FunctionEffects;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.ResourceRef;
import dev.ficus.model.Route;
import dev.ficus.model.SourceRef;
import dev.ficus.model.Trigger;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON report of {@code ficus analyze}, the contract other tools read (docs/report-format.md).
 * Written field by field rather than by reflection, so that the order of keys, the names and the
 * omitted nulls are decided here and nowhere else.
 */
public final class JsonReport {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private JsonReport() {}

  public static String render(Analysis analysis) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", Analysis.SCHEMA_VERSION);
    ObjectNode summary = root.putObject("summary");
    summary.put("routes", analysis.routes().size());
    summary.put("functions", analysis.functions().size());
    summary.put("findings", analysis.findings().size());
    summary.put("diagnostics", analysis.diagnostics().size());
    ArrayNode routes = root.putArray("routes");
    analysis.routes().forEach(r -> routes.add(route(r)));
    ArrayNode functions = root.putArray("functions");
    for (LambdaFunction f : analysis.functions()) {
      ObjectNode node = function(f, analysis.effectsOf(f.logicalId()));
      strings(
          node.putArray("routes"),
          analysis.routes().stream().filter(r -> f.logicalId().equals(r.function())).map(Route::id).toList());
      functions.add(node);
    }
    ArrayNode findings = root.putArray("findings");
    analysis.findings().forEach(f -> findings.add(finding(f)));
    ArrayNode diagnostics = root.putArray("diagnostics");
    analysis.diagnostics().forEach(d -> diagnostics.add(diagnostic(d)));
    return write(root);
  }

  static String write(ObjectNode root) {
    try {
      return WRITER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain nodes always serializes", e);
    }
  }

  static ObjectNode route(Route route) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", route.id());
    node.put("method", route.method());
    node.put("path", route.path());
    node.put("handler", route.handler());
    putIfPresent(node, "function", route.function());
    node.set("source", source(route.source()));
    node.put("confidence", route.confidence().id());
    node.put("extractor", route.extractor());
    ArrayNode effects = node.putArray("effects");
    route.effects().forEach(e -> effects.add(effect(e)));
    strings(node.putArray("iamActions"), route.iamActions());
    strings(node.putArray("classes"), route.classes());
    return node;
  }

  static ObjectNode effect(AwsEffect effect) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("service", effect.service());
    node.put("operation", effect.operation());
    strings(node.putArray("iamActions"), effect.iamActions());
    node.set("resource", resource(effect.resource()));
    ArrayNode chain = node.putArray("callChain");
    for (CallFrame frame : effect.callChain()) {
      ObjectNode f = chain.addObject();
      f.put("method", frame.method());
      f.put("file", frame.source().file());
      f.put("line", frame.source().line());
    }
    return node;
  }

  static ObjectNode resource(ResourceRef resource) {
    ObjectNode node = MAPPER.createObjectNode();
    putIfPresent(node, "type", resource.type());
    putIfPresent(node, "name", resource.name());
    node.put("arn", resource.arn());
    node.put("resolution", resource.resolution());
    putIfPresent(node, "reason", resource.reason());
    return node;
  }

  static ObjectNode function(LambdaFunction function, Optional<FunctionEffects> effects) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("logicalId", function.logicalId());
    putIfPresent(node, "handler", function.handler());
    putIfPresent(node, "runtime", function.runtime());
    putIfPresent(node, "codeUri", function.codeUri());
    putIfPresent(node, "iac", function.iac());
    if (function.source() != null) {
      node.set("source", source(function.source()));
    }
    ArrayNode env = node.putArray("environment");
    for (EnvBinding binding : function.environment()) {
      ObjectNode b = env.addObject();
      b.put("name", binding.name());
      b.put("kind", binding.kind().name().toLowerCase(java.util.Locale.ROOT));
      b.put("value", binding.value());
      putIfPresent(b, "resourceType", binding.resourceType());
      putIfPresent(b, "physicalName", binding.physicalName());
    }
    ArrayNode triggers = node.putArray("triggers");
    for (Trigger trigger : function.triggers()) {
      ObjectNode t = triggers.addObject();
      t.put("kind", trigger.kind());
      t.put("name", trigger.name());
      putIfPresent(t, "method", trigger.method());
      putIfPresent(t, "path", trigger.path());
      putIfPresent(t, "target", trigger.target());
      if (!trigger.properties().isEmpty()) {
        ObjectNode props = t.putObject("properties");
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(trigger.properties()).entrySet()) {
          props.put(e.getKey(), e.getValue());
        }
      }
      if (trigger.source() != null) {
        t.set("source", source(trigger.source()));
      }
    }
    strings(node.putArray("policies"), function.policies());
    if (effects.isPresent()) {
      ArrayNode handler = node.putArray("effects");
      effects.get().effects().forEach(e -> handler.add(effect(e)));
      ArrayNode init = node.putArray("initEffects");
      effects.get().initEffects().forEach(e -> init.add(effect(e)));
      strings(node.putArray("iamActions"), effects.get().iamActions());
    }
    return node;
  }

  static ObjectNode finding(Finding finding) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("rule", finding.rule());
    node.put("severity", finding.severity().id());
    node.put("message", finding.message());
    node.set("source", source(finding.source()));
    putIfPresent(node, "function", finding.function());
    putIfPresent(node, "route", finding.route());
    putIfPresent(node, "advice", finding.advice());
    return node;
  }

  static ObjectNode diagnostic(Diagnostic diagnostic) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("severity", diagnostic.severity().id());
    node.put("code", diagnostic.code());
    node.put("message", diagnostic.message());
    if (diagnostic.source() != null) {
      node.set("source", source(diagnostic.source()));
    }
    return node;
  }

  static ObjectNode source(SourceRef ref) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("file", ref.file());
    node.put("line", ref.line());
    return node;
  }

  private static void strings(ArrayNode array, Collection<String> values) {
    values.forEach(array::add);
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
