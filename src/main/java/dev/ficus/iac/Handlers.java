package dev.ficus.iac;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits a Lambda handler string into the Java class and method it names. Handlers of other
 * runtimes ({@code index.handler}) name no Java class.
 */
final class Handlers {

  /** The class and method a handler names; both {@code null} when it is not a Java handler. */
  record Parsed(String handlerClass, String handlerMethod) {}

  private static final Pattern QUALIFIED =
      Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");

  private Handlers() {}

  static Parsed parse(String handler, String runtime) {
    if (handler == null || handler.isBlank()) {
      return new Parsed(null, null);
    }
    String rt = runtime == null ? "" : runtime.toLowerCase(Locale.ROOT);
    boolean java = rt.startsWith("java");
    boolean otherRuntime =
        !rt.isEmpty() && !java && !rt.startsWith("provided") && !rt.startsWith("${");
    if (otherRuntime) {
      return new Parsed(null, null);
    }
    String h = handler.trim();
    String cls = h;
    String method = null;
    int sep = h.indexOf("::");
    if (sep >= 0) {
      cls = h.substring(0, sep);
      method = h.substring(sep + 2);
      if (method.isEmpty() || !QUALIFIED.matcher(method).matches() || method.contains(".")) {
        method = null;
      }
    }
    if (!QUALIFIED.matcher(cls).matches()) {
      return new Parsed(null, null);
    }
    String simple = cls.substring(cls.lastIndexOf('.') + 1);
    boolean looksLikeClass = !simple.isEmpty() && Character.isUpperCase(simple.charAt(0));
    if (java && (sep >= 0 || cls.contains(".") || looksLikeClass)) {
      return new Parsed(cls, method);
    }
    if (looksLikeClass && (sep >= 0 || cls.contains("."))) {
      return new Parsed(cls, method);
    }
    return new Parsed(null, null);
  }
}
