package dev.ficus.iac;

import dev.ficus.model.SourceRef;
import dev.ficus.model.Trigger;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the entries of a SAM function's {@code Events} into triggers. API paths keep API Gateway
 * template syntax and never include a stage or base path: a route is what the function sees.
 */
final class SamEvents {

  private SamEvents() {}

  static Trigger trigger(String name, IacNode.Obj event, CfnResolver resolver, SourceRef src) {
    String type = event.text("Type") == null ? "Unknown" : event.text("Type");
    IacNode.Obj props = event.obj("Properties");
    if (props == null) {
      props = new IacNode.Obj(Map.of(), Map.of(), event.line());
    }
    Map<String, String> out = new TreeMap<>();
    String method = null;
    String path = null;
    String target = null;
    Set<String> used;
    switch (type) {
      case "Api" -> {
        path = apiPath(resolver.nameOf(props.get("Path")));
        method = method(resolver.nameOf(props.get("Method")));
        putRef(out, "RestApiId", props.get("RestApiId"));
        used = Set.of("Path", "Method", "RestApiId");
      }
      case "HttpApi" -> {
        String p = resolver.nameOf(props.get("Path"));
        String m = resolver.nameOf(props.get("Method"));
        if (p == null && m == null) {
          // SAM's default route ($default): every request no other route matches.
          path = "/{proxy+}";
          method = "ANY";
          out.put("RouteKey", "$default");
        } else {
          path = apiPath(p == null ? "/{proxy+}" : p);
          method = m == null ? "ANY" : method(m);
        }
        putRef(out, "ApiId", props.get("ApiId"));
        used = Set.of("Path", "Method", "ApiId");
      }
      case "S3" -> {
        target = resolver.target(props.get("Bucket"));
        if (props.get("Events") != null) {
          out.put("events", CfnResolver.flat(props.get("Events")));
        }
        s3Filter(props.obj("Filter"), out);
        used = Set.of("Bucket", "Events", "Filter");
      }
      case "SQS" -> {
        target = resolver.target(props.get("Queue"));
        used = Set.of("Queue");
      }
      case "SNS" -> {
        target = resolver.target(props.get("Topic"));
        used = Set.of("Topic");
      }
      case "DynamoDB", "Kinesis" -> {
        target = resolver.target(props.get("Stream"));
        used = Set.of("Stream");
      }
      case "EventBridgeRule", "CloudWatchEvent" -> {
        if (props.get("EventBusName") != null) {
          target = resolver.target(props.get("EventBusName"));
        }
        if (props.get("Pattern") != null) {
          out.put("Pattern", CfnResolver.json(props.get("Pattern")));
        }
        used = Set.of("EventBusName", "Pattern");
      }
      case "Schedule", "ScheduleV2" -> {
        IacNode schedule =
            props.get("Schedule") != null ? props.get("Schedule") : props.get("ScheduleExpression");
        if (schedule != null) {
          out.put("Schedule", CfnResolver.flat(schedule));
        }
        used = Set.of("Schedule", "ScheduleExpression");
      }
      default -> used = Set.of();
    }
    for (Map.Entry<String, IacNode> e : props.fields().entrySet()) {
      if (!used.contains(e.getKey()) && e.getValue() != null) {
        String v = CfnResolver.flat(e.getValue());
        if (v != null) {
          out.put(e.getKey(), v);
        }
      }
    }
    return new Trigger(type, name, method, path, target, out, src);
  }

  private static void putRef(Map<String, String> out, String key, IacNode value) {
    if (value != null) {
      String id = CfnResolver.referencedId(value);
      out.put(key, id != null ? id : CfnResolver.render(value));
    }
  }

  /** S3 key filter rules as {@code prefix} and {@code suffix} properties. */
  static void s3Filter(IacNode.Obj filter, Map<String, String> out) {
    if (filter == null) {
      return;
    }
    IacNode.Obj key = filter.obj("S3Key");
    if (key == null) {
      return;
    }
    for (IacNode rule : IacNode.items(key.get("Rules"))) {
      if (rule instanceof IacNode.Obj r && r.text("Name") != null) {
        out.put(r.text("Name").toLowerCase(Locale.ROOT), CfnResolver.flat(r.get("Value")));
      }
    }
  }

  /** Upper case, with {@code any}, {@code *} and the OpenAPI any-method key becoming ANY. */
  static String method(String method) {
    if (method == null || method.isBlank()) {
      return "ANY";
    }
    String m = method.trim().toUpperCase(Locale.ROOT);
    if (m.equals("*") || m.equals("X-AMAZON-APIGATEWAY-ANY-METHOD")) {
      return "ANY";
    }
    return m;
  }

  /** A path with exactly one leading slash; {@code null} stays null. */
  static String apiPath(String path) {
    if (path == null) {
      return null;
    }
    String p = path.trim();
    while (p.startsWith("//")) {
      p = p.substring(1);
    }
    return p.startsWith("/") ? p : "/" + p;
  }
}
