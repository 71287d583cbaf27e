package dev.ficus.routes;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A concrete request the dispatch code is run with: one candidate route, its template filled in
 * with a sample value, as API Gateway would deliver it (REST and HTTP API payloads 1.0 and 2.0).
 *
 * @param parameters path parameters by name, or {@code null} when the template has none (API
 *     Gateway sends {@code null} then, and code tests for it)
 */
record DispatchRequest(
    String method, String template, String path, String routeKey, Map<String, String> parameters) {

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+?)\\+?}");

  static DispatchRequest of(String method, String template, String sample) {
    Map<String, String> parameters = new TreeMap<>();
    Matcher m = VARIABLE.matcher(template);
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      parameters.put(m.group(1), sample);
      m.appendReplacement(path, Matcher.quoteReplacement(sample));
    }
    m.appendTail(path);
    return new DispatchRequest(
        method,
        template,
        path.toString(),
        method + " " + template,
        parameters.isEmpty() ? null : Map.copyOf(parameters));
  }
}
