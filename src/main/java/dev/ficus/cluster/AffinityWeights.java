package dev.ficus.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much each kind of evidence pulls two routes together (docs/strategies.md). Code and data
 * affinities are each between 0 and 1, so the weights say directly how many shared-code units one
 * shared-data unit is worth.
 *
 * @param code weight of shared classes
 * @param data weight of shared data resources
 * @param path weight of a common path prefix
 * @param writeWrite data affinity of a resource both routes write
 * @param readWrite data affinity of a resource one route writes and the other reads
 * @param readRead data affinity of a resource both routes only read
 */
public record AffinityWeights(
    double code, double data, double path, double writeWrite, double readWrite, double readRead) {

  public AffinityWeights {
    for (double w : new double[] {code, data, path, writeWrite, readWrite, readRead}) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("a weight must be a number of at least 0");
      }
    }
  }

  public static AffinityWeights defaults() {
    return new AffinityWeights(1.0, 2.0, 0.5, 1.0, 0.5, 0.25);
  }

  /** The weights by name, in the order of the record. */
  public Map<String, Double> asMap() {
    Map<String, Double> map = new LinkedHashMap<>();
    map.put("code", code);
    map.put("data", data);
    map.put("path", path);
    map.put("writeWrite", writeWrite);
    map.put("readWrite", readWrite);
    map.put("readRead", readRead);
    return map;
  }

  /**
   * These weights with some replaced, from {@code code=1,data=2.5}; unknown names and bad numbers
   * are {@link IllegalArgumentException}s whose message names them.
   */
  public AffinityWeights with(String spec) {
    Map<String, Double> map = asMap();
    for (String part : spec.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      String[] kv = part.split("=", 2);
      String name = kv[0].trim();
      if (!map.containsKey(name) || kv.length < 2) {
        throw new IllegalArgumentException(
            "unknown weight '" + part.trim() + "'; expected NAME=NUMBER with NAME one of " + map.keySet());
      }
      try {
        map.put(name, Double.parseDouble(kv[1].trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("weight " + name + " is not a number: '" + kv[1].trim() + "'");
      }
    }
    return new AffinityWeights(
        map.get("code"), map.get("data"), map.get("path"),
        map.get("writeWrite"), map.get("readWrite"), map.get("readRead"));
  }
}
