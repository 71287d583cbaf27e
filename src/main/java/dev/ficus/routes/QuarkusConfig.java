package dev.ficus.routes;

import dev.ficus.model.Diagnostics;
import dev.ficus.model.SourceRef;
import dev.ficus.workspace.Workspace;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The application configuration a Quarkus (or other MicroProfile Config) application reads at
 * start-up, as far as routes depend on it: {@code quarkus.http.root-path}, {@code
 * quarkus.rest.path}, {@code quarkus.lambda.handler}. Reads {@code application.properties} and
 * {@code application.yaml|yml}; the {@code prod} profile (the one a deployed function runs with)
 * wins over unprofiled keys; other profiles are ignored.
 */
final class QuarkusConfig {

  private final Map<String, String> values;
  private final Map<String, String> origins;

  private QuarkusConfig(Map<String, String> values, Map<String, String> origins) {
    this.values = values;
    this.origins = origins;
  }

  static QuarkusConfig read(Workspace workspace, Diagnostics diagnostics) {
    Map<String, String> values = new TreeMap<>();
    Map<String, String> origins = new TreeMap<>();
    for (String file : workspace.configFiles()) {
      String lower = file.toLowerCase(java.util.Locale.ROOT);
      Map<String, String> read = new TreeMap<>();
      try (Reader reader = Files.newBufferedReader(workspace.resolve(file), StandardCharsets.UTF_8)) {
        if (lower.endsWith(".properties")) {
          Properties properties = new Properties();
          properties.load(reader);
          for (String key : properties.stringPropertyNames()) {
            read.put(key, properties.getProperty(key).trim());
          }
        } else if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
          Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
          flatten("", root, read);
        }
      } catch (IOException | RuntimeException e) {
        diagnostics.warning(
            "config-unreadable",
            "Could not read configuration file: " + e.getMessage(),
            SourceRef.of(file, 0));
        continue;
      }
      for (Map.Entry<String, String> entry : read.entrySet()) {
        if (values.putIfAbsent(entry.getKey(), entry.getValue()) == null) {
          origins.put(entry.getKey(), file);
        }
      }
    }
    return new QuarkusConfig(values, origins);
  }

  static QuarkusConfig of(Map<String, String> values) {
    return new QuarkusConfig(new TreeMap<>(values), Map.of());
  }

  /** The value of {@code key} for the {@code prod} profile, blank values counting as absent. */
  Optional<String> get(String key) {
    String value = values.get("%prod." + key);
    if (value == null) {
      value = values.get(key);
    }
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }

  /** The first of several keys that is set. */
  Optional<String> first(List<String> keys) {
    return keys.stream().map(this::get).flatMap(Optional::stream).findFirst();
  }

  /** The file the effective value of {@code key} was read from. */
  Optional<String> origin(String key) {
    String file = origins.get("%prod." + key);
    return Optional.ofNullable(file != null ? file : origins.get(key));
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Object node, Map<String, String> out) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : ((Map<Object, Object>) map).entrySet()) {
        String key = prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey();
        flatten(key, e.getValue(), out);
      }
    } else if (node != null && !(node instanceof List<?>) && !prefix.isEmpty()) {
      out.put(prefix, String.valueOf(node).trim());
    }
  }
}
