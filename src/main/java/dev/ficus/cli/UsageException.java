package dev.ficus.cli;

/** A command line that cannot be carried out as given; exit code 2 with one sentence. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
