package dev.ficus.cli;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colour for the text report on a terminal: table headings and section titles in bold, each
 * route's heading above its SDK calls in cyan, severities in red, yellow or cyan. It works on the
 * finished text (the report stays one plain renderer, so files and pipes get exactly the same
 * characters), and only adds ANSI codes: removing them gives the plain report back.
 */
final class Colors {

  static final String RESET = "\033[0m";
  static final String BOLD = "\033[1m";
  static final String RED = "\033[31m";
  static final String YELLOW = "\033[33m";
  static final String CYAN = "\033[36m";

  private static final Pattern HEADING = Pattern.compile("^ *[A-Z][A-Z ()]*[A-Z)](  +[A-Z][A-Z ()]*[A-Z)])+$");
  private static final Pattern SEVERITY = Pattern.compile("^(  )(error|warning|note)( .*)$");
  private static final Pattern ANSI = Pattern.compile("\033\\[[0-9;]*m");

  private Colors() {}

  static String textReport(String plain) {
    StringBuilder out = new StringBuilder();
    List<String> lines = plain.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
      Matcher severity = SEVERITY.matcher(line);
      if (HEADING.matcher(line).matches() || line.equals("Findings:") || line.equals("Diagnostics:")) {
        out.append(BOLD).append(line).append(RESET);
      } else if (!line.isEmpty() && !line.startsWith(" ") && next.startsWith("  CALL ")) {
        out.append(BOLD).append(CYAN).append(line).append(RESET);
      } else if (severity.matches()) {
        String color = switch (severity.group(2)) {
          case "error" -> RED;
          case "warning" -> YELLOW;
          default -> CYAN;
        };
        out.append(severity.group(1)).append(color).append(severity.group(2)).append(RESET).append(severity.group(3));
      } else {
        out.append(line);
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** The text without ANSI codes. */
  static String strip(String text) {
    return ANSI.matcher(text).replaceAll("");
  }
}
