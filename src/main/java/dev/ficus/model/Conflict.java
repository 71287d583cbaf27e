package dev.ficus.model;

import java.util.List;
import java.util.Objects;

/**
 * Something a decomposition breaks that the team must decide on: data two services write, a class
 * they share, a call that turns into a network call.
 *
 * @param kind {@code shared-write}, {@code shared-class} or {@code cross-service-call}
 * @param subject the resource ARN or class name concerned
 * @param services the services involved, sorted
 * @param message one plain sentence
 */
public record Conflict(String kind, String subject, List<String> services, String message)
    implements Comparable<Conflict> {

  public Conflict {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    services = services.stream().distinct().sorted().toList();
  }

  /** The kinds, gravest first: the order conflicts are listed in. */
  public static final List<String> KINDS = List.of("shared-write", "cross-service-call", "shared-class");

  @Override
  public int compareTo(Conflict other) {
    int c = Integer.compare(rank(kind), rank(other.kind));
    if (c != 0) {
      return c;
    }
    c = kind.compareTo(other.kind);
    if (c != 0) {
      return c;
    }
    c = subject.compareTo(other.subject);
    return c != 0 ? c : message.compareTo(other.message);
  }

  private static int rank(String kind) {
    int i = KINDS.indexOf(kind);
    return i < 0 ? KINDS.size() : i;
  }
}
