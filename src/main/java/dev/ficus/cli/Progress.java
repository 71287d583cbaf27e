package dev.ficus.cli;

/**
 * Where a long run says what it is doing: the analysis pipeline reports each stage and its counts
 * (files parsed, routes found), and the CLI shows them as a progress line or verbose log lines.
 */
interface Progress {

  /** Ignores everything: the default, and what {@code --quiet} gives. */
  Progress NONE = status -> {};

  /** The run has reached a new stage; {@code status} is a short phrase, such as "12 files parsed". */
  void update(String status);
}
