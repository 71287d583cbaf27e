package dev.ficus.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A Lambda function as the IaC declares it: the unit a lambdalith is, and the unit ficus cuts
 * into. Routes point to it by {@link #logicalId()}.
 *
 * @param handler the handler string as written ({@code com.acme.Handler::handleRequest})
 * @param handlerClass the fully qualified class the handler names
 * @param handlerMethod the method it names, or {@code null} when the runtime picks it (a {@code
 *     RequestHandler}'s {@code handleRequest})
 * @param iac which dialect declared it: {@code sam}, {@code cloudformation}, {@code serverless},
 *     {@code cdk}
 * @param policies the policies the IaC grants it today, one readable line each
 */
public record LambdaFunction(
    String logicalId,
    String handler,
    String handlerClass,
    String handlerMethod,
    String runtime,
    String codeUri,
    String iac,
    SourceRef source,
    List<EnvBinding> environment,
    List<Trigger> triggers,
    List<String> policies) {

  public LambdaFunction {
    Objects.requireNonNull(logicalId, "logicalId");
    environment =
        environment == null
            ? List.of()
            : environment.stream().sorted(Comparator.comparing(EnvBinding::name)).toList();
    triggers =
        triggers == null
            ? List.of()
            : triggers.stream()
                .sorted(
                    Comparator.comparing(Trigger::kind)
                        .thenComparing(Trigger::name)
                        .thenComparing(t -> String.valueOf(t.path()))
                        .thenComparing(t -> String.valueOf(t.method())))
                .toList();
    policies = policies == null ? List.of() : List.copyOf(policies);
  }

  public List<Trigger> apiTriggers() {
    return triggers.stream().filter(Trigger::isApi).toList();
  }
}
