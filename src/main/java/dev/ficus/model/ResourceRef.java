package dev.ficus.model;

import java.util.Objects;

/**
 * What an AWS call touches, as narrowly as the analysis could prove, and how it knows.
 *
 * @param type the IAM resource type, e.g. {@code dynamodb:table}, {@code s3:object}; {@code null}
 *     for actions with no resource type
 * @param name the resource's name (table, bucket, queue) or {@code null} when unresolved
 * @param arn an ARN template with {@code ${AWS::Partition}}, {@code ${AWS::Region}}, {@code
 *     ${AWS::AccountId}}, or {@code *} when it could not be narrowed
 * @param resolution how the name was found: {@code literal}, {@code constant}, {@code env},
 *     {@code iac}, {@code parameter}, {@code none} (the action has no resource), {@code
 *     unresolved}
 * @param reason why it could not be narrowed, when {@code arn} is {@code *}; otherwise null
 */
public record ResourceRef(String type, String name, String arn, String resolution, String reason) {

  public ResourceRef {
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(resolution, "resolution");
  }

  public boolean isWildcard() {
    return "*".equals(arn);
  }
}
