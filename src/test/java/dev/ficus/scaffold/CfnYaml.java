package dev.ficus.scaffold;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation template the way CloudFormation does: short-form functions ({@code !Ref
 * X}, {@code !Sub "..."}, {@code !GetAtt A.B}) become their long form ({@code {Ref: X}}), so the
 * result is plain data a JSON schema can check.
 */
final class CfnYaml {

  private CfnYaml() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> load(String yaml) {
    return (Map<String, Object>) new Yaml(new Constructor()).load(yaml);
  }

  /** A {@code Fn::Sub} or {@code Ref} value as its text ({@code ${X}} for a Ref), else the value. */
  @SuppressWarnings("unchecked")
  static String text(Object value) {
    if (value instanceof Map<?, ?> m && m.size() == 1) {
      Object sub = m.get("Fn::Sub");
      if (sub instanceof String s) {
        return s;
      }
      Object ref = m.get("Ref");
      if (ref instanceof String r) {
        return "${" + r + "}";
      }
    }
    return String.valueOf(value);
  }

  private static final class Constructor extends SafeConstructor {
    Constructor() {
      super(new LoaderOptions());
      for (String fn : List.of("Ref", "Sub", "GetAtt", "Join", "Select", "Split", "If", "Equals", "ImportValue", "FindInMap", "Base64", "GetAZs", "Not", "And", "Or", "Condition")) {
        String name = fn.equals("Ref") || fn.equals("Condition") ? fn : "Fn::" + fn;
        yamlConstructors.put(
            new Tag("!" + fn),
            new AbstractConstruct() {
              @Override
              public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                  String text = scalar.getValue();
                  value = fn.equals("GetAtt") ? Arrays.asList(text.split("\\.", 2)) : text;
                } else if (node instanceof SequenceNode sequence) {
                  value = constructSequence(sequence);
                } else {
                  value = constructMapping((org.yaml.snakeyaml.nodes.MappingNode) node);
                }
                return Map.of(name, value);
              }
            });
      }
    }
  }
}
