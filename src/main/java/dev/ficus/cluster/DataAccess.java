package dev.ficus.cluster;

import dev.ficus.model.AwsEffect;
import dev.ficus.model.Route;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which data a route reads and which it writes. Ownership is the strongest reason to keep routes
 * together, so the read/write rule is data (read-actions.txt) that a reviewer can check, not code.
 * Resources are compared by their data resource: an S3 object ARN counts as its bucket, a
 * DynamoDB index or stream as its table.
 */
public final class DataAccess {

  /** How a route uses a resource; a route that reads and writes a resource writes it. */
  public enum Access {
    READ,
    WRITE
  }

  private final List<String> readVerbs;

  public DataAccess(List<String> readVerbs) {
    this.readVerbs = List.copyOf(new TreeSet<>(readVerbs));
  }

  /** The rule of read-actions.txt. */
  public static DataAccess defaults() {
    try (InputStream in = DataAccess.class.getResourceAsStream("read-actions.txt")) {
      Objects.requireNonNull(in, "read-actions.txt is packaged with ficus");
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> verbs =
          reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
      return new DataAccess(verbs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True when the IAM action (e.g. {@code dynamodb:PutItem}) changes its resource. */
  public boolean isWrite(String action) {
    String name = action.substring(action.indexOf(':') + 1);
    for (String verb : readVerbs) {
      if (name.startsWith(verb)
          && (name.length() == verb.length() || Character.isUpperCase(name.charAt(verb.length())))) {
        return false;
      }
    }
    return true;
  }

  /** True when one of the effect's actions writes. */
  public boolean writes(AwsEffect effect) {
    return effect.iamActions().stream().anyMatch(this::isWrite);
  }

  /** True when none of the route's effects writes, whatever the resource. */
  public boolean readOnly(Route route) {
    return route.effects().stream().noneMatch(this::writes);
  }

  /**
   * The data resources the route uses, by {@link #resourceKey}, with the strongest access. Effects
   * on {@code *} are left out: they name no resource anyone could own.
   */
  public Map<String, Access> of(Route route) {
    Map<String, Access> result = new TreeMap<>();
    for (AwsEffect effect : route.effects()) {
      if (effect.resource().isWildcard() || effect.iamActions().isEmpty()) {
        continue;
      }
      Access access = writes(effect) ? Access.WRITE : Access.READ;
      result.merge(resourceKey(effect.resource().arn()), access, (a, b) -> a == Access.WRITE ? a : b);
    }
    return result;
  }

  /**
   * The data resource an ARN belongs to: the bucket of an S3 object ARN ({@code
   * arn:aws:s3:::b/key/*} becomes {@code arn:aws:s3:::b}), the table of a DynamoDB index or stream
   * ARN; any other ARN unchanged.
   */
  public static String resourceKey(String arn) {
    if (arn.contains(":s3:::")) {
      int start = arn.indexOf(":s3:::") + ":s3:::".length();
      int slash = arn.indexOf('/', start);
      return slash < 0 ? arn : arn.substring(0, slash);
    }
    if (arn.contains(":dynamodb:")) {
      int table = arn.indexOf(":table/");
      if (table >= 0) {
        int slash = arn.indexOf('/', table + ":table/".length());
        return slash < 0 ? arn : arn.substring(0, slash);
      }
    }
    return arn;
  }

  /** The short name of a data resource, for people: the last part of its ARN. */
  public static String shortName(String arn) {
    String key = resourceKey(arn);
    String name = lastPart(key);
    return name.isEmpty() ? key : name;
  }

  /**
   * What follows the last {@code :} or {@code /} of an ARN, not counting those inside a
   * placeholder: {@code bucket-${AWS::AccountId}-${Stage}} stays whole.
   */
  public static String lastPart(String arn) {
    int cut = -1;
    int depth = 0;
    for (int i = 0; i < arn.length(); i++) {
      char c = arn.charAt(i);
      if (c == '$' && i + 1 < arn.length() && arn.charAt(i + 1) == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if (depth == 0 && (c == ':' || c == '/')) {
        cut = i;
      }
    }
    return arn.substring(cut + 1);
  }
}
