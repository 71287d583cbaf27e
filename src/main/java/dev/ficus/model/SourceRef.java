package dev.ficus.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A place in the analyzed repository. The file is relative to the repository root with forward
 * slashes, so that reports are identical on every machine; the line is 1-based, 0 when unknown.
 */
public record SourceRef(String file, int line) implements Comparable<SourceRef> {

  private static final Comparator<SourceRef> ORDER =
      Comparator.comparing(SourceRef::file).thenComparingInt(SourceRef::line);

  public SourceRef {
    Objects.requireNonNull(file, "file");
    file = file.replace('\\', '/');
    if (line < 0) {
      throw new IllegalArgumentException("line must not be negative: " + line);
    }
  }

  public static SourceRef of(String file, int line) {
    return new SourceRef(file, line);
  }

  @Override
  public int compareTo(SourceRef other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}
