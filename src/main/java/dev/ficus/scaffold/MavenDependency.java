package dev.ficus.scaffold;

import java.util.Comparator;
import java.util.Objects;

/**
 * A library a generated module needs. The version is left out where the parent pom manages it
 * (the AWS SDK's bill of materials, say).
 *
 * @param version {@code null} when managed by the parent
 * @param scope {@code null} for compile, else {@code test}, {@code provided} ...
 */
public record MavenDependency(String groupId, String artifactId, String version, String scope)
    implements Comparable<MavenDependency> {

  private static final Comparator<MavenDependency> ORDER =
      Comparator.comparing(MavenDependency::groupId)
          .thenComparing(MavenDependency::artifactId)
          .thenComparing(d -> String.valueOf(d.version()))
          .thenComparing(d -> String.valueOf(d.scope()));

  public MavenDependency {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(artifactId, "artifactId");
  }

  public static MavenDependency of(String groupId, String artifactId, String version) {
    return new MavenDependency(groupId, artifactId, version, null);
  }

  /** {@code groupId:artifactId}, the identity Maven merges on. */
  public String key() {
    return groupId + ":" + artifactId;
  }

  @Override
  public int compareTo(MavenDependency other) {
    return ORDER.compare(this, other);
  }
}
