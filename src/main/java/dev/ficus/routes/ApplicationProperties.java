package dev.ficus.routes;

import dev.ficus.model.EnvBinding;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.SourceRef;
import dev.ficus.workspace.Workspace;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Spring Boot / Micronaut configuration a route's paths may depend on ({@code
 * server.servlet.context-path}, {@code ${api.prefix}}), flattened to dotted keys the way both
 * frameworks see it. Only the default profile is read as authoritative: files of a named profile
 * ({@code application-prod.yml}) and YAML documents activated by a profile only fill keys that the
 * default configuration leaves open, since the active profile is not known statically. The hosting
 * function's environment variables, when known, override files (Spring's relaxed binding: {@code
 * SERVER_SERVLET_CONTEXT_PATH} is {@code server.servlet.context-path}).
 */
final class ApplicationProperties {

  private final Map<String, String> values;
  private final Map<String, String> environment;

  private ApplicationProperties(Map<String, String> values, Map<String, String> environment) {
    this.values = values;
    this.environment = environment;
  }

  static ApplicationProperties empty() {
    return new ApplicationProperties(new TreeMap<>(), new TreeMap<>());
  }

  /** Reads every configuration file of the workspace; unreadable files become diagnostics. */
  static ApplicationProperties load(RouteContext context) {
    Workspace workspace = context.workspace();
    Map<String, String> primary = new TreeMap<>();
    Map<String, String> secondary = new TreeMap<>();
    List<String> files = new ArrayList<>(workspace.configFiles());
    files.sort(null);
    for (String file : files) {
      String name = file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
      boolean defaultProfile = base.equals("application") || base.equals("bootstrap");
      String text;
      try {
        text = Files.readString(workspace.resolve(file), StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        context
            .diagnostics()
            .warning(
                "unreadable-config",
                "Could not read " + file + ": " + e.getClass().getSimpleName() + ".",
                SourceRef.of(file, 0));
        continue;
      }
      if (name.endsWith(".properties")) {
        Properties properties = new Properties();
        try {
          properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
          context
              .diagnostics()
              .warning(
                  "invalid-config",
                  "Could not parse " + file + " as a properties file.",
                  SourceRef.of(file, 0));
          continue;
        }
        Map<String, String> target = defaultProfile ? primary : secondary;
        for (String key :
            new TreeMap<>(properties).keySet().stream().map(String::valueOf).toList()) {
          target.putIfAbsent(key, properties.getProperty(key));
        }
      } else {
        readYaml(context, file, text, defaultProfile ? primary : secondary, secondary);
      }
    }
    secondary.forEach(primary::putIfAbsent);
    return new ApplicationProperties(primary, new TreeMap<>());
  }

  private static void readYaml(
      RouteContext context,
      String file,
      String text,
      Map<String, String> target,
      Map<String, String> profileTarget) {
    try {
      Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
      for (Object document : yaml.loadAll(text)) {
        Map<String, String> flat = new TreeMap<>();
        flatten("", document, flat);
        boolean profileOnly =
            flat.containsKey("spring.config.activate.on-profile")
                || flat.containsKey("spring.profiles");
        Map<String, String> into = profileOnly ? profileTarget : target;
        flat.forEach(into::putIfAbsent);
      }
    } catch (RuntimeException e) {
      context
          .diagnostics()
          .warning(
              "invalid-config", "Could not parse " + file + " as YAML.", SourceRef.of(file, 0));
    }
  }

  private static void flatten(String prefix, Object node, Map<String, String> out) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = String.valueOf(e.getKey());
        flatten(prefix.isEmpty() ? key : prefix + "." + key, e.getValue(), out);
      }
    } else if (node instanceof List<?> list) {
      List<String> joined = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        flatten(prefix + "[" + i + "]", list.get(i), out);
        joined.add(String.valueOf(list.get(i)));
      }
      if (!prefix.isEmpty()) {
        out.putIfAbsent(prefix, String.join(",", joined));
      }
    } else if (node != null && !prefix.isEmpty()) {
      out.put(prefix, String.valueOf(node));
    }
  }

  /** The same configuration as the given function sees it, its literal env vars overriding. */
  ApplicationProperties forFunction(LambdaFunction function) {
    if (function == null) {
      return this;
    }
    Map<String, String> env = new TreeMap<>();
    for (EnvBinding binding : function.environment()) {
      if (binding.kind() == EnvBinding.Kind.LITERAL) {
        env.put(binding.name(), binding.value());
      } else if (binding.physicalName() != null && binding.kind() == EnvBinding.Kind.PARAMETER) {
        env.put(binding.name(), binding.physicalName());
      }
    }
    return new ApplicationProperties(values, env);
  }

  /** The value of a dotted key ({@code server.servlet.context-path}), if configured. */
  Optional<String> get(String key) {
    String envName = relaxed(key);
    for (Map.Entry<String, String> e : environment.entrySet()) {
      if (relaxed(e.getKey()).equals(envName)) {
        return Optional.of(e.getValue());
      }
    }
    String direct = values.get(key);
    if (direct != null) {
      return Optional.of(direct);
    }
    // Relaxed binding in files too: server.servlet.contextPath, server.servlet.context_path.
    String canonical = canonical(key);
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (canonical(e.getKey()).equals(canonical)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** Keys that start with {@code prefix}, sorted (for presence checks). */
  boolean hasKeyStartingWith(String prefix) {
    String canonical = canonical(prefix);
    return values.keySet().stream().anyMatch(k -> canonical(k).startsWith(canonical))
        || environment.keySet().stream().anyMatch(k -> relaxed(k).startsWith(relaxed(prefix)));
  }

  /**
   * Environment names as Spring maps them: {@code SERVER_SERVLET_CONTEXT_PATH} or {@code
   * ..._CONTEXTPATH}.
   */
  private static String relaxed(String key) {
    return key.toUpperCase(Locale.ROOT).replace(".", "").replace("-", "").replace("_", "");
  }

  private static String canonical(String key) {
    return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }
}
