package dev.ficus.routes;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.ficus.model.LambdaFunction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ties a framework's routes to the Lambda function that hosts the framework: the IaC function
 * whose handler is the framework's container handler itself ({@code
 * org.springframework.cloud.function.adapter.aws.FunctionInvoker}), or a class of the repository
 * that uses one ({@code StreamLambdaHandler} calling {@code SpringBootLambdaContainerHandler}).
 * Shared by the framework extractors so they agree on the answer.
 */
public final class FrameworkEntryPoints {

  /**
   * aws-serverless-java-container's Spring and Spring Boot handlers (1.x and 2.x), whose presence
   * in a handler class, or as the IaC handler, says that a function serves Spring MVC routes.
   */
  public static final Set<String> SPRING_CONTAINERS =
      Set.of(
          "com.amazonaws.serverless.proxy.spring.SpringBootLambdaContainerHandler",
          "com.amazonaws.serverless.proxy.spring.SpringLambdaContainerHandler",
          "com.amazonaws.serverless.proxy.spring.SpringBootProxyHandlerBuilder",
          "com.amazonaws.serverless.proxy.spring.SpringProxyHandlerBuilder",
          "com.amazonaws.serverless.proxy.spring.SpringDelegatingLambdaContainerHandler");

  /** Micronaut's API Gateway / ALB function handlers, Micronaut 1 to 4. */
  public static final Set<String> MICRONAUT_CONTAINERS =
      Set.of(
          "io.micronaut.function.aws.proxy.MicronautLambdaHandler",
          "io.micronaut.function.aws.proxy.MicronautLambdaContainerHandler",
          "io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction",
          "io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction",
          "io.micronaut.function.aws.proxy.alb.ApplicationLoadBalancerFunction");

  /** Spring Cloud Function's AWS adapter handlers (FunctionInvoker and its predecessors). */
  public static final Set<String> SPRING_CLOUD_FUNCTION_CONTAINERS =
      Set.of(
          "org.springframework.cloud.function.adapter.aws.FunctionInvoker",
          "org.springframework.cloud.function.adapter.aws.SpringBootRequestHandler",
          "org.springframework.cloud.function.adapter.aws.SpringBootStreamHandler",
          "org.springframework.cloud.function.adapter.aws.SpringBootApiGatewayRequestHandler");

  private FrameworkEntryPoints() {}

  /**
   * Logical ids of the functions hosting a framework whose container types are {@code
   * containerTypes} (fully qualified names), sorted.
   */
  public static List<String> functionsFor(RouteContext context, Set<String> containerTypes) {
    List<String> ids = new ArrayList<>();
    for (LambdaFunction function : context.iac().functions()) {
      String handlerClass = function.handlerClass();
      if (handlerClass == null) {
        continue;
      }
      if (containerTypes.contains(handlerClass) || usesAny(context, handlerClass, containerTypes)) {
        ids.add(function.logicalId());
      }
    }
    ids.sort(null);
    return ids;
  }

  /** The single hosting function, or the first of several (sorted), or empty. */
  public static Optional<String> functionFor(RouteContext context, Set<String> containerTypes) {
    return functionsFor(context, containerTypes).stream().findFirst();
  }

  private static boolean usesAny(RouteContext context, String className, Set<String> containerTypes) {
    Optional<TypeDeclaration<?>> type = context.workspace().findType(className);
    if (type.isEmpty()) {
      return false;
    }
    return type.get().findCompilationUnit().map(unit -> {
      for (ImportDeclaration imp : unit.getImports()) {
        String name = imp.getNameAsString();
        for (String container : containerTypes) {
          if (name.equals(container)
              || imp.isAsterisk() && container.startsWith(name + ".")) {
            return true;
          }
        }
      }
      // A container type written out in full in the code ({@code new com.acme.Handler()}).
      Set<String> written = context.namesWritten().computeIfAbsent(type.get(), FrameworkEntryPoints::qualifiedNamesWritten);
      return containerTypes.stream().anyMatch(written::contains);
    }).orElse(false);
  }

  /**
   * The qualified names a class writes out in full, as types or as the scope of a field access:
   * worked out in one walk and kept for the run (in the route context, not in the tree: the trees
   * are read on other threads too), since every extractor asks about the same
   * handler (a lambdalith's, thousands of lines long) with its own container types.
   */
  private static Set<String> qualifiedNamesWritten(Node type) {
    Set<String> names = new HashSet<>();
    type.walk(node -> {
      if (node instanceof ClassOrInterfaceType t) {
        names.add(t.getNameWithScope());
      } else if (node instanceof FieldAccessExpr access
          && (access.getScope() instanceof FieldAccessExpr || access.getScope() instanceof NameExpr)) {
        names.add(access.getScope().toString());
      }
    });
    return Set.copyOf(names);
  }
}
