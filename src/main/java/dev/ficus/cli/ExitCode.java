package dev.ficus.cli;

/**
 * The exit codes of every ficus command, as design.md fixes them; scripts and CI depend on them,
 * so they never change meaning.
 */
public enum ExitCode {
  OK(0, "success"),
  FINDINGS(1, "findings at or above --fail-on"),
  USAGE(2, "usage error: unknown option, bad argument, an output that exists without --force"),
  INPUT(3, "input that could not be analyzed: no such folder, no Java sources, no entry point");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }
}
