package dev.ficus.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An event source of a function: an API route, a bucket, a queue, a schedule. Kept generic (a
 * kind plus sorted properties) because every IaC dialect spells them differently.
 *
 * @param kind {@code Api}, {@code HttpApi}, {@code S3}, {@code SQS}, {@code SNS}, {@code DynamoDB},
 *     {@code Kinesis}, {@code EventBridgeRule}, {@code Schedule}, or the dialect's own word
 * @param name the event's name in the IaC
 * @param method for API triggers, the upper-case HTTP method ({@code ANY} for all); else null
 * @param path for API triggers, the path in API Gateway template syntax; else null
 * @param target the resource the trigger reads from (bucket, queue, topic, table, rule), as a
 *     logical id or a name; null for API triggers and schedules
 * @param properties the rest, flattened to strings and sorted (filters, batch size, schedule)
 */
public record Trigger(
    String kind,
    String name,
    String method,
    String path,
    String target,
    Map<String, String> properties,
    SourceRef source) {

  public Trigger {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    properties =
        properties == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
  }

  /** True for API Gateway REST or HTTP API events, the ones that carry routes. */
  public boolean isApi() {
    return method != null && path != null;
  }
}
