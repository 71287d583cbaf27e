package dev.ficus.scaffold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Gradle build script (Groovy or Kotlin DSL) into the same {@link MonolithPom} a Maven
 * monolith gives, so the generated Maven modules keep the libraries and versions a Gradle
 * lambdalith declares. Gradle scripts are programs; ficus reads only the declarations people
 * write by convention (dependency notations, {@code platform(..)} bills of materials, version
 * variables, the Java version) and never runs the build. What it cannot read is simply absent, and
 * the module poms then say which imports they could not tie to a library.
 */
final class GradleBuild {

  private static final Pattern CONFIGURATION = Pattern.compile(
      "(?m)^\\s*(implementation|api|compile|compileOnly|compileOnlyApi|runtimeOnly|runtime"
          + "|testImplementation|testCompile|testCompileOnly|testRuntimeOnly|testRuntime)\\b\\s*");
  private static final Pattern QUOTED = Pattern.compile("['\"]([^'\"\\s]+)['\"]");
  private static final Pattern MAP_NOTATION = Pattern.compile(
      "group\\s*[:=]\\s*['\"]([^'\"]+)['\"]\\s*,\\s*name\\s*[:=]\\s*['\"]([^'\"]+)['\"]"
          + "(?:\\s*,\\s*version\\s*[:=]\\s*['\"]([^'\"]+)['\"])?");
  /** {@code def x = '1'}, {@code val x = "1"}, {@code ext.x = '1'}, {@code ext["x"] = '1'}. */
  private static final Pattern VARIABLE = Pattern.compile(
      "(?m)^\\s*(?:(?:def|val|var)\\s+|ext\\.|(?:ext|extra)\\[\\s*['\"])([A-Za-z_][\\w.]*)['\"]?\\s*]?"
          + "\\s*(?::\\s*String\\s*)?(?:=|by\\s+extra\\()\\s*['\"]([^'\"$]+)['\"]");
  /** {@code set("x", "1")} in Kotlin's {@code extra.apply { }}. */
  private static final Pattern EXTRA = Pattern.compile(
      "set\\(\\s*\"([A-Za-z_][\\w.]*)\"\\s*,\\s*\"([^\"$]+)\"\\s*\\)");
  private static final Pattern EXT_BLOCK = Pattern.compile("\\bext\\s*\\{");
  private static final Pattern ASSIGNMENT = Pattern.compile(
      "(?m)^\\s*([A-Za-z_][\\w.]*)\\s*=\\s*['\"]([^'\"$]+)['\"]");
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{?([A-Za-z_][\\w.]*)}?");
  private static final Pattern JAVA_VERSION = Pattern.compile(
      "JavaLanguageVersion\\.of\\(\\s*(\\d+)\\s*\\)"
          + "|(?:sourceCompatibility|targetCompatibility|jvmTarget)\\s*=\\s*(?:JavaVersion\\.VERSION_(?:1_)?(\\d+)|['\"]?(?:1\\.)?(\\d+)['\"]?)");
  private static final Pattern GROUP = Pattern.compile("(?m)^\\s*group\\s*=\\s*['\"]([^'\"]+)['\"]");
  private static final Pattern VERSION = Pattern.compile("(?m)^\\s*version\\s*=\\s*['\"]([^'\"]+)['\"]");

  private GradleBuild() {}

  /**
   * @param script the text of {@code build.gradle} or {@code build.gradle.kts}
   * @param gradleProperties the text of {@code gradle.properties} beside it, or empty
   * @param name the project's name (its folder, or {@code rootProject.name})
   */
  static MonolithPom parse(String script, String gradleProperties, String name) {
    String text = withoutComments(script);
    Map<String, String> properties = new LinkedHashMap<>();
    Properties fromFile = new Properties();
    try {
      fromFile.load(new java.io.StringReader(gradleProperties));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e); // a StringReader does not fail
    }
    fromFile.stringPropertyNames().stream().sorted().forEach(k -> properties.put(k, fromFile.getProperty(k)));
    for (Matcher m = VARIABLE.matcher(text); m.find(); ) {
      properties.putIfAbsent(m.group(1), m.group(2));
    }
    for (Matcher block = EXT_BLOCK.matcher(text); block.find(); ) {
      String body = argumentsAt(text.replace('{', '(').replace('}', ')'), block.end() - 1);
      for (Matcher m = ASSIGNMENT.matcher(body); m.find(); ) {
        properties.putIfAbsent(m.group(1), m.group(2));
      }
    }
    for (Matcher m = EXTRA.matcher(text); m.find(); ) {
      properties.putIfAbsent(m.group(1), m.group(2));
    }
    Matcher java = JAVA_VERSION.matcher(text);
    if (java.find()) {
      String release = java.group(1) != null ? java.group(1) : java.group(2) != null ? java.group(2) : java.group(3);
      properties.put("maven.compiler.release", release);
    }
    List<MonolithPom.Dependency> dependencies = new ArrayList<>();
    List<MonolithPom.Dependency> managed = new ArrayList<>();
    Matcher c = CONFIGURATION.matcher(text);
    while (c.find()) {
      String scope = scopeOf(c.group(1));
      String arguments = argumentsAt(text, c.end());
      Matcher map = MAP_NOTATION.matcher(arguments);
      if (map.find()) {
        dependencies.add(dependency(map.group(1), map.group(2), map.group(3), scope));
        continue;
      }
      boolean platform = arguments.contains("platform(");
      for (Matcher q = QUOTED.matcher(arguments); q.find(); ) {
        String[] gav = q.group(1).split("@")[0].split(":");
        if (gav.length < 2 || gav[0].isEmpty() || gav[1].isEmpty()) {
          continue;
        }
        String version = gav.length > 2 ? mavenReferences(gav[2]) : null;
        if (platform) {
          managed.add(new MonolithPom.Dependency(gav[0], gav[1], version, "pom", "import", List.of()));
        } else {
          dependencies.add(dependency(gav[0], gav[1], version, scope));
        }
      }
    }
    return new MonolithPom(
        first(GROUP, text), name, first(VERSION, text), null, properties, managed, dependencies, List.of());
  }

  private static MonolithPom.Dependency dependency(String group, String artifact, String version, String scope) {
    return new MonolithPom.Dependency(group, artifact, version == null ? null : mavenReferences(version), null, scope, List.of());
  }

  /** Gradle's configurations as Maven scopes: what compiles against, what only runs, what tests. */
  private static String scopeOf(String configuration) {
    if (configuration.startsWith("test")) {
      return "test";
    }
    if (configuration.startsWith("compileOnly")) {
      return "provided";
    }
    if (configuration.startsWith("runtime")) {
      return "runtime";
    }
    return null;
  }

  /**
   * The arguments of a dependency declaration: a parenthesized list (which may span lines) or the
   * rest of the line.
   */
  private static String argumentsAt(String text, int from) {
    if (from < text.length() && text.charAt(from) == '(') {
      int depth = 0;
      for (int i = from; i < text.length(); i++) {
        char ch = text.charAt(i);
        if (ch == '(') {
          depth++;
        } else if (ch == ')' && --depth == 0) {
          return text.substring(from + 1, i);
        }
      }
      return text.substring(from + 1);
    }
    int end = text.indexOf('\n', from);
    return text.substring(from, end < 0 ? text.length() : end);
  }

  /** {@code $name} and {@code ${name}} written as Maven's {@code ${name}}. */
  private static String mavenReferences(String version) {
    return REFERENCE.matcher(version).replaceAll(m -> Matcher.quoteReplacement("${" + m.group(1) + "}"));
  }

  private static String first(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static String withoutComments(String script) {
    return script.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
  }
}
