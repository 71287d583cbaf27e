package dev.ficus.routes;

import java.util.List;

/**
 * Finds the API routes of one routing style (hand-written API Gateway dispatch, Spring MVC,
 * JAX-RS, ...). One class per style, registered in {@link RouteExtractors}; extractors never see
 * each other, so a style can be added or fixed without touching the rest.
 *
 * <p>Contract: report every route the style declares, once, with the handler method that serves
 * it and the Lambda function ({@code LambdaFunction#logicalId}) when the style's entry point is
 * known; report what cannot be resolved as a diagnostic at its location, never throw for bad
 * input. Each route comes with the code that serves it ({@link ExtractedRoute}). Paths use API Gateway template syntax ({@code /orders/{id}}, {@code /{proxy+}}), without
 * any API Gateway stage or base path.
 */
public interface RouteExtractor {

  /** Stable kebab-case id, shown in reports as the route's {@code extractor}. */
  String id();

  /**
   * A cheap precondition, like OpenRewrite's {@code UsesType}: false when the repository cannot
   * contain this style (no import of the framework), so the extractor is skipped.
   */
  default boolean appliesTo(RouteContext context) {
    return true;
  }

  List<ExtractedRoute> extract(RouteContext context);
}
