package dev.ficus.workspace;

/**
 * Input that ficus cannot analyze at all (no such folder, no Java in it). The CLI turns it into
 * one sentence on stderr and exit code 3; everything smaller is a diagnostic instead.
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }
}
