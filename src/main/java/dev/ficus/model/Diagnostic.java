package dev.ficus.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * Something ficus could not do on the user's input (a file that does not parse, a route whose path
 * cannot be resolved), kept apart from findings as PMD keeps processing errors apart from
 * violations: the analysis goes on and the report says where it fell short.
 *
 * @param code a stable kebab-case identifier such as {@code parse-error}, for filtering
 * @param source where it happened; {@code null} when it concerns the whole repository
 */
public record Diagnostic(Severity severity, String code, String message, SourceRef source)
    implements Comparable<Diagnostic> {

  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(
              Diagnostic::source, Comparator.nullsFirst(Comparator.<SourceRef>naturalOrder()))
          .thenComparing(Diagnostic::code)
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  public static Diagnostic error(String code, String message, SourceRef source) {
    return new Diagnostic(Severity.ERROR, code, message, source);
  }

  public static Diagnostic warning(String code, String message, SourceRef source) {
    return new Diagnostic(Severity.WARNING, code, message, source);
  }

  public static Diagnostic note(String code, String message, SourceRef source) {
    return new Diagnostic(Severity.NOTE, code, message, source);
  }

  @Override
  public int compareTo(Diagnostic other) {
    return ORDER.compare(this, other);
  }
}
