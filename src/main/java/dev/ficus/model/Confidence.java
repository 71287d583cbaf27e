package dev.ficus.model;

import java.util.Locale;

/**
 * How sure an extractor is that a route exists exactly as reported. A path read from an
 * annotation or an IaC event is {@link #HIGH}; a path generalized from a concrete value or a
 * prefix match ({@code startsWith("/orders/")} becoming {@code /orders/{id}}) is {@link #MEDIUM};
 * a route pieced together from partial evidence (a regular expression, a segment count) is
 * {@link #LOW}.
 */
public enum Confidence {
  LOW,
  MEDIUM,
  HIGH;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Confidence min(Confidence other) {
    return compareTo(other) <= 0 ? this : other;
  }
}
