package dev.ficus.robustness;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads GitHub-flavored Markdown table rows and code spans back the way a renderer does, so tests
 * can check that text ficus put in a table cell comes out whole: GFM splits a row on every pipe
 * that is not escaped with a backslash (even inside a code span), and a code span ends at the
 * first run of backticks as long as the one that opened it (CommonMark 6.1).
 */
public final class MarkdownTables {

  private MarkdownTables() {}

  /** The cells of a row {@code | a | b |}, unescaped ({@code \|} becomes {@code |}), not trimmed. */
  public static List<String> cells(String row) {
    String line = row.strip();
    if (line.startsWith("|")) {
      line = line.substring(1);
    }
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean lastPipeClosed = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '|') {
        cell.append('|');
        i++;
        lastPipeClosed = false;
      } else if (c == '|') {
        cells.add(cell.toString());
        cell.setLength(0);
        lastPipeClosed = true;
      } else {
        cell.append(c);
        lastPipeClosed = false;
      }
    }
    if (!lastPipeClosed || cell.length() > 0) {
      cells.add(cell.toString());
    }
    return cells;
  }

  /**
   * The contents of the code spans of one cell's inline text, as CommonMark reads them: the
   * opening run of N backticks closes at the next run of exactly N; one leading and one trailing
   * space are stripped when both are there and the content is not all spaces.
   */
  public static List<String> codeSpans(String text) {
    List<String> spans = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        i += 2;
        continue;
      }
      if (c != '`') {
        i++;
        continue;
      }
      int open = run(text, i);
      int j = i + open;
      int close = -1;
      while (j < text.length()) {
        if (text.charAt(j) == '`') {
          int n = run(text, j);
          if (n == open) {
            close = j;
            break;
          }
          j += n;
        } else {
          j++;
        }
      }
      if (close < 0) {
        i += open;
        continue;
      }
      String content = text.substring(i + open, close).replace('\n', ' ');
      if (content.length() >= 2 && content.startsWith(" ") && content.endsWith(" ") && !content.isBlank()) {
        content = content.substring(1, content.length() - 1);
      }
      spans.add(content);
      i = close + open;
    }
    return spans;
  }

  private static int run(String text, int from) {
    int n = 0;
    while (from + n < text.length() && text.charAt(from + n) == '`') {
      n++;
    }
    return n;
  }
}
