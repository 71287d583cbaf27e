package dev.ficus.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every expectation-marker helper ({@link RouteMarkers}, the lint tests' FindingMarkers)
 * shares: finding the marker comments in a {@link TestRepo}'s files, and stating the difference
 * between what the markers expect and what was found, both ways.
 */
public final class Markers {

  /** One marker: where it is, and the match of its pattern on that line. */
  public record Marker(String file, int line, Matcher match) {}

  private Markers() {}

  /** Every line of every file of {@code repo} that {@code pattern} finds, in file and line order. */
  public static List<Marker> scan(TestRepo repo, Pattern pattern) {
    List<Marker> markers = new ArrayList<>();
    for (Map.Entry<String, String> file : repo.files().entrySet()) {
      String[] lines = file.getValue().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        Matcher m = pattern.matcher(lines[i]);
        if (m.find()) {
          markers.add(new Marker(file.getKey(), i + 1, m));
        }
      }
    }
    return markers;
  }

  /**
   * "missing route:    a", "unexpected route: b": the expected keys that were not found, then the
   * found keys that were not expected, with {@code noun} naming what they are.
   */
  public static List<String> differences(Set<String> expected, Set<String> actual, String noun) {
    String missing = "missing " + noun + ":";
    String unexpected = "unexpected " + noun + ": ";
    missing = missing + " ".repeat(unexpected.length() - missing.length());
    List<String> problems = new ArrayList<>();
    for (String e : expected) {
      if (!actual.contains(e)) {
        problems.add(missing + e);
      }
    }
    for (String a : actual) {
      if (!expected.contains(a)) {
        problems.add(unexpected + a);
      }
    }
    return problems;
  }
}
