package dev.ficus.scaffold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ficus.model.Trigger;
import dev.ficus.scaffold.TriggerPermissions.Entry;
import dev.ficus.scaffold.YamlWriter.Mapping;
import dev.ficus.scaffold.YamlWriter.Node;
import dev.ficus.scaffold.YamlWriter.Sequence;
import dev.ficus.scaffold.YamlWriter.Tagged;
import dev.ficus.scaffold.YamlWriter.Text;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A function's non-API triggers as the new stack declares them: SAM events for queues, topics,
 * streams, rules and schedules, their sources taken from the monolith's stack through parameters;
 * and for a bucket, whose SAM event needs the bucket in the same template, the permission and
 * the output that let the stack owning the bucket point its notification at the new function.
 */
final class EventSources {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A bucket notification that must be pointed at a function in the stack that owns the bucket.
   *
   * @param bucket the bucket as the monolith's IaC names it (a logical id or a name)
   * @param output the output of the new stack that gives the function alias's ARN
   */
  record Notification(
      String function, String event, String bucket, List<String> events, String prefix, String suffix, String output) {}

  /** What a function's triggers add to a template, and what could not be carried. */
  record Rendered(
      Mapping events,
      Map<String, Mapping> resources,
      Map<String, Mapping> outputs,
      List<Notification> notifications,
      List<String> notes) {}

  private EventSources() {}

  /**
   * The SAM events and extra resources of a function's non-API triggers.
   *
   * @param function the function's logical id in the new template
   * @param eventNames names already taken among the function's events
   * @param ids logical ids already taken in the template (resources and outputs)
   */
  static Rendered render(
      String function,
      List<Trigger> triggers,
      StackParameters parameters,
      Set<String> eventNames,
      Set<String> ids) {
    Mapping events = new Mapping();
    Map<String, Mapping> resources = new LinkedHashMap<>();
    Map<String, Mapping> outputs = new LinkedHashMap<>();
    List<Notification> notifications = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Trigger trigger : triggers) {
      if (trigger.isApi()) {
        continue;
      }
      String what = "The " + trigger.kind() + " event " + trigger.name() + " of " + function;
      Optional<Entry> known = TriggerPermissions.builtIn().of(trigger.kind());
      if (known.isEmpty()) {
        notes.add(what + " is of a kind ficus has no facts about; it is not carried over, so add it"
            + " (and what it needs) to " + function + " by hand.");
        continue;
      }
      Entry entry = known.get();
      String name = unique(eventName(trigger.name()), eventNames);
      entry.caveats().forEach(c -> notes.add(what + ": " + c));
      if (entry.kind().equals("S3")) {
        s3(function, trigger, name, parameters, ids, resources, outputs, notifications);
        continue;
      }
      Mapping properties = new Mapping();
      if (entry.target() != null) {
        Node source = source(function, name, trigger, entry, parameters, notes, what);
        if (source != null) {
          properties.put(entry.target(), source);
        }
      }
      for (Map.Entry<String, String> p : trigger.properties().entrySet()) {
        Optional<String> property = entry.property(p.getKey());
        if (property.isEmpty() || properties.entries().containsKey(property.get())) {
          notes.add(what + " has the setting " + p.getKey() + " = " + p.getValue() + ", which ficus"
              + " does not carry over; add it by hand if it matters.");
          continue;
        }
        Node value = value(entry.properties().get(property.get()), p.getValue(), parameters);
        if (value == null) {
          notes.add(what + " computes " + property.get() + " as " + p.getValue() + "; ficus cannot"
              + " rebuild that, so set it by hand.");
          continue;
        }
        properties.put(property.get(), value);
      }
      if ((entry.kind().equals("Kinesis") || entry.kind().equals("DynamoDB"))
          && !properties.entries().containsKey("StartingPosition")) {
        String parameter = function + name + "StartingPosition";
        parameters.own(parameter, "StartingPosition of the " + entry.kind() + " event " + trigger.name()
            + " (LATEST or TRIM_HORIZON): the monolith's IaC does not name one and a stream event needs it.", null);
        properties.put("StartingPosition", Tagged.ref(parameter));
      }
      events.put(name, new Mapping().put("Type", entry.kind()).put("Properties", properties));
    }
    return new Rendered(events, resources, outputs, notifications, notes);
  }

  /**
   * A bucket's event: SAM needs the bucket in the same template, so the new stack grants the
   * bucket the right to invoke the function's alias and gives the alias's ARN as an output.
   */
  private static void s3(
      String function, Trigger trigger, String name, StackParameters parameters, Set<String> ids,
      Map<String, Mapping> resources, Map<String, Mapping> outputs, List<Notification> notifications) {
    String bucket = trigger.target();
    Node sourceArn;
    if (bucket == null) {
      String parameter = function + name + "Bucket";
      parameters.own(parameter, "Name of the bucket whose notification invokes " + function + " (the monolith's IaC does not say).", null);
      sourceArn = Tagged.sub("arn:${AWS::Partition}:s3:::${" + parameter + "}");
    } else if (parameters.declared(bucket).isPresent()) {
      sourceArn = Tagged.sub("arn:${AWS::Partition}:s3:::${" + parameters.refOf(bucket) + "}");
    } else {
      sourceArn = parameters.sub("arn:${AWS::Partition}:s3:::" + bucket);
    }
    String permission = unique(function + name + "Permission", ids);
    Mapping properties = new Mapping();
    properties.put("Action", "lambda:InvokeFunction");
    properties.put("FunctionName", Tagged.ref(function + ".Alias"));
    properties.put("Principal", "s3.amazonaws.com");
    properties.put("SourceAccount", Tagged.ref("AWS::AccountId"));
    properties.put("SourceArn", sourceArn);
    resources.put(
        permission,
        new Mapping()
            .put("Type", "AWS::Lambda::Permission")
            .put(
                "Properties",
                properties,
                "SAM's S3 event needs the bucket in this template, and the bucket stays in the monolith's"
                    + " stack: this permission lets the bucket invoke the function, and MIGRATION.md says how"
                    + " to point the bucket's notification at it."));
    String output = unique(function + name + "Target", ids);
    List<String> events = trigger.properties().containsKey("events")
        ? Arrays.stream(trigger.properties().get("events").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()
        : List.of();
    String prefix = trigger.properties().get("prefix");
    String suffix = trigger.properties().get("suffix");
    StringBuilder description = new StringBuilder("ARN of " + function + "'s alias: the destination of the");
    description.append(" notification of bucket ").append(bucket == null ? "(unnamed)" : bucket);
    if (!events.isEmpty()) {
      description.append(" for ").append(String.join(", ", events));
    }
    if (prefix != null) {
      description.append(", prefix ").append(prefix);
    }
    if (suffix != null) {
      description.append(", suffix ").append(suffix);
    }
    description.append(" (MIGRATION.md).");
    outputs.put(
        output,
        new Mapping()
            .put("Description", SamTemplates.shorten(description.toString(), 1024))
            .put("Value", Tagged.ref(function + ".Alias")));
    notifications.add(new Notification(function, trigger.name(), bucket, events, prefix, suffix, output));
  }

  /** The event's source (queue, stream, topic, bus) in the new stack. */
  private static Node source(
      String function, String name, Trigger trigger, Entry entry, StackParameters parameters,
      List<String> notes, String what) {
    String target = trigger.target();
    boolean optional = entry.kind().equals("EventBridgeRule") || entry.kind().equals("CloudWatchEvent");
    if (target == null) {
      if (optional) {
        return null;
      }
      String parameter = function + name + entry.target();
      parameters.own(parameter, entry.target() + " of the " + entry.kind() + " event " + trigger.name()
          + " (the monolith's IaC does not name it in a way ficus can follow).", null);
      notes.add(what + " names its " + entry.target() + " in a way ficus cannot follow; give it as the"
          + " parameter " + parameter + ".");
      return Tagged.ref(parameter);
    }
    if (parameters.declared(target).isPresent()) {
      return "Ref".equals(entry.targetAttribute())
          ? Tagged.ref(parameters.refOf(target))
          : Tagged.ref(parameters.attributeOf(target, entry.targetAttribute()));
    }
    if (target.startsWith("arn:") || target.contains("${")) {
      return parameters.sub(target);
    }
    if (target.startsWith("!") || target.startsWith("[") || target.startsWith("{")) {
      String parameter = function + name + entry.target();
      parameters.own(parameter, entry.target() + " of the " + entry.kind() + " event " + trigger.name()
          + ", which the monolith's IaC computes as " + target + ".", null);
      notes.add(what + " computes its " + entry.target() + " as " + target + "; ficus cannot rebuild"
          + " that, so the parameter " + parameter + " takes its value.");
      return Tagged.ref(parameter);
    }
    // A plain name: the ARN the event needs is built from it.
    return switch (entry.kind()) {
      case "SQS" -> parameters.sub("arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:" + target);
      case "SNS" -> parameters.sub("arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:" + target);
      case "Kinesis" -> parameters.sub("arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/" + target);
      case "DynamoDB" -> {
        String parameter = function + name + "Stream";
        parameters.own(parameter, "Stream ARN of the table " + target + " (its StreamArn), read by the"
            + " DynamoDB event " + trigger.name() + ".", null);
        yield Tagged.ref(parameter);
      }
      default -> Text.of(target);
    };
  }

  /** A trigger's setting as the event property's shape wants it; null when it cannot be rebuilt. */
  static Node value(String shape, String value, StackParameters parameters) {
    if (value == null || value.startsWith("!")) {
      return null;
    }
    if (value.contains("${")) {
      return "text".equals(shape) ? parameters.sub(value) : null;
    }
    return switch (shape == null ? "text" : shape) {
      case "integer" -> value.trim().matches("-?\\d{1,18}") ? Text.number(Long.parseLong(value.trim())) : null;
      case "boolean" -> value.trim().equalsIgnoreCase("true") || value.trim().equalsIgnoreCase("false")
          ? new Text(value.trim().toLowerCase(Locale.ROOT), true)
          : null;
      case "list" -> Sequence.ofTexts(
          Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
      case "json" -> json(value);
      default -> Text.of(value);
    };
  }

  private static Node json(String text) {
    try {
      return node(JSON.readTree(text));
    } catch (IOException e) {
      return null;
    }
  }

  private static Node node(JsonNode json) {
    if (json.isObject()) {
      Mapping out = new Mapping();
      json.fields().forEachRemaining(e -> out.put(e.getKey(), node(e.getValue())));
      return out;
    }
    if (json.isArray()) {
      List<Node> items = new ArrayList<>();
      json.forEach(i -> items.add(node(i)));
      return new Sequence(items);
    }
    if (json.isNumber() || json.isBoolean()) {
      return new Text(json.asText(), true);
    }
    return Text.of(json.isNull() ? "null" : json.asText());
  }

  /** An event name of letters and digits, as SAM requires. */
  static String eventName(String name) {
    String clean = name == null ? "" : name.replaceAll("[^A-Za-z0-9]", "");
    if (clean.isEmpty()) {
      clean = "Event";
    }
    return clean.length() > SamTemplates.EVENT_NAME_LIMIT - 4
        ? clean.substring(0, SamTemplates.EVENT_NAME_LIMIT - 4)
        : clean;
  }

  static String unique(String name, Set<String> taken) {
    String candidate = name;
    for (int n = 2; !taken.add(candidate); n++) {
      candidate = name + n;
    }
    return candidate;
  }
}
