package dev.ficus.model;

import java.util.Objects;

/**
 * A class of the analyzed repository, with its size: planning weighs shared code by it, and
 * scaffolding copies the file.
 *
 * @param name fully qualified name (nested classes with {@code $}-free dots: {@code a.B.C})
 * @param lines lines of code of its declaration
 */
public record ClassInfo(String name, SourceRef source, int lines) implements Comparable<ClassInfo> {
  public ClassInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
  }

  @Override
  public int compareTo(ClassInfo other) {
    return name.compareTo(other.name);
  }
}
