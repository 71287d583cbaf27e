package dev.ficus.model;

import java.util.Objects;

/**
 * One step of the path from a route's handler to an SDK call: the method entered and the line of
 * the call made from it, so a reviewer can follow why a permission is needed.
 *
 * @param method {@code fully.qualified.Class#method}
 * @param source the call site inside that method
 */
public record CallFrame(String method, SourceRef source) {
  public CallFrame {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(source, "source");
  }
}
