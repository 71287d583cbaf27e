package dev.ficus.model;

import java.util.Locale;

/** How much a finding or diagnostic matters; ordered so that {@code compareTo} ranks gravity. */
public enum Severity {
  NOTE,
  WARNING,
  ERROR;

  /** The lower-case name used in reports and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  public static Severity parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
