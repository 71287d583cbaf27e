package dev.ficus.iac;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML or JSON document as the IaC readers see it: plain scalars, sequences and mappings that
 * remember their line, with CloudFormation short-form tags already turned into the long form
 * ({@code {"Ref": "X"}}), so that one reader serves YAML and JSON templates alike.
 */
sealed interface IacNode permits IacNode.Scalar, IacNode.Seq, IacNode.Obj {

  /** The 1-based line where the node starts; 0 when unknown. */
  int line();

  /** A scalar; {@code text} is {@code null} for a YAML/JSON null. */
  record Scalar(String text, int line) implements IacNode {}

  record Seq(List<IacNode> items, int line) implements IacNode {
    public Seq {
      items = List.copyOf(items);
    }
  }

  /**
   * A mapping in document order.
   *
   * @param keyLines the line of each key, for sources that point at a logical id
   */
  record Obj(Map<String, IacNode> fields, Map<String, Integer> keyLines, int line)
      implements IacNode {
    public Obj {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
      keyLines = Collections.unmodifiableMap(new LinkedHashMap<>(keyLines));
    }

    static Obj of(String key, IacNode value, int line) {
      return new Obj(Map.of(key, value), Map.of(key, line), line);
    }

    IacNode get(String key) {
      return fields.get(key);
    }

    Obj obj(String key) {
      return fields.get(key) instanceof Obj o ? o : null;
    }

    /** The text of a scalar field, or {@code null} when absent or not a scalar. */
    String text(String key) {
      return fields.get(key) instanceof Scalar s ? s.text() : null;
    }

    int keyLine(String key) {
      Integer l = keyLines.get(key);
      return l == null ? line : l;
    }

    /**
     * The intrinsic function this mapping is ({@code Ref}, {@code Fn::Sub}, {@code Condition}), or
     * {@code null} for an ordinary mapping.
     */
    String intrinsic() {
      if (fields.size() != 1) {
        return null;
      }
      String key = fields.keySet().iterator().next();
      return key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition") ? key : null;
    }

    IacNode intrinsicArgument() {
      return fields.values().iterator().next();
    }
  }

  /** The text of a scalar node, or {@code null}. */
  static String text(IacNode node) {
    return node instanceof Scalar s ? s.text() : null;
  }

  /** The items of a sequence, a single node as a one-item list, nothing for null. */
  static List<IacNode> items(IacNode node) {
    if (node == null) {
      return List.of();
    }
    if (node instanceof Seq s) {
      return s.items();
    }
    if (node instanceof Scalar s && s.text() == null) {
      return List.of();
    }
    return List.of(node);
  }
}
