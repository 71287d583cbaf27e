package dev.ficus.iac;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Loads YAML or JSON into {@link IacNode} trees with line numbers, turning CloudFormation's
 * short-form tags ({@code !Ref X}, {@code !GetAtt A.B}, {@code !Sub ...}) into the long form that
 * JSON templates use, so the readers handle one shape. SnakeYAML's compose step is used, never its
 * constructor, so no tag ever instantiates a Java object.
 */
final class IntrinsicYamlLoader {

  /** A problem at a line: an unknown tag, or (for {@link Result#error}) a syntax error. */
  record Problem(String message, int line) {}

  /**
   * The documents of one file, or the syntax error that stopped reading it.
   *
   * @param warnings unknown tags met on the way, kept as text
   */
  record Result(List<IacNode> documents, Problem error, List<Problem> warnings) {
    boolean ok() {
      return error == null;
    }
  }

  private static final Set<String> FN_TAGS =
      Set.of(
          "Sub",
          "If",
          "Join",
          "Select",
          "Split",
          "FindInMap",
          "ImportValue",
          "Equals",
          "Not",
          "And",
          "Or",
          "Base64",
          "Cidr",
          "GetAZs",
          "Transform",
          "Length",
          "ToJsonString");

  private static final int MAX_DEPTH = 200;

  /** Aliases can make a small file expand enormously ("billion laughs"); stop well before. */
  private static final int MAX_NODES = 2_000_000;

  /** Thrown when a document expands beyond {@link #MAX_NODES}. */
  private static final class TooLarge extends RuntimeException {
    TooLarge() {
      super(null, null, false, false);
    }
  }

  private IntrinsicYamlLoader() {}

  /** Reads JSON when the text starts with a brace or the name ends in .json, YAML otherwise. */
  static Result load(String fileName, String text) {
    String trimmed = text.stripLeading();
    if (fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".json") || trimmed.startsWith("{")) {
      return loadJson(text);
    }
    return loadYaml(text);
  }

  static Result loadYaml(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(16 * 1024 * 1024);
    options.setMergeOnCompose(true);
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(50);
    Yaml yaml = new Yaml(options);
    List<IacNode> docs = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    try {
      for (Node node : yaml.composeAll(new StringReader(text))) {
        if (node != null) {
          docs.add(convert(node, warnings, 0, new int[1]));
        }
      }
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      return new Result(List.of(), new Problem(firstLine(problem), line), warnings);
    } catch (TooLarge e) {
      return new Result(
          List.of(),
          new Problem("the document expands beyond " + MAX_NODES + " values through aliases", 0),
          warnings);
    } catch (YAMLException | StackOverflowError e) {
      return new Result(
          List.of(), new Problem(firstLine(String.valueOf(e.getMessage())), 0), warnings);
    }
    return new Result(docs, null, warnings);
  }

  private static IacNode convert(Node node, List<Problem> warnings, int depth, int[] count) {
    if (++count[0] > MAX_NODES) {
      throw new TooLarge();
    }
    int line = node.getStartMark() != null ? node.getStartMark().getLine() + 1 : 0;
    if (depth > MAX_DEPTH) {
      return new IacNode.Scalar(null, line);
    }
    IacNode plain;
    if (node instanceof ScalarNode s) {
      plain = new IacNode.Scalar(Tag.NULL.equals(s.getTag()) ? null : s.getValue(), line);
    } else if (node instanceof SequenceNode s) {
      List<IacNode> items = new ArrayList<>();
      for (Node item : s.getValue()) {
        items.add(convert(item, warnings, depth + 1, count));
      }
      plain = new IacNode.Seq(items, line);
    } else if (node instanceof MappingNode m) {
      Map<String, IacNode> fields = new LinkedHashMap<>();
      Map<String, Integer> keyLines = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
        fields.put(key, convert(t.getValueNode(), warnings, depth + 1, count));
        keyLines.put(key, t.getKeyNode().getStartMark().getLine() + 1);
      }
      plain = new IacNode.Obj(fields, keyLines, line);
    } else {
      plain = new IacNode.Scalar(null, line);
    }
    String tag = node.getTag().getValue();
    if (!tag.startsWith("!") || tag.startsWith("!!")) {
      return plain;
    }
    String name = tag.substring(1);
    if (name.equals("Ref") || name.equals("Condition")) {
      return IacNode.Obj.of(name, plain, line);
    }
    if (name.equals("GetAtt")) {
      if (plain instanceof IacNode.Scalar s && s.text() != null && s.text().contains(".")) {
        int dot = s.text().indexOf('.');
        IacNode.Seq args =
            new IacNode.Seq(
                List.of(
                    new IacNode.Scalar(s.text().substring(0, dot), line),
                    new IacNode.Scalar(s.text().substring(dot + 1), line)),
                line);
        return IacNode.Obj.of("Fn::GetAtt", args, line);
      }
      return IacNode.Obj.of("Fn::GetAtt", plain, line);
    }
    if (FN_TAGS.contains(name)) {
      return IacNode.Obj.of("Fn::" + name, plain, line);
    }
    warnings.add(new Problem("Unknown YAML tag " + tag + "; its value is kept as text.", line));
    return plain;
  }

  static Result loadJson(String text) {
    JsonFactory factory = new JsonFactory();
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new Result(List.of(), null, List.of());
      }
      IacNode root = readJson(parser, 0);
      return new Result(List.of(root), null, List.of());
    } catch (JsonProcessingException e) {
      int line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
      return new Result(
          List.of(), new Problem(firstLine(e.getOriginalMessage()), Math.max(line, 0)), List.of());
    } catch (IOException e) {
      return new Result(
          List.of(), new Problem(firstLine(String.valueOf(e.getMessage())), 0), List.of());
    }
  }

  private static IacNode readJson(JsonParser parser, int depth) throws IOException {
    int line = Math.max(parser.currentTokenLocation().getLineNr(), 0);
    JsonToken token = parser.currentToken();
    if (depth > MAX_DEPTH) {
      parser.skipChildren();
      return new IacNode.Scalar(null, line);
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, IacNode> fields = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          int keyLine = Math.max(parser.currentTokenLocation().getLineNr(), 0);
          parser.nextToken();
          fields.put(key, readJson(parser, depth + 1));
          keyLines.put(key, keyLine);
        }
        return new IacNode.Obj(fields, keyLines, line);
      }
      case START_ARRAY -> {
        List<IacNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(readJson(parser, depth + 1));
        }
        return new IacNode.Seq(items, line);
      }
      case VALUE_NULL -> {
        return new IacNode.Scalar(null, line);
      }
      default -> {
        return new IacNode.Scalar(parser.getText(), line);
      }
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "syntax error";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }
}
