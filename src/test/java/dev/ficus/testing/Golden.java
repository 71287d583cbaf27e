package dev.ficus.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden files for generated output: compared exactly, rewritten with {@code
 * -Dgolden.update=true}, and a failure shows the first differing lines.
 */
public final class Golden {

  private Golden() {}

  public static boolean updating() {
    return Boolean.parseBoolean(System.getProperty("golden.update", "false"));
  }

  public static void assertMatches(Path golden, String actual) {
    try {
      if (updating()) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(golden)) {
        fail("No golden file " + golden + "; run the tests with -Dgolden.update=true to create it.");
      }
      String expected = Files.readString(golden, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        fail("Output differs from " + golden + " (rerun with -Dgolden.update=true to accept):\n"
            + firstDifference(expected, actual));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String firstDifference(String expected, String actual) {
    List<String> e = expected.lines().toList();
    List<String> a = actual.lines().toList();
    for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
      String el = i < e.size() ? e.get(i) : "<end of file>";
      String al = i < a.size() ? a.get(i) : "<end of file>";
      if (!el.equals(al)) {
        StringBuilder out = new StringBuilder();
        for (int j = Math.max(0, i - 3); j < i; j++) {
          out.append("   ").append(e.get(j)).append('\n');
        }
        out.append("line ").append(i + 1).append(":\n");
        out.append(" - ").append(el).append('\n');
        out.append(" + ").append(al).append('\n');
        return out.toString();
      }
    }
    return "(only line endings differ)";
  }
}
