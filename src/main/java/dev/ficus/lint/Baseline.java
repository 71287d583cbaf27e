package dev.ficus.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.model.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The findings a team accepted on the day it adopted ficus, so that CI fails only on new ones.
 * A finding is known by a fingerprint of its rule, file, function, route and message, and not
 * its line, so it survives edits above it; messages name code and resources, never lines.
 */
public final class Baseline {

  private static final int VERSION = 1;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Set<String> fingerprints;

  private Baseline(Set<String> fingerprints) {
    this.fingerprints = new TreeSet<>(fingerprints);
  }

  public static Baseline of(List<Finding> findings) {
    Set<String> prints = new TreeSet<>();
    findings.forEach(f -> prints.add(fingerprint(f)));
    return new Baseline(prints);
  }

  /** Reads a baseline file's text; empty when it is not one (the caller reports that). */
  public static Optional<Baseline> parse(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      JsonNode list = root == null ? null : root.get("findings");
      if (list == null || !list.isArray()) {
        return Optional.empty();
      }
      Set<String> prints = new TreeSet<>();
      for (JsonNode item : list) {
        JsonNode fp = item.get("fingerprint");
        if (fp != null && fp.isTextual()) {
          prints.add(fp.asText());
        }
      }
      return Optional.of(new Baseline(prints));
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  /** The baseline file for these findings: sorted, no timestamps, readable in review. */
  public static String render(List<Finding> findings) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", VERSION);
    ArrayNode list = root.putArray("findings");
    findings.stream()
        .sorted(java.util.Comparator.comparing(Baseline::fingerprint))
        .forEach(
            f -> {
              ObjectNode item = list.addObject();
              item.put("fingerprint", fingerprint(f));
              item.put("rule", f.rule());
              item.put("file", f.source().file());
              item.put("message", f.message());
            });
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean contains(Finding finding) {
    return fingerprints.contains(fingerprint(finding));
  }

  /** The findings that are not in this baseline. */
  public List<Finding> newFindings(List<Finding> findings) {
    return findings.stream().filter(f -> !contains(f)).toList();
  }

  public static String fingerprint(Finding f) {
    String key =
        String.join(
            "\u0000",
            f.rule(),
            f.source().file(),
            String.valueOf(f.function()),
            String.valueOf(f.route()),
            f.message());
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
