package dev.ficus.scaffold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the YAML of generated SAM templates from a small tree, so that every string taken from a
 * user's code (a path, an environment value, a description) goes through one tested quoting
 * function, and so that a comment can sit exactly where a reader needs it (beside a {@code *}
 * resource), which YAML libraries' emitters do not place reliably.
 */
public final class YamlWriter {

  /** A YAML value: a string, a tagged string ({@code !Ref X}), a mapping or a sequence. */
  public sealed interface Node permits Text, Tagged, Mapping, Sequence {}

  /** A string scalar, quoted when YAML would read it otherwise; {@code raw} numbers stay plain. */
  public record Text(String value, boolean raw) implements Node {
    public static Text of(String value) {
      return new Text(value, false);
    }

    public static Text number(long value) {
      return new Text(Long.toString(value), true);
    }
  }

  /** A CloudFormation short-form function: {@code !Ref Name}, {@code !Sub "arn:..."}. */
  public record Tagged(String tag, String value) implements Node {
    public static Tagged ref(String name) {
      return new Tagged("!Ref", name);
    }

    public static Tagged sub(String template) {
      return new Tagged("!Sub", template);
    }
  }

  /** A mapping that keeps insertion order, each entry with optional comment lines above it. */
  public static final class Mapping implements Node {
    private final Map<String, Node> entries = new LinkedHashMap<>();
    private final Map<String, List<String>> comments = new LinkedHashMap<>();

    public Mapping put(String key, Node value) {
      entries.put(key, value);
      return this;
    }

    public Mapping put(String key, String value) {
      return put(key, Text.of(value));
    }

    /** Puts an entry with a comment written on the lines above it. */
    public Mapping put(String key, Node value, String comment) {
      put(key, value);
      comments.put(key, commentLines(comment));
      return this;
    }

    public Mapping mapping(String key) {
      Node node = entries.get(key);
      if (node instanceof Mapping m) {
        return m;
      }
      Mapping m = new Mapping();
      put(key, m);
      return m;
    }

    public boolean isEmpty() {
      return entries.isEmpty();
    }

    public Map<String, Node> entries() {
      return java.util.Collections.unmodifiableMap(entries);
    }
  }

  /** A block sequence. */
  public record Sequence(List<Node> items) implements Node {
    public Sequence {
      items = List.copyOf(items);
    }

    public static Sequence ofTexts(List<String> values) {
      return new Sequence(values.stream().map(v -> (Node) Text.of(v)).toList());
    }
  }

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./:-]*");
  private static final Pattern TAG = Pattern.compile("![A-Za-z][A-Za-z0-9]*");
  private static final Set<String> RESERVED =
      Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n", "~");

  private YamlWriter() {}

  /** The document: the root mapping's entries at column 0, ending with a newline. */
  public static String write(Mapping root) {
    StringBuilder out = new StringBuilder();
    writeMapping(root, 0, out);
    return out.toString();
  }

  /**
   * A string as a YAML scalar that reads back as exactly that string: plain when that is
   * unambiguous (letters, digits and {@code _ . / : -}, not a word YAML 1.1 reads as a boolean or
   * null, never ending in a colon), otherwise double-quoted with escapes for backslash, quote,
   * control and line-break characters. Other Unicode is written as it is (files are UTF-8).
   */
  public static String scalar(String value) {
    if (PLAIN.matcher(value).matches()
        && !RESERVED.contains(value.toLowerCase(Locale.ROOT))
        && !value.contains("::")
        && !value.endsWith(":")
        && !value.contains(": ")) {
      return value;
    }
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          boolean lone =
              (Character.isHighSurrogate(c)
                      && (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))))
                  || (Character.isLowSurrogate(c)
                      && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1))));
          if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == '\u2028' || c == '\u2029'
              || c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF' || lone) {
            out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Comment text as lines, each safe to write after {@code # }. */
  static List<String> commentLines(String comment) {
    List<String> lines = new ArrayList<>();
    for (String line : comment.split("\\R", -1)) {
      StringBuilder clean = new StringBuilder();
      line.codePoints()
          .forEach(cp -> clean.appendCodePoint(Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ? ' ' : cp));
      lines.add(clean.toString().stripTrailing());
    }
    return lines;
  }

  private static void writeMapping(Mapping mapping, int indent, StringBuilder out) {
    String pad = " ".repeat(indent);
    for (Map.Entry<String, Node> e : mapping.entries.entrySet()) {
      for (String line : mapping.comments.getOrDefault(e.getKey(), List.of())) {
        out.append(pad).append(line.isEmpty() ? "#" : "# " + line).append('\n');
      }
      out.append(pad).append(scalar(e.getKey())).append(':');
      writeValue(e.getValue(), indent, out);
    }
  }

  /** Writes a value after {@code key:} or {@code -}, starting on the same line. */
  private static void writeValue(Node value, int indent, StringBuilder out) {
    if (value instanceof Text t) {
      out.append(' ').append(t.raw() ? t.value() : scalar(t.value())).append('\n');
    } else if (value instanceof Tagged t) {
      if (!TAG.matcher(t.tag()).matches()) {
        throw new IllegalArgumentException("bad tag " + t.tag());
      }
      out.append(' ').append(t.tag()).append(' ').append(scalar(t.value())).append('\n');
    } else if (value instanceof Mapping m) {
      if (m.isEmpty()) {
        out.append(" {}\n");
      } else {
        out.append('\n');
        writeMapping(m, indent + 2, out);
      }
    } else if (value instanceof Sequence s) {
      if (s.items().isEmpty()) {
        out.append(" []\n");
      } else {
        out.append('\n');
        writeSequence(s, indent + 2, out);
      }
    }
  }

  private static void writeSequence(Sequence sequence, int indent, StringBuilder out) {
    String pad = " ".repeat(indent);
    for (Node item : sequence.items()) {
      if (item instanceof Mapping m && !m.isEmpty()) {
        // "- " then the mapping's entries, the first on the dash's line.
        StringBuilder inner = new StringBuilder();
        writeMapping(m, indent + 2, inner);
        String text = inner.toString();
        int firstEntry = firstNonComment(text, indent + 2);
        out.append(text, 0, firstEntry);
        out.append(pad).append("- ").append(text.substring(firstEntry + indent + 2));
      } else if (item instanceof Sequence s && !s.items().isEmpty()) {
        out.append(pad).append("-\n");
        writeSequence(s, indent + 2, out);
      } else {
        out.append(pad).append('-');
        writeValue(item, indent, out);
      }
    }
  }

  /** Offset of the first line of {@code text} that is not a comment. */
  private static int firstNonComment(String text, int indent) {
    int offset = 0;
    while (offset < text.length() && text.startsWith("#", offset + indent)) {
      offset = text.indexOf('\n', offset) + 1;
    }
    return offset;
  }
}
