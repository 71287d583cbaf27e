package dev.ficus.scaffold;

import java.util.Comparator;
import java.util.Objects;

/**
 * Something ficus could not carry over into the generated project by itself: the user's to-do
 * list, written into MIGRATION.md and the scaffold report, and beside the generated code where it
 * happens.
 *
 * @param function the generated function it concerns, or {@code null} for the whole project
 * @param file the generated file where it shows, or {@code null}
 * @param message one sentence that says what to do
 */
public record ScaffoldNote(String function, String file, String message)
    implements Comparable<ScaffoldNote> {

  private static final Comparator<ScaffoldNote> ORDER =
      Comparator.comparing((ScaffoldNote n) -> String.valueOf(n.function()))
          .thenComparing(n -> String.valueOf(n.file()))
          .thenComparing(ScaffoldNote::message);

  public ScaffoldNote {
    Objects.requireNonNull(message, "message");
  }

  @Override
  public int compareTo(ScaffoldNote other) {
    return ORDER.compare(this, other);
  }
}
