package dev.ficus.lint.code;

import dev.ficus.iac.IacModel;
import dev.ficus.model.IacResource;
import dev.ficus.model.ResourceRef;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names one resource goes by: its logical id in the template, its physical name, and the name
 * inside an ARN. A trigger names its source one way and an effect another; comparing the alias
 * sets tells whether they are the same resource.
 */
public final class Resources {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z]+)?}");

  private Resources() {}

  /** Names of a trigger's target: {@code Queue.Arn} gives {@code Queue} and its physical name. */
  public static Set<String> ofTarget(String target, IacModel iac) {
    Set<String> names = new TreeSet<>();
    if (target == null || target.isBlank()) {
      return names;
    }
    String id = target.contains(".") && !target.startsWith("arn:") ? target.substring(0, target.indexOf('.')) : target;
    addPlaceholders(target, names);
    if (target.startsWith("arn:")) {
      names.add(nameInArn(target));
    } else {
      names.add(id);
    }
    iac.resource(id).map(IacResource::physicalName).filter(n -> n != null && !n.isBlank()).ifPresent(names::add);
    return names;
  }

  /** Names of an effect's resource: its name, the name in its ARN, and the template ids behind it. */
  public static Set<String> ofEffect(ResourceRef ref, IacModel iac) {
    Set<String> names = new TreeSet<>();
    if (ref.name() != null && !ref.name().isBlank()) {
      names.add(ref.name());
      addPlaceholders(ref.name(), names);
      iac.resource(ref.name()).map(IacResource::physicalName).filter(n -> n != null).ifPresent(names::add);
      for (IacResource r : iac.resources()) {
        if (ref.name().equals(r.physicalName())) {
          names.add(r.logicalId());
        }
      }
    }
    if (!ref.isWildcard()) {
      addPlaceholders(ref.arn(), names);
      String inArn = nameInArn(ref.arn());
      if (!inArn.isEmpty() && !inArn.contains("*") && !inArn.contains("${")) {
        names.add(inArn);
      }
    }
    return names;
  }

  private static void addPlaceholders(String text, Set<String> names) {
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!m.group(1).startsWith("AWS")) {
        names.add(m.group(1));
      }
    }
  }

  /** {@code arn:aws:s3:::b/k} gives {@code b}; {@code ...:table/T/index/I} gives {@code T}. */
  public static String nameInArn(String arn) {
    if (arn.contains(":::")) {
      String rest = arn.substring(arn.indexOf(":::") + 3);
      return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    }
    String last = arn.substring(arn.lastIndexOf(':') + 1);
    for (String kind : new String[] {"table/", "stream/", "event-bus/", "function:", "stateMachine:"}) {
      int i = arn.indexOf(kind);
      if (i >= 0) {
        String rest = arn.substring(i + kind.length());
        int end = rest.indexOf(rest.startsWith("${") ? '}' : '/');
        return end < 0 ? rest : rest.substring(0, rest.startsWith("${") ? end + 1 : end);
      }
    }
    return last;
  }

  /** The key pattern of an S3 object ARN ({@code b/thumbs/*} gives {@code thumbs/*}), or null. */
  public static String s3KeyPattern(String arn) {
    if (!arn.contains(":::")) {
      return null;
    }
    String rest = arn.substring(arn.indexOf(":::") + 3);
    return rest.contains("/") ? rest.substring(rest.indexOf('/') + 1) : null;
  }
}
