package dev.ficus.scaffold;

import dev.ficus.model.ControllerCall;
import dev.ficus.model.PlannedFunction;
import dev.ficus.model.PlannedService;
import dev.ficus.model.Route;
import dev.ficus.model.RouteCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda handler class of every planned function, and its unit test: the route's code as
 * the analysis cut it out of the monolith ({@link RouteCode}), under the name and in the module
 * the {@link ProjectLayout} gives it, with path parameters bound by the names the generated API
 * uses. It asks for the repository classes the handler names and the libraries it needs, and
 * says that the dispatcher it replaces need not be copied.
 */
public final class HandlerClasses implements ProjectPart {

  /** Where a module's test sources go. */
  public static final String TEST_JAVA = "src/test/java/";

  static final String LAMBDA_GROUP = "com.amazonaws";
  static final String CORE_VERSION = "1.2.3";
  static final String EVENTS_VERSION = "3.13.0";
  static final String JUNIT_VERSION = "5.10.2";
  static final String MOCKITO_VERSION = "5.12.0";

  @Override
  public void contribute(ScaffoldContext context) {
    MonolithPom pom = context.monolithPom().orElse(MonolithPom.none());
    for (PlannedService service : context.plan().services()) {
      for (PlannedFunction function : service.functions()) {
        if (function.isEvent()) {
          continue; // its own handler class moves with it (ModuleSources)
        }
        ProjectLayout.Module module = context.layout().moduleOf(function);
        ProjectLayout.Handler handler = context.layout().handlerOf(function);
        Optional<Route> route = context.routeOf(function);
        Optional<RouteCode> found = route.flatMap(r -> context.analysis().codeOf(r));
        String mainPath = module.dir() + "/" + ModuleSources.JAVA + handler.sourcePath();
        if (route.isEmpty() || found.isEmpty()) {
          context.note(function.name(), mainPath,
              "ficus could not cut the code of " + function.route() + " out of the monolith; write"
                  + " " + handler.qualifiedName() + " by hand.");
          continue;
        }
        Optional<String> noJson = found.get().kind() == RouteCode.Kind.CALL
            ? missingJsonLibrary(pom, found.get().call()) : Optional.empty();
        boolean adapterInRepository = context.analysis().sources().stream()
            .anyMatch(f -> f.types().contains(found.get().origin()));
        Optional<RouteCode> code = noJson.isPresent()
            ? Optional.of(onAdapter(found.get(), noJson.get(), adapterInRepository))
            : found;
        String testPath = module.dir() + "/" + TEST_JAVA
            + handler.sourcePath().replaceAll("\\.java$", "Test.java");
        Rendered rendered = render(context, function, route.get(), code.get(), handler);
        context.add(mainPath, rendered.main());
        context.add(testPath, rendered.test());
        code.get().classes().forEach(c -> context.requireClass(module.dir(), c));
        context.recordImports(module.dir(), code.get().imports());
        boolean adapterFromLibrary = context.analysis().sources().stream()
            .noneMatch(f -> f.types().contains(code.get().origin()));
        if (code.get().kind() == RouteCode.Kind.CONTAINER && adapterFromLibrary) {
          // The handler extends a library's adapter by its full name: its library is needed like an import's.
          context.recordImports(module.dir(), List.of(code.get().origin()));
        }
        if (code.get().kind() == RouteCode.Kind.SLICE) {
          context.replaceClass(module.dir(), code.get().origin());
        }
        rendered.notes().forEach(n -> context.note(function.name(), mainPath, n));
        requireLibraries(context, module.dir(), pom);
      }
    }
  }

  private record Rendered(String main, String test, List<String> notes) {}

  /** Libraries whose presence says the framework writes JSON with Jackson's databind. */
  private static final List<String> JACKSON = List.of("com.fasterxml.jackson.core:jackson-databind",
      "org.springframework.boot:spring-boot-starter-web", "org.springframework.boot:spring-boot-starter-json",
      "io.quarkus:quarkus-resteasy-jackson", "io.quarkus:quarkus-resteasy-reactive-jackson",
      "io.quarkus:quarkus-rest-jackson", "io.quarkus:quarkus-jackson",
      "io.quarkus:quarkus-amazon-lambda-rest", "org.glassfish.jersey.media:jersey-media-json-jackson",
      "org.jboss.resteasy:resteasy-jackson2-provider", "io.micronaut:micronaut-jackson-databind");

  /**
   * Why the monolith's JSON is not Jackson's, as the generated handler writes it: the pom names no
   * library that brings Jackson's databind (JSON-B, Micronaut Serialization). Empty when it does,
   * or when there is no pom to tell.
   */
  static Optional<String> missingJsonLibrary(MonolithPom pom, ControllerCall call) {
    if (pom.dependencies().isEmpty()) {
      return Optional.empty();
    }
    boolean jackson = pom.dependencies().stream().anyMatch(d -> JACKSON.contains(d.key()));
    boolean serde = pom.dependencies().stream().anyMatch(d -> d.groupId().equals("io.micronaut.serde"));
    if (call.framework() == ControllerCall.Framework.MICRONAUT && serde) {
      return Optional.of("the application writes JSON through Micronaut Serialization");
    }
    return jackson ? Optional.empty()
        : Optional.of("the monolith's pom names no library that writes JSON with Jackson");
  }

  /** A directly called route put back on its adapter, for a reason only the scaffold sees. */
  private static RouteCode onAdapter(RouteCode code, String reason, boolean adapterInRepository) {
    String method = code.call().controller().replaceAll("^.*\\.", "") + "#" + code.call().method();
    List<String> notes = new ArrayList<>();
    notes.add("ficus does not call " + method + " directly because " + reason + ", so the"
        + " framework's adapter serves the route (and starts the whole application).");
    notes.addAll(code.notes().subList(1, code.notes().size()));
    return new RouteCode(code.route(), code.handler(), RouteCode.Kind.CONTAINER, code.origin(),
        RouteCode.Event.OTHER, List.of(), "", List.of(), "", "", "input", List.of(), List.of(),
        adapterInRepository ? List.of(code.origin()) : List.of(), notes);
  }

  /** A path variable the API delivers under one name and the code reads under another. */
  public record Rename(String api, String apiName, String code) {}

  /** A sample value of a path variable in the test event. */
  public record PathValue(String name, String value) {}

  private static Rendered render(
      ScaffoldContext context, PlannedFunction function, Route route, RouteCode code,
      ProjectLayout.Handler handler) {
    String apiPath = context.layout().apiPath(route.path());
    List<String> routeVars = variables(route.path());
    List<String> apiVars = variables(apiPath);
    List<String> notes = new ArrayList<>(code.notes());
    List<Rename> renames = new ArrayList<>();
    List<PathValue> values = new ArrayList<>();
    List<String> binding = new ArrayList<>();
    for (int i = 0; i < apiVars.size(); i++) {
      String apiName = bare(apiVars.get(i));
      String value = apiName.replaceAll("[^A-Za-z0-9]", "") + "-1";
      values.add(new PathValue(apiName, value));
      String routeName = i < routeVars.size() ? bare(routeVars.get(i)) : apiName;
      if (code.pathParameters().contains(routeName)) {
        binding.add(value);
      }
      if (!routeName.equals(apiName) && code.pathParameters().contains(routeName)) {
        if (code.event() == RouteCode.Event.REST || code.event() == RouteCode.Event.HTTP) {
          renames.add(new Rename(apiPath, apiName, routeName));
        } else {
          notes.add("The generated API names the path variable {" + routeName + "} {" + apiName
              + "}; the handler reads the raw event, so read it by the new name.");
        }
      }
    }
    for (String read : code.pathParameters()) {
      if (!routeVars.stream().map(HandlerClasses::bare).toList().contains(read)) {
        notes.add("The code reads a path parameter \"" + read + "\" that the route " + route.id()
            + " does not declare; check where it comes from.");
      }
    }
    String concrete = apiPath;
    for (PathValue v : values) {
      concrete = concrete.replace("{" + v.name() + "+}", v.value()).replace("{" + v.name() + "}", v.value());
    }
    boolean hasBody = List.of("POST", "PUT", "PATCH").contains(route.method());
    String method = route.method().equals("ANY") ? "GET" : route.method();

    Map<String, Object> model = new LinkedHashMap<>();
    model.put("packageName", handler.packageName());
    model.put("simpleName", handler.simpleName());
    model.put("entryMethod", handler.method());
    model.put("routeComment", comment(route.id()));
    model.put("originComment", comment(code.origin()));
    model.put("adapterComment", comment(code.origin()));
    model.put("adapter", code.origin());
    model.put("notes", notes.stream().map(HandlerClasses::comment).toList());
    model.put("functionName", javaString(function.name()));
    model.put("event", code.event().name());
    model.put("method", javaString(method));
    model.put("apiPath", javaString(apiPath));
    model.put("concretePath", javaString(concrete));
    model.put("apiPathJson", javaString(jsonString(apiPath)));
    model.put("concretePathJson", javaString(jsonString(concrete)));
    StringBuilder json = new StringBuilder();
    for (PathValue v : values) {
      json.append(json.isEmpty() ? "" : ",").append('"').append(jsonString(v.name())).append("\":\"")
          .append(jsonString(v.value())).append('"');
    }
    model.put("pathParametersJson", javaString(values.isEmpty() ? "null" : "{" + json + "}"));
    model.put("bodyJson", javaString(hasBody ? "\"{}\"" : "null"));
    model.put("body", hasBody ? "\"{}\"" : "null");
    model.put("pathValues", values.stream()
        .map(v -> new PathValue(javaString(v.name()), javaString(v.value()))).toList());
    model.put("bindingValues", binding.stream().map(HandlerClasses::javaString).toList());
    model.put("seam", code.seam().stream().map(HandlerClasses::erasure).toList());

    if (code.kind() == RouteCode.Kind.CALL) {
      return renderCall(model, code, route, apiPath, routeVars, apiVars, notes);
    }
    if (code.kind() == RouteCode.Kind.CONTAINER) {
      model.put("matchable", code.event() != RouteCode.Event.OTHER);
      model.put("buildStep", code.origin().startsWith("io.micronaut.") || code.origin().startsWith("io.quarkus."));
      return new Rendered(
          Templates.render("java/ContainerHandler.java.ftl", model),
          Templates.render("java/ContainerHandlerTest.java.ftl", model),
          notes);
    }
    String self = handler.simpleName();
    List<String> imports = new ArrayList<>(code.imports());
    String originPackage = packageOf(code.origin());
    // The dispatcher's package, for the same-package names the cut-out code uses; only when the
    // code names a class of it besides the dispatcher, which is not copied (an empty package would
    // not compile).
    boolean needsOriginPackage =
        !originPackage.isEmpty()
            && !originPackage.equals(handler.packageName())
            && code.classes().stream()
                .anyMatch(c -> !c.equals(code.origin()) && packageOf(c).equals(originPackage));
    if (needsOriginPackage) {
      imports.add(originPackage + ".*");
    }
    model.put("imports", imports.stream().distinct().sorted().toList());
    model.put("header", code.header().replace(RouteCode.SELF, self));
    model.put("members", code.members().stream()
        .map(m -> indent(m.replace(RouteCode.SELF, self), "  ")).toList());
    model.put("signature", indent(code.entrySignature().replace(RouteCode.SELF, self), "  "));
    model.put("eventParameter", code.eventParameter());
    model.put("body", indent(code.entryBody().replace(RouteCode.SELF, self), "    "));
    model.put("renames", renames.stream()
        .map(r -> new Rename(comment(r.api()), javaString(r.apiName()), javaString(r.code()))).toList());
    String main = Templates.render("java/Handler.java.ftl", model);
    model.put("body", hasBody ? "\"{}\"" : "null");
    List<String> testImports = new ArrayList<>(code.imports().stream()
        .filter(i -> !i.startsWith("static ") && !i.endsWith(".*"))
        .filter(i -> code.seam().stream().anyMatch(s -> erasure(s).equals(simpleName(i))))
        .toList());
    if (needsOriginPackage && !code.seam().isEmpty()) {
      testImports.add(originPackage + ".*");
    }
    model.put("imports", testImports);
    String test = Templates.render("java/HandlerTest.java.ftl", model);
    return new Rendered(main, test, notes);
  }

  /** A framework route whose controller method the handler calls directly. */
  private static Rendered renderCall(
      Map<String, Object> model, RouteCode code, Route route, String apiPath,
      List<String> routeVars, List<String> apiVars, List<String> notes) {
    ControllerCall call = code.call();
    boolean http = code.event() == RouteCode.Event.HTTP;
    model.put("requestType", http ? "APIGatewayV2HTTPEvent" : "APIGatewayProxyRequestEvent");
    model.put("responseType", http ? "APIGatewayV2HTTPResponse" : "APIGatewayProxyResponseEvent");
    model.put("pathExpression", http ? "event.getRawPath()" : "event.getPath()");
    model.put("framework", call.framework().name());
    model.put("frameworkName", switch (call.framework()) {
      case SPRING_MVC -> "Spring MVC";
      case JAX_RS -> "JAX-RS";
      case MICRONAUT -> "Micronaut";
    });
    model.put("frameworkPackage", call.frameworkPackage());
    model.put("controller", call.controller());
    model.put("controllerMethod", call.method());
    model.put("callComment", comment(simpleName(call.controller()) + "#" + call.method()));
    model.put("inclusion", call.jsonInclusion());
    model.put("wiring", wrap(call.wiring(), "        "));
    model.put("testWiring", wrap(call.testWiring(), "        "));
    model.put("result", call.result().name());
    model.put("resultType", call.resultType());
    model.put("status", call.status());
    model.put("contentType", javaString(call.contentType()));
    model.put("shape", call.shape().name());
    model.put("shapeCheck", switch (call.shape()) {
      case OBJECT -> "Object";
      case ARRAY -> "Array";
      case NUMBER -> "Number";
      case BOOLEAN -> "Boolean";
      default -> "Textual";
    });
    model.put("exactStatus", call.result() == ControllerCall.Result.JSON
        || call.result() == ControllerCall.Result.VOID || call.result() == ControllerCall.Result.TEXT);
    // The first note says the route is called directly, which the class comment says already.
    model.put("notes", notes.stream().skip(1).map(HandlerClasses::comment).toList());

    // The API may name a path variable differently from the route: read it by the API's name.
    Map<String, String> apiNameOf = new LinkedHashMap<>();
    for (int i = 0; i < routeVars.size() && i < apiVars.size(); i++) {
      apiNameOf.put(bare(routeVars.get(i)), bare(apiVars.get(i)));
    }
    List<Map<String, Object>> arguments = new ArrayList<>();
    List<PathValue> pathValues = new ArrayList<>();
    List<PathValue> queryValues = new ArrayList<>();
    List<PathValue> headerValues = new ArrayList<>();
    List<String> matchers = new ArrayList<>();
    Map<String, String> samplesByApiName = new LinkedHashMap<>();
    String body = "null";
    Map<String, Object> missing = null;
    for (ControllerCall.Argument a : call.arguments()) {
      Map<String, Object> arg = new LinkedHashMap<>();
      String name = a.source() == ControllerCall.Source.PATH ? apiNameOf.getOrDefault(a.name(), a.name()) : a.name();
      arg.put("source", a.source().name());
      arg.put("name", javaString(name));
      arg.put("type", a.type());
      arg.put("typeComment", javaString(simpleName(erasure(a.type()))));
      arg.put("what", switch (a.source()) {
        case PATH -> "path variable";
        case QUERY -> "parameter";
        case HEADER -> "header";
        case BODY -> "body";
      });
      if (a.defaultValue() != null) {
        arg.put("defaultValue", javaString(a.defaultValue()));
      }
      arg.put("required", a.required());
      arg.put("emptyIsMissing", a.emptyIsMissing());
      arg.put("invalidStatus", a.invalidStatus());
      arg.put("primitive", !a.type().contains("."));
      arguments.add(arg);
      switch (a.source()) {
        case PATH -> samplesByApiName.put(name, a.sample());
        case QUERY -> queryValues.add(new PathValue(javaString(a.name()), javaString(a.sample())));
        case HEADER -> headerValues.add(new PathValue(javaString(a.name()), javaString(a.sample())));
        case BODY -> body = "\"" + javaString(a.sample()) + "\"";
      }
      matchers.add(a.source() == ControllerCall.Source.BODY ? "any()" : "eq(" + literal(a.type(), a.sample()) + ")");
      if (missing == null && a.required() && a.source() != ControllerCall.Source.PATH) {
        missing = Map.of("source", a.source().name(), "name", javaString(a.name()));
      }
    }
    String concrete = apiPath;
    for (String v : apiVars) {
      String apiName = bare(v);
      String value = samplesByApiName.getOrDefault(apiName, apiName.replaceAll("[^A-Za-z0-9]", "") + "-1");
      pathValues.add(new PathValue(javaString(apiName), javaString(value)));
      concrete = concrete.replace(v, value);
    }
    model.put("arguments", arguments);
    model.put("pathValues", pathValues);
    model.put("queryValues", queryValues);
    model.put("headerValues", headerValues);
    model.put("matchers", matchers);
    model.put("concretePath", javaString(concrete));
    model.put("body", body);
    if (missing != null) {
      model.put("missing", missing);
    }
    return new Rendered(
        Templates.render("java/CallHandler.java.ftl", model),
        Templates.render("java/CallHandlerTest.java.ftl", model),
        notes);
  }

  /**
   * A long Java expression broken over lines: the arguments of its last call one per line, each
   * wrapped the same way, so that a chain of constructors reads as the tree of dependencies it is.
   */
  static String wrap(String expression, String indent) {
    if (expression.length() + indent.length() <= 100 || !expression.endsWith(")")) {
      return expression;
    }
    int open = matchingOpen(expression, expression.length() - 1);
    if (open <= 0) {
      return expression;
    }
    List<String> arguments = splitTopLevel(expression.substring(open + 1, expression.length() - 1));
    if (arguments.isEmpty()) {
      return expression;
    }
    String inner = indent + "    ";
    StringBuilder out = new StringBuilder(expression.substring(0, open + 1));
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i).strip();
      int arrow = argument.startsWith("() -> ") ? "() -> ".length() : 0;
      out.append('\n').append(inner).append(argument, 0, arrow)
          .append(wrap(argument.substring(arrow), inner));
      out.append(i < arguments.size() - 1 ? "," : ")");
    }
    return out.toString();
  }

  /** The index of the parenthesis that the one at {@code close} closes, skipping string literals. */
  private static int matchingOpen(String text, int close) {
    int depth = 0;
    int open = -1;
    boolean quoted = false;
    for (int i = 0; i <= close; i++) {
      char c = text.charAt(i);
      if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        if (depth == 0) {
          open = i;
        }
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      }
    }
    return depth == 0 ? open : -1;
  }

  private static List<String> splitTopLevel(String text) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && (c == '(' || c == '<')) {
        depth++;
      } else if (!quoted && (c == ')' || c == '>') && !(c == '>' && i > 0 && text.charAt(i - 1) == '-')) {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        out.add(text.substring(start, i));
        start = i + 1;
      }
    }
    if (!text.isBlank()) {
      out.add(text.substring(start));
    }
    return out;
  }

  /** A Java expression of the value the sample text converts to, for a test's matcher. */
  static String literal(String type, String sample) {
    String text = javaString(sample);
    return switch (type) {
      case "int", "java.lang.Integer" -> sample;
      case "long", "java.lang.Long" -> sample + "L";
      case "short", "java.lang.Short" -> "(short) " + sample;
      case "byte", "java.lang.Byte" -> "(byte) " + sample;
      case "double", "java.lang.Double" -> sample + "d";
      case "float", "java.lang.Float" -> sample + "f";
      case "boolean", "java.lang.Boolean" -> sample;
      case "char", "java.lang.Character" -> "'" + (sample.equals("'") ? "\\'" : text) + "'";
      case "java.util.UUID" -> "java.util.UUID.fromString(\"" + text + "\")";
      case "java.math.BigDecimal" -> "new java.math.BigDecimal(\"" + text + "\")";
      case "java.math.BigInteger" -> "new java.math.BigInteger(\"" + text + "\")";
      case "java.lang.String" -> "\"" + text + "\"";
      default -> type + "." + sample;
    };
  }

  private static void requireLibraries(ScaffoldContext context, String moduleDir, MonolithPom pom) {
    context.requireDependency(moduleDir, MavenDependency.of(LAMBDA_GROUP, "aws-lambda-java-core",
        pom.versionOf(LAMBDA_GROUP + ":aws-lambda-java-core").orElse(CORE_VERSION)));
    context.requireDependency(moduleDir, MavenDependency.of(LAMBDA_GROUP, "aws-lambda-java-events",
        pom.versionOf(LAMBDA_GROUP + ":aws-lambda-java-events").orElse(EVENTS_VERSION)));
    context.requireDependency(moduleDir, new MavenDependency("org.junit.jupiter", "junit-jupiter",
        pom.versionOf("org.junit.jupiter:junit-jupiter").orElse(JUNIT_VERSION), "test"));
    context.requireDependency(moduleDir, new MavenDependency("org.mockito", "mockito-core",
        pom.versionOf("org.mockito:mockito-core").orElse(MOCKITO_VERSION), "test"));
  }

  private static List<String> variables(String path) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\\{[^}/]+}").matcher(path);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static String bare(String variable) {
    return variable.substring(1, variable.length() - 1).replace("+", "");
  }

  private static String packageOf(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot < 0 ? "" : qualified.substring(0, dot);
  }

  private static String simpleName(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }

  /** A type as written, without type arguments: what {@code X.class} takes. */
  static String erasure(String type) {
    int angle = type.indexOf('<');
    return (angle < 0 ? type : type.substring(0, angle)).trim();
  }

  private static String indent(String text, String prefix) {
    List<String> lines = new ArrayList<>();
    for (String line : text.strip().split("\n", -1)) {
      lines.add(line.isBlank() ? "" : prefix + line);
    }
    return String.join("\n", lines);
  }

  /**
   * Text from the user's code made safe inside a Java comment: no {@code *}{@code /} can end it
   * and no backslash can start a Unicode escape (which the compiler reads even in comments).
   */
  static String comment(String text) {
    return text.replace("\\", "\\\\").replace("*/", "*\\/").replace("\r", " ").replace("\n", " ");
  }

  /** The content of a Java string literal that holds the text. */
  static String javaString(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** The content of a JSON string that holds the text. */
  static String jsonString(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
