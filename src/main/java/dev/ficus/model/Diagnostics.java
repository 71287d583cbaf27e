package dev.ficus.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The collector every stage reports into (ArchUnit's events collector, PMD's processing errors).
 * Thread-safe, because the workspace parses files in parallel; {@link #sorted()} gives the
 * deterministic order reports need.
 */
public final class Diagnostics {

  private final List<Diagnostic> items = new ArrayList<>();

  public synchronized void add(Diagnostic diagnostic) {
    items.add(diagnostic);
  }

  public void error(String code, String message, SourceRef source) {
    add(Diagnostic.error(code, message, source));
  }

  public void warning(String code, String message, SourceRef source) {
    add(Diagnostic.warning(code, message, source));
  }

  public void note(String code, String message, SourceRef source) {
    add(Diagnostic.note(code, message, source));
  }

  public synchronized List<Diagnostic> sorted() {
    return items.stream().distinct().sorted().toList();
  }

  public synchronized boolean hasErrors() {
    return items.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }
}
