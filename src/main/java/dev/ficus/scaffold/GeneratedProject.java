package dev.ficus.scaffold;

import java.util.List;

/**
 * A generated project before it is written: its files, sorted by path, and what the user must
 * still do by hand.
 */
public record GeneratedProject(List<GeneratedFile> files, List<ScaffoldNote> notes) {
  public GeneratedProject {
    files = files.stream().sorted().toList();
    notes = notes.stream().distinct().sorted().toList();
  }
}
