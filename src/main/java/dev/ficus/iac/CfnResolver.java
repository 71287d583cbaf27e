package dev.ficus.iac;

import dev.ficus.model.EnvBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one CloudFormation template knows about its own names: which logical ids are resources (with
 * their type and the physical name the template spells), which are parameters (with their default),
 * and how an intrinsic-function value reads. Environment variables, event sources and policies are
 * all resolved through it.
 */
final class CfnResolver {

  /** A resource of the template, before it becomes a model record. */
  record Res(String logicalId, String type, IacNode.Obj properties, int line) {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

  /** Types whose name property does not follow the "last type segment + Name" rule. */
  private static final Map<String, String> NAME_PROPERTY =
      Map.ofEntries(
          Map.entry("AWS::Serverless::SimpleTable", "TableName"),
          Map.entry("AWS::Serverless::StateMachine", "Name"),
          Map.entry("AWS::Serverless::Api", "Name"),
          Map.entry("AWS::Serverless::HttpApi", "Name"),
          Map.entry("AWS::Kinesis::Stream", "Name"),
          Map.entry("AWS::SecretsManager::Secret", "Name"),
          Map.entry("AWS::SSM::Parameter", "Name"),
          Map.entry("AWS::Events::EventBus", "Name"),
          Map.entry("AWS::Events::Rule", "Name"),
          Map.entry("AWS::ApiGateway::RestApi", "Name"),
          Map.entry("AWS::ApiGatewayV2::Api", "Name"),
          Map.entry("AWS::Elasticsearch::Domain", "DomainName"),
          Map.entry("AWS::OpenSearchService::Domain", "DomainName"),
          Map.entry("AWS::KMS::Alias", "AliasName"),
          Map.entry("AWS::RDS::DBInstance", "DBInstanceIdentifier"),
          Map.entry("AWS::RDS::DBCluster", "DBClusterIdentifier"),
          Map.entry("AWS::DynamoDB::GlobalTable", "TableName"),
          Map.entry("AWS::Scheduler::Schedule", "Name"),
          Map.entry("AWS::Serverless::LayerVersion", "LayerName"));

  private final Map<String, Res> resources = new LinkedHashMap<>();
  private final Map<String, String> parameters = new LinkedHashMap<>();

  CfnResolver(IacNode.Obj resourcesNode, IacNode.Obj parametersNode) {
    if (resourcesNode != null) {
      for (Map.Entry<String, IacNode> e : resourcesNode.fields().entrySet()) {
        if (e.getValue() instanceof IacNode.Obj r && r.text("Type") != null) {
          IacNode.Obj props = r.obj("Properties");
          resources.put(
              e.getKey(),
              new Res(
                  e.getKey(),
                  r.text("Type"),
                  props == null ? new IacNode.Obj(Map.of(), Map.of(), r.line()) : props,
                  resourcesNode.keyLine(e.getKey())));
        }
      }
    }
    if (parametersNode != null) {
      for (Map.Entry<String, IacNode> e : parametersNode.fields().entrySet()) {
        String def = e.getValue() instanceof IacNode.Obj p ? scalarOrList(p.get("Default")) : null;
        parameters.put(e.getKey(), def);
      }
    }
  }

  Map<String, Res> resources() {
    return resources;
  }

  Map<String, String> parameters() {
    return parameters;
  }

  Res resource(String logicalId) {
    return logicalId == null ? null : resources.get(logicalId);
  }

  /** The name the template gives a resource, or {@code null} when CloudFormation generates it. */
  String physicalName(String logicalId) {
    return physicalName(logicalId, 0);
  }

  private String physicalName(String logicalId, int depth) {
    Res r = resources.get(logicalId);
    if (r == null || depth > 10) {
      return null;
    }
    String property = NAME_PROPERTY.get(r.type());
    if (property == null) {
      String last = r.type().substring(r.type().lastIndexOf(':') + 1);
      property = r.properties().get(last + "Name") != null ? last + "Name" : "Name";
    }
    IacNode node = r.properties().get(property);
    return node == null ? null : nameOf(node, depth + 1);
  }

  /**
   * The text a value evaluates to: a literal, a resource's physical name, a {@code Fn::Sub} or
   * {@code Fn::Join} of those. Parameters and pseudo parameters stay as {@code ${Stage}} and
   * {@code ${AWS::StackName}}: a name such as {@code orders-${Stage}} is right in every stage the
   * stack is deployed to, where the default would be right in one. Anything else unknown gives
   * {@code null}.
   */
  String nameOf(IacNode node) {
    return nameOf(node, 0);
  }

  private String nameOf(IacNode node, int depth) {
    if (node == null || depth > 10) {
      return null;
    }
    if (node instanceof IacNode.Scalar s) {
      return s.text();
    }
    if (!(node instanceof IacNode.Obj o) || o.intrinsic() == null) {
      return null;
    }
    IacNode arg = o.intrinsicArgument();
    switch (o.intrinsic()) {
      case "Ref" -> {
        String id = IacNode.text(arg);
        if (id == null) {
          return null;
        }
        if (id.startsWith("AWS::")) {
          return "${" + id + "}";
        }
        if (parameters.containsKey(id)) {
          return "${" + id + "}";
        }
        return physicalName(id, depth + 1);
      }
      case "Fn::Sub" -> {
        return substitute(arg, depth + 1);
      }
      case "Fn::Join" -> {
        List<IacNode> args = IacNode.items(arg);
        if (args.size() != 2 || IacNode.text(args.get(0)) == null) {
          return null;
        }
        List<String> parts = new ArrayList<>();
        for (IacNode part : IacNode.items(args.get(1))) {
          String text = nameOf(part, depth + 1);
          if (text == null) {
            return null;
          }
          parts.add(text);
        }
        return String.join(IacNode.text(args.get(0)), parts);
      }
      default -> {
        return null;
      }
    }
  }

  /** A {@code Fn::Sub} with every placeholder replaced, or {@code null} when one is unknown. */
  private String substitute(IacNode arg, int depth) {
    String template = subTemplate(arg);
    if (template == null) {
      return null;
    }
    IacNode.Obj vars = subVariables(arg);
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).trim();
      String value;
      if (name.startsWith("!")) {
        value = "${" + name.substring(1) + "}";
      } else if (vars != null && vars.get(name) != null) {
        value = nameOf(vars.get(name), depth + 1);
      } else if (name.startsWith("AWS::")) {
        value = "${" + name + "}";
      } else if (parameters.containsKey(name)) {
        value = "${" + name + "}";
      } else if (!name.contains(".")) {
        value = physicalName(name, depth + 1);
      } else {
        value = null;
      }
      if (value == null) {
        return null;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String subTemplate(IacNode arg) {
    if (arg instanceof IacNode.Scalar s) {
      return s.text();
    }
    List<IacNode> items = IacNode.items(arg);
    return items.isEmpty() ? null : IacNode.text(items.get(0));
  }

  private static IacNode.Obj subVariables(IacNode arg) {
    List<IacNode> items = arg instanceof IacNode.Seq ? IacNode.items(arg) : List.of();
    return items.size() > 1 && items.get(1) instanceof IacNode.Obj o ? o : null;
  }

  /** What an environment variable's value refers to. */
  EnvBinding binding(String name, IacNode value) {
    if (value == null || value instanceof IacNode.Scalar) {
      String text = IacNode.text(value);
      return new EnvBinding(name, EnvBinding.Kind.LITERAL, text == null ? "" : text, null, null);
    }
    if (value instanceof IacNode.Obj o && o.intrinsic() != null) {
      IacNode arg = o.intrinsicArgument();
      switch (o.intrinsic()) {
        case "Ref" -> {
          String id = IacNode.text(arg);
          if (id != null) {
            return refBinding(name, id);
          }
        }
        case "Fn::GetAtt" -> {
          String attr = getAtt(arg);
          if (attr != null) {
            return attributeBinding(name, attr);
          }
        }
        case "Fn::Sub" -> {
          String template = subTemplate(arg);
          IacNode.Obj vars = subVariables(arg);
          if (template != null) {
            Matcher m = PLACEHOLDER.matcher(template);
            List<String> names = new ArrayList<>();
            while (m.find()) {
              if (!m.group(1).startsWith("!")) {
                names.add(m.group(1).trim());
              }
            }
            if (names.isEmpty()) {
              return new EnvBinding(
                  name, EnvBinding.Kind.LITERAL, template.replace("${!", "${"), null, null);
            }
            if (names.size() == 1 && template.trim().equals("${" + names.get(0) + "}")) {
              String only = names.get(0);
              if (vars != null && vars.get(only) != null) {
                return binding(name, vars.get(only));
              }
              return only.contains(".") ? attributeBinding(name, only) : refBinding(name, only);
            }
            return new EnvBinding(
                name, EnvBinding.Kind.EXPRESSION, template, null, substitute(arg, 0));
          }
        }
        default -> {}
      }
    }
    return new EnvBinding(name, EnvBinding.Kind.EXPRESSION, render(value), null, nameOf(value));
  }

  private EnvBinding refBinding(String name, String id) {
    if (parameters.containsKey(id)) {
      return new EnvBinding(name, EnvBinding.Kind.PARAMETER, id, null, parameters.get(id));
    }
    Res r = resources.get(id);
    if (r != null) {
      return new EnvBinding(name, EnvBinding.Kind.RESOURCE, id, r.type(), physicalName(id));
    }
    return new EnvBinding(name, EnvBinding.Kind.EXPRESSION, "${" + id + "}", null, null);
  }

  private EnvBinding attributeBinding(String name, String attr) {
    String id = attr.substring(0, attr.indexOf('.'));
    Res r = resources.get(id);
    if (r != null) {
      return new EnvBinding(name, EnvBinding.Kind.ATTRIBUTE, attr, r.type(), physicalName(id));
    }
    return new EnvBinding(name, EnvBinding.Kind.EXPRESSION, "${" + attr + "}", null, null);
  }

  /** {@code A.B} for a {@code Fn::GetAtt} argument in either form, or {@code null}. */
  static String getAtt(IacNode arg) {
    if (arg instanceof IacNode.Scalar s && s.text() != null && s.text().contains(".")) {
      return s.text();
    }
    List<IacNode> items = IacNode.items(arg);
    if (items.size() == 2 && IacNode.text(items.get(0)) != null) {
      String attr = items.get(1) instanceof IacNode.Scalar ? IacNode.text(items.get(1)) : null;
      return attr == null ? null : IacNode.text(items.get(0)) + "." + attr;
    }
    return null;
  }

  /**
   * The logical id a value points to ({@code !Ref X}, {@code !GetAtt X.Arn}, {@code !Sub
   * "${X.Arn}"}), or {@code null}.
   */
  static String referencedId(IacNode node) {
    if (!(node instanceof IacNode.Obj o) || o.intrinsic() == null) {
      return null;
    }
    IacNode arg = o.intrinsicArgument();
    String id =
        switch (o.intrinsic()) {
          case "Ref" -> IacNode.text(arg);
          case "Fn::GetAtt" -> getAtt(arg);
          case "Fn::Sub" -> {
            String t = subTemplate(arg);
            Matcher m = t == null ? null : PLACEHOLDER.matcher(t.trim());
            yield m != null && m.matches() ? m.group(1) : null;
          }
          default -> null;
        };
    if (id == null || id.startsWith("AWS::")) {
      return null;
    }
    int dot = id.indexOf('.');
    return dot < 0 ? id : id.substring(0, dot);
  }

  /**
   * A short readable name for what a value points to: the logical id for a reference, the literal
   * text, or the rendered expression.
   */
  String target(IacNode node) {
    if (node == null) {
      return null;
    }
    String id = referencedId(node);
    if (id != null) {
      return id;
    }
    return node instanceof IacNode.Scalar s ? s.text() : render(node);
  }

  /**
   * A value as one line of text: {@code ${X}} for a reference, {@code ${X.Arn}} for an attribute,
   * the template of a {@code Fn::Sub}, {@code !Name argument} for other functions.
   */
  static String render(IacNode node) {
    if (node == null) {
      return "null";
    }
    if (node instanceof IacNode.Scalar s) {
      return s.text() == null ? "null" : s.text();
    }
    if (node instanceof IacNode.Seq seq) {
      List<String> parts = new ArrayList<>();
      for (IacNode item : seq.items()) {
        parts.add(render(item));
      }
      return "[" + String.join(", ", parts) + "]";
    }
    IacNode.Obj o = (IacNode.Obj) node;
    String fn = o.intrinsic();
    if (fn != null) {
      IacNode arg = o.intrinsicArgument();
      switch (fn) {
        case "Ref" -> {
          return "${" + render(arg) + "}";
        }
        case "Fn::GetAtt" -> {
          String attr = getAtt(arg);
          return attr != null ? "${" + attr + "}" : "!GetAtt " + render(arg);
        }
        case "Fn::Sub" -> {
          String t = subTemplate(arg);
          return t != null ? t : "!Sub " + render(arg);
        }
        default -> {
          String shortName = fn.startsWith("Fn::") ? fn.substring(4) : fn;
          return "!" + shortName + " " + render(arg);
        }
      }
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, IacNode> e : o.fields().entrySet()) {
      parts.add(e.getKey() + ": " + render(e.getValue()));
    }
    return "{" + String.join(", ", parts) + "}";
  }

  /** Compact JSON of a value, intrinsics in their long form, keys in document order. */
  static String json(IacNode node) {
    StringBuilder out = new StringBuilder();
    json(node, out);
    return out.toString();
  }

  private static void json(IacNode node, StringBuilder out) {
    if (node instanceof IacNode.Scalar s) {
      if (s.text() == null) {
        out.append("null");
      } else {
        quote(s.text(), out);
      }
    } else if (node instanceof IacNode.Seq seq) {
      out.append('[');
      for (int i = 0; i < seq.items().size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        json(seq.items().get(i), out);
      }
      out.append(']');
    } else if (node instanceof IacNode.Obj o) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, IacNode> e : o.fields().entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        quote(e.getKey(), out);
        out.append(':');
        json(e.getValue(), out);
      }
      out.append('}');
    } else {
      out.append("null");
    }
  }

  private static void quote(String text, StringBuilder out) {
    out.append('"');
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** A property value as one string: text, a comma list, a rendered intrinsic, or JSON. */
  static String flat(IacNode node) {
    if (node instanceof IacNode.Scalar s) {
      return s.text();
    }
    if (node instanceof IacNode.Obj o && o.intrinsic() != null) {
      return render(node);
    }
    if (node instanceof IacNode.Seq seq
        && seq.items().stream()
            .allMatch(
                i ->
                    i instanceof IacNode.Scalar
                        || (i instanceof IacNode.Obj io && io.intrinsic() != null))) {
      List<String> parts = new ArrayList<>();
      for (IacNode item : seq.items()) {
        parts.add(flat(item));
      }
      return String.join(",", parts);
    }
    return json(node);
  }

  private static String scalarOrList(IacNode node) {
    if (node == null) {
      return null;
    }
    return node instanceof IacNode.Scalar s ? s.text() : flat(node);
  }
}
