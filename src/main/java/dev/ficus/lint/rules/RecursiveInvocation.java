package dev.ficus.lint.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.ficus.lint.Rule;
import dev.ficus.lint.RuleContext;
import dev.ficus.lint.code.Requests;
import dev.ficus.lint.code.Resources;
import dev.ficus.lint.code.SdkCall;
import dev.ficus.lint.code.SdkCalls;
import dev.ficus.lint.code.Values;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.Finding;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Severity;
import dev.ficus.model.SourceRef;
import dev.ficus.model.Trigger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A function that writes to the resource that triggers it, directly or through another function:
 * every invocation causes the next, and the loop runs (and bills) until Lambda's loop detection or
 * a quota stops it. Trigger filters (S3 prefix and suffix, EventBridge patterns) are checked
 * against what the code writes; a write whose key or event cannot be read is reported as a
 * possible loop, at a lower severity.
 */
public final class RecursiveInvocation implements Rule {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_CYCLE = 4;

  @Override
  public String id() {
    return "recursive-invocation";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "A function writes to the bucket, queue, topic, stream or bus that triggers it, directly"
        + " or through another function.";
  }

  @Override
  public String advice() {
    return "Write to a separate resource or outside the trigger's prefix/suffix filter, give the"
        + " function a reserved concurrency, and alarm on its invocation count.";
  }

  /** How sure a write is to fire a trigger. */
  enum Match {
    NONE,
    POSSIBLE,
    CERTAIN
  }

  /** Function {@code from} writes, through {@code effect}, to what {@code trigger} of {@code to} reads. */
  record Edge(LambdaFunction from, LambdaFunction to, Trigger trigger, AwsEffect effect, Match match, String write) {}

  @Override
  public List<Finding> check(RuleContext context) {
    SdkCalls sdk = context.sdkCalls();
    List<Edge> edges = new ArrayList<>();
    for (LambdaFunction from : context.functions()) {
      for (AwsEffect effect : context.effectsOf(from.logicalId())) {
        for (LambdaFunction to : context.functions()) {
          for (Trigger trigger : to.triggers()) {
            Edge edge = edge(context, sdk, from, to, trigger, effect);
            if (edge != null) {
              edges.add(edge);
            }
          }
        }
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (Edge e : edges) {
      if (e.from().logicalId().equals(e.to().logicalId())) {
        findings.add(self(context, e));
      }
    }
    findings.addAll(cycles(context, edges));
    return findings;
  }

  private Finding self(RuleContext context, Edge e) {
    String certainty =
        e.match() == Match.CERTAIN
            ? ""
            : " The written " + (e.trigger().kind().equals("S3") ? "key" : "event")
                + " could not be fully read, so the loop is possible, not certain.";
    String message =
        "`"
            + e.from().logicalId()
            + "` "
            + e.write()
            + ", which is its own "
            + describe(e.trigger())
            + ": each invocation triggers the next."
            + certainty;
    return finding(context, e, message, e.match() == Match.CERTAIN ? severity() : Severity.WARNING);
  }

  private Finding finding(RuleContext context, Edge e, String message, Severity severity) {
    SourceRef site = e.effect().callSite();
    return new Finding(id(), severity, message, site, e.from().logicalId(), null, advice());
  }

  /** Loops through two or more functions, each reported once at the smallest function's write. */
  private List<Finding> cycles(RuleContext context, List<Edge> edges) {
    List<Finding> findings = new ArrayList<>();
    for (LambdaFunction start : context.functions()) {
      List<List<Edge>> found = new ArrayList<>();
      walk(start.logicalId(), start.logicalId(), edges, new ArrayList<>(), found);
      for (List<Edge> cycle : found) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cycle.size(); i++) {
          Edge e = cycle.get(i);
          text.append(i == 0 ? "" : "; ").append('`').append(e.from().logicalId()).append("` ")
              .append(e.write()).append(", which triggers `").append(e.to().logicalId()).append('`');
        }
        text.append(" again: a loop through ")
            .append(cycle.size()).append(" functions.");
        boolean certain = cycle.stream().allMatch(e -> e.match() == Match.CERTAIN);
        if (!certain) {
          text.append(" Some writes could not be fully read, so the loop is possible, not certain.");
        }
        findings.add(finding(context, cycle.get(0), text.toString(), certain ? severity() : Severity.WARNING));
      }
    }
    return findings;
  }

  private static void walk(String start, String at, List<Edge> edges, List<Edge> path, List<List<Edge>> found) {
    if (path.size() >= MAX_CYCLE) {
      return;
    }
    for (Edge e : edges) {
      if (!e.from().logicalId().equals(at) || e.from().logicalId().equals(e.to().logicalId())) {
        continue;
      }
      String next = e.to().logicalId();
      if (next.equals(start)) {
        List<Edge> cycle = new ArrayList<>(path);
        cycle.add(e);
        if (cycle.size() >= 2 && !sameFunctions(found, cycle)) {
          found.add(cycle);
        }
        continue;
      }
      // The cycle's smallest function is its start, so each loop is found from one place only.
      if (next.compareTo(start) < 0 || path.stream().anyMatch(p -> p.from().logicalId().equals(next))) {
        continue;
      }
      path.add(e);
      walk(start, next, edges, path, found);
      path.remove(path.size() - 1);
    }
  }

  private static boolean sameFunctions(List<List<Edge>> found, List<Edge> cycle) {
    List<String> ids = cycle.stream().map(e -> e.from().logicalId()).sorted().toList();
    return found.stream().anyMatch(c -> c.stream().map(e -> e.from().logicalId()).sorted().toList().equals(ids));
  }

  private static String describe(Trigger t) {
    String target = "`" + t.target() + "`";
    return switch (t.kind()) {
      case "S3" -> "trigger `" + t.name() + "` on bucket " + target + filters(t);
      case "SQS" -> "trigger `" + t.name() + "` on queue " + target;
      case "SNS" -> "trigger `" + t.name() + "` on topic " + target;
      case "DynamoDB" -> "stream trigger `" + t.name() + "` on table " + target;
      case "Kinesis" -> "trigger `" + t.name() + "` on stream " + target;
      default -> "rule `" + t.name() + "` on "
          + (t.target() == null ? "the default event bus" : "event bus " + target);
    };
  }

  private static String filters(Trigger t) {
    List<String> parts = new ArrayList<>();
    if (t.properties().get("prefix") != null) {
      parts.add("prefix `" + t.properties().get("prefix") + "`");
    }
    if (t.properties().get("suffix") != null) {
      parts.add("suffix `" + t.properties().get("suffix") + "`");
    }
    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
  }

  private Edge edge(
      RuleContext context, SdkCalls sdk, LambdaFunction from, LambdaFunction to, Trigger trigger, AwsEffect effect) {
    List<String> writes = writeActions(trigger);
    if (writes.isEmpty() || effect.iamActions().stream().noneMatch(writes::contains)) {
      return null;
    }
    Set<String> written = Resources.ofEffect(effect.resource(), context.iac());
    boolean events = trigger.kind().equals("EventBridgeRule") || trigger.kind().equals("CloudWatchEvent");
    if (events) {
      if (written.isEmpty() && effect.resource().isWildcard()) {
        written = Set.of("default");
      }
    }
    Set<String> read = events && trigger.target() == null ? Set.of("default") : Resources.ofTarget(trigger.target(), context.iac());
    if (Collections.disjoint(written, read)) {
      return null;
    }
    Optional<SdkCall> call = callAt(context, sdk, effect.callSite());
    String code = call.map(c -> " with `" + c.text() + "`").orElse("");
    String resource = "`" + (trigger.target() == null ? "default" : trigger.target()) + "`"
        + context.iac().resource(String.valueOf(trigger.target()))
            .map(r -> r.physicalName())
            .filter(n -> n != null && !n.equals(trigger.target()))
            .map(n -> " (`" + n + "`)")
            .orElse("");
    return switch (trigger.kind()) {
      case "S3" -> s3Edge(from, to, trigger, effect, call, resource, code);
      case "EventBridgeRule", "CloudWatchEvent" -> eventEdge(from, to, trigger, effect, call, code);
      case "DynamoDB" -> {
        boolean filtered = trigger.properties().keySet().stream().anyMatch(k -> k.startsWith("FilterCriteria"));
        yield new Edge(from, to, trigger, effect, filtered ? Match.POSSIBLE : Match.CERTAIN,
            "writes to table " + resource + code);
      }
      case "SQS" -> new Edge(from, to, trigger, effect, Match.CERTAIN, "sends to queue " + resource + code);
      case "SNS" -> new Edge(from, to, trigger, effect, Match.CERTAIN, "publishes to topic " + resource + code);
      case "Kinesis" -> new Edge(from, to, trigger, effect, Match.CERTAIN, "puts records on stream " + resource + code);
      default -> null;
    };
  }

  private static List<String> writeActions(Trigger t) {
    return switch (t.kind()) {
      case "S3" -> {
        String events = t.properties().getOrDefault("events", "s3:ObjectCreated:*");
        List<String> actions = new ArrayList<>();
        if (events.contains("ObjectCreated")) {
          actions.add("s3:PutObject");
        }
        if (events.contains("ObjectRemoved")) {
          actions.add("s3:DeleteObject");
        }
        yield actions;
      }
      case "SQS" -> List.of("sqs:SendMessage");
      case "SNS" -> List.of("sns:Publish");
      case "DynamoDB" -> List.of(
          "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
          "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete");
      case "Kinesis" -> List.of("kinesis:PutRecord", "kinesis:PutRecords");
      case "EventBridgeRule", "CloudWatchEvent" -> List.of("events:PutEvents");
      default -> List.of();
    };
  }

  private static Edge s3Edge(
      LambdaFunction from, LambdaFunction to, Trigger trigger, AwsEffect effect,
      Optional<SdkCall> call, String bucket, String code) {
    String prefix = trigger.properties().get("prefix");
    String suffix = trigger.properties().get("suffix");
    String exact = null;
    String known = null;
    if (call.isPresent()) {
      for (Expression key : keyExpressions(call.get())) {
        exact = Values.literal(key).orElse(null);
        known = Values.prefix(key).orElse(null);
        if (known != null) {
          break;
        }
      }
    }
    if (known == null) {
      String pattern = Resources.s3KeyPattern(effect.resource().arn());
      if (pattern != null && !pattern.startsWith("*")) {
        known = pattern.contains("*") ? pattern.substring(0, pattern.indexOf('*')) : pattern;
        exact = pattern.contains("*") ? null : pattern;
      }
    }
    Match match;
    if (exact != null) {
      boolean hit = (prefix == null || exact.startsWith(prefix)) && (suffix == null || exact.endsWith(suffix));
      match = hit ? Match.CERTAIN : Match.NONE;
    } else if (known != null && !known.isEmpty()) {
      if (prefix != null && !known.startsWith(prefix) && !prefix.startsWith(known)) {
        match = Match.NONE;
      } else if ((prefix == null || known.startsWith(prefix)) && suffix == null) {
        match = Match.CERTAIN;
      } else {
        match = Match.POSSIBLE;
      }
    } else {
      match = prefix == null && suffix == null ? Match.CERTAIN : Match.POSSIBLE;
    }
    if (match == Match.NONE) {
      return null;
    }
    String key =
        exact != null ? " (key `" + exact + "`)"
            : known != null && !known.isEmpty() ? " (key `" + known + "...`)"
            : " (key unknown)";
    return new Edge(from, to, trigger, effect, match, "writes to bucket " + bucket + code + key);
  }

  /** The key argument of an S3 write: builder {@code key}, v1 positional, copy destination. */
  private static List<Expression> keyExpressions(SdkCall call) {
    List<Expression> keys = new ArrayList<>();
    MethodCallExpr m = call.call();
    String op = call.operation();
    if (op.equals("copyObject")) {
      keys.addAll(Requests.property(m, "destinationKey"));
      if (m.getArguments().size() == 4) {
        keys.add(m.getArgument(3));
      }
      return keys;
    }
    keys.addAll(Requests.property(m, "key"));
    if (m.getArguments().size() >= 3 && call.clientType().startsWith("com.amazonaws.")) {
      keys.add(m.getArgument(1)); // v1 putObject(bucket, key, file|content)
    }
    return keys;
  }

  private static Edge eventEdge(
      LambdaFunction from, LambdaFunction to, Trigger trigger, AwsEffect effect, Optional<SdkCall> call, String code) {
    String bus = trigger.target() == null ? "default" : trigger.target();
    String patternText = trigger.properties().get("Pattern");
    Match match = Match.POSSIBLE;
    String detail = "";
    if (call.isPresent() && patternText != null) {
      Node method = call.get().call();
      while (method != null && !(method instanceof CallableDeclaration<?>)) {
        method = method.getParentNode().orElse(null);
      }
      Optional<String> source = literalSetter(method, "source");
      Optional<String> detailType = literalSetter(method, "detailType");
      try {
        JsonNode pattern = JSON.readTree(patternText);
        Match s = fieldMatch(pattern.get("source"), source);
        Match d = fieldMatch(pattern.get("detail-type"), detailType);
        if (s == Match.NONE || d == Match.NONE) {
          return null;
        }
        boolean onlyThese = pattern.size() == (pattern.has("source") ? 1 : 0) + (pattern.has("detail-type") ? 1 : 0);
        match = s == Match.CERTAIN && d == Match.CERTAIN && onlyThese ? Match.CERTAIN : Match.POSSIBLE;
        detail = source.map(v -> " (source `" + v + "`)").orElse("");
      } catch (java.io.IOException | RuntimeException e) {
        match = Match.POSSIBLE;
      }
    } else if (patternText == null) {
      match = Match.POSSIBLE;
    }
    return new Edge(from, to, trigger, effect, match, "puts events on bus `" + bus + "`" + code + detail);
  }

  private static Match fieldMatch(JsonNode allowed, Optional<String> value) {
    if (allowed == null) {
      return Match.CERTAIN;
    }
    if (value.isEmpty()) {
      return Match.POSSIBLE;
    }
    if (!allowed.isArray()) {
      return Match.POSSIBLE;
    }
    boolean plain = true;
    for (JsonNode a : allowed) {
      if (a.isTextual() && a.asText().equals(value.get())) {
        return Match.CERTAIN;
      }
      plain &= a.isTextual();
    }
    return plain ? Match.NONE : Match.POSSIBLE;
  }

  private static Optional<String> literalSetter(Node method, String property) {
    if (method == null) {
      return Optional.empty();
    }
    String cap = property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
    List<String> values = new ArrayList<>();
    for (MethodCallExpr m : method.findAll(MethodCallExpr.class)) {
      String n = m.getNameAsString();
      if ((n.equals(property) || n.equals("with" + cap) || n.equals("set" + cap)) && m.getArguments().size() == 1) {
        Optional<String> v = Values.literal(m.getArgument(0));
        if (v.isEmpty()) {
          return Optional.empty();
        }
        if (!values.contains(v.get())) {
          values.add(v.get());
        }
      }
    }
    return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
  }

  /** The SDK call at an effect's call site, read back from the syntax tree. */
  static Optional<SdkCall> callAt(RuleContext context, SdkCalls sdk, SourceRef site) {
    for (var source : context.workspace().sources()) {
      if (!source.file().equals(site.file())) {
        continue;
      }
      SdkCall best = null;
      for (MethodCallExpr m : source.unit().findAll(MethodCallExpr.class)) {
        int begin = m.getBegin().map(p -> p.line).orElse(-1);
        int end = m.getEnd().map(p -> p.line).orElse(-1);
        int nameLine = m.getName().getBegin().map(p -> p.line).orElse(-1);
        if (site.line() < begin || site.line() > end) {
          continue;
        }
        Optional<SdkCall> c = sdk.classify(m);
        if (c.isPresent() && (begin == site.line() || nameLine == site.line())) {
          if (best == null || begin >= best.line()) {
            best = c.get();
          }
        }
      }
      return Optional.ofNullable(best);
    }
    return Optional.empty();
  }
}
