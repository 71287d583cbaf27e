package dev.ficus.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A class of the analyzed repository, with its size and the repository classes it calls: planning
 * weighs shared code by size and measures coupling (ICP, IFN, SM) on the calls; scaffolding copies
 * the file.
 *
 * @param name fully qualified name (nested classes with dots: {@code a.B.C})
 * @param lines lines of code of its declaration
 * @param calls for each other repository class it calls, the number of call sites, sorted by name
 */
public record ClassInfo(String name, SourceRef source, int lines, Map<String, Integer> calls)
    implements Comparable<ClassInfo> {
  public ClassInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    calls = calls == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(calls));
  }

  @Override
  public int compareTo(ClassInfo other) {
    return name.compareTo(other.name);
  }
}
