package dev.ficus.model;

import java.util.Objects;

/**
 * One environment variable of a function as the IaC declares it, and what its value refers to,
 * so that {@code System.getenv("TABLE")} in code can be followed to the table it names.
 *
 * @param kind what the value is
 * @param value the literal text, the referenced logical id or parameter name, or the expression
 * @param resourceType the CloudFormation type of the referenced resource, when {@code kind} is
 *     RESOURCE or ATTRIBUTE; {@code null} otherwise
 * @param physicalName the resource's own name when the IaC spells it out (a {@code TableName}),
 *     or the parameter's default; {@code null} when unknown
 */
public record EnvBinding(
    String name, Kind kind, String value, String resourceType, String physicalName) {

  /** What an environment variable's value is made of. */
  public enum Kind {
    LITERAL,
    RESOURCE,
    ATTRIBUTE,
    PARAMETER,
    EXPRESSION
  }

  public EnvBinding {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
  }
}
