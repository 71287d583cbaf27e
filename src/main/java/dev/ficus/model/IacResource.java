package dev.ficus.model;

import java.util.Objects;

/**
 * A resource declared in the IaC that a function may use (a table, a bucket, a queue), with its
 * physical name when the template spells it out, so effects can be narrowed to its ARN.
 *
 * @param type the CloudFormation type ({@code AWS::DynamoDB::Table}, {@code
 *     AWS::Serverless::SimpleTable}) or the dialect's equivalent
 * @param physicalName the name given in the template, or {@code null} when CloudFormation
 *     generates one
 */
public record IacResource(String logicalId, String type, String physicalName, SourceRef source) {
  public IacResource {
    Objects.requireNonNull(logicalId, "logicalId");
    Objects.requireNonNull(type, "type");
  }
}
