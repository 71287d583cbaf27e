package dev.ficus.scaffold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What each SAM event type grants a function by itself, what ficus must write where SAM does not,
 * and how the event is declared: data ({@code trigger-permissions.json}), not code, so that a new
 * event type is a new entry. docs/scaffold.md shows the table.
 */
public final class TriggerPermissions {

  /** How SAM lets the source reach the function. */
  public enum Grant {
    /** An AWS managed policy on the function's role: the poller reads the source as the function. */
    ROLE,
    /** A resource-based permission on the function for the source's service principal. */
    PERMISSION
  }

  /** What happens while the old and the new function both have the trigger. */
  public enum Overlap {
    /** Competing consumers: each message goes to one of them. */
    SHARED,
    /** Each gets every event: handle duplicates, or keep the overlap short. */
    DUPLICATE,
    /** The source has one destination: it is switched over, not shared. */
    SWITCH
  }

  /**
   * One SAM event type.
   *
   * @param kind the {@code Type} of the SAM event ({@code SQS}), as triggers name it
   * @param managedPolicy the AWS managed policy SAM attaches to the role, for {@link Grant#ROLE}
   * @param actions the actions that policy grants (on {@link #resource()})
   * @param principal the service principal of the permission, for {@link Grant#PERMISSION}
   * @param target the event's property naming the source ({@code Queue}), null when it has none
   * @param targetAttribute what that property takes of the source's resource: {@code Ref}, or
   *     the {@code Fn::GetAtt} attribute ({@code Arn}, {@code StreamArn})
   * @param properties the other event properties ficus carries over, by name, with their shape
   *     ({@code integer}, {@code boolean}, {@code list}, {@code json}, {@code text})
   * @param caveats what neither SAM nor ficus can grant without knowing more, one sentence each
   */
  public record Entry(
      String kind,
      Grant grant,
      String managedPolicy,
      List<String> actions,
      String resource,
      String principal,
      String target,
      String targetAttribute,
      Map<String, String> properties,
      Overlap overlap,
      List<String> caveats) {

    public Entry {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(grant, "grant");
      actions = List.copyOf(actions);
      properties = java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
      caveats = List.copyOf(caveats);
    }

    /** The event property a trigger's property key stands for, matched regardless of case. */
    public Optional<String> property(String key) {
      return properties.keySet().stream().filter(p -> p.equalsIgnoreCase(key)).findFirst();
    }

    /** One sentence: what SAM adds for this event type by itself. */
    public String samAdds() {
      return grant == Grant.ROLE
          ? "SAM attaches the AWS managed policy " + managedPolicy + " to the role (" + String.join(", ", actions)
              + " on " + resource + ")"
          : "SAM adds a resource-based permission for " + principal + " to invoke the function, no role statement";
    }
  }

  private static final TriggerPermissions BUILT_IN = load();

  private final Map<String, Entry> entries;

  private TriggerPermissions(Map<String, Entry> entries) {
    this.entries = entries;
  }

  public static TriggerPermissions builtIn() {
    return BUILT_IN;
  }

  /** The entry of an event type; empty for a type ficus has no facts about. */
  public Optional<Entry> of(String kind) {
    return Optional.ofNullable(entries.get(kind.toLowerCase(Locale.ROOT)));
  }

  /** Every entry, in the file's order. */
  public List<Entry> all() {
    return List.copyOf(new LinkedHashMap<>(entries).values());
  }

  private static TriggerPermissions load() {
    try (InputStream in = TriggerPermissions.class.getResourceAsStream("trigger-permissions.json")) {
      Objects.requireNonNull(in, "trigger-permissions.json is packaged with ficus");
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, Entry> entries = new LinkedHashMap<>();
      for (JsonNode e : root.get("events")) {
        Map<String, String> properties = new TreeMap<>();
        e.path("properties").fields().forEachRemaining(p -> properties.put(p.getKey(), p.getValue().asText()));
        Entry entry =
            new Entry(
                e.get("kind").asText(),
                Grant.valueOf(e.get("grant").asText().toUpperCase(Locale.ROOT)),
                text(e, "managedPolicy"),
                strings(e.path("actions")),
                text(e, "resource"),
                text(e, "principal"),
                text(e, "target"),
                text(e, "targetAttribute"),
                properties,
                Overlap.valueOf(e.get("overlap").asText().toUpperCase(Locale.ROOT)),
                strings(e.path("caveats")));
        entries.put(entry.kind().toLowerCase(Locale.ROOT), entry);
      }
      return new TriggerPermissions(entries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
