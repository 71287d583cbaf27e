package dev.ficus.cluster;

import dev.ficus.model.Analysis;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.CallFrame;
import dev.ficus.model.ClassInfo;
import dev.ficus.model.Confidence;
import dev.ficus.model.EnvBinding;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.ResourceRef;
import dev.ficus.model.Route;
import dev.ficus.model.SourceRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Hand-built analyses for planning tests: routes with their effects and classes written the way a
 * reader thinks of them ({@code route("POST /orders", writes("Orders"), "app.OrderService")}).
 */
public final class HandBuilt {

  public static final String MONOLITH = "ApiFunction";

  private HandBuilt() {}

  public static String tableArn(String table) {
    return "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/" + table;
  }

  /** A DynamoDB call on a table, e.g. {@code dynamo("PutItem", "Orders")}. */
  public static AwsEffect dynamo(String operation, String table) {
    return new AwsEffect(
        "dynamodb",
        operation,
        List.of("dynamodb:" + operation),
        new ResourceRef("dynamodb:table", table, tableArn(table), "env", null),
        List.of(new CallFrame("app.Repo#call", SourceRef.of("src/main/java/app/Repo.java", 10))));
  }

  public static AwsEffect reads(String table) {
    return dynamo("GetItem", table);
  }

  public static AwsEffect writes(String table) {
    return dynamo("PutItem", table);
  }

  /** A call whose resource the analysis could not narrow. */
  public static AwsEffect unresolved(String action, String reason) {
    String service = action.substring(0, action.indexOf(':'));
    return new AwsEffect(
        service,
        action.substring(action.indexOf(':') + 1),
        List.of(action),
        new ResourceRef(null, null, "*", "unresolved", reason),
        List.of(new CallFrame("app.Repo#other", SourceRef.of("src/main/java/app/Repo.java", 20))));
  }

  /** A route of the monolith; arguments are effects or class names, in any order. */
  public static Route route(String id, Object... parts) {
    String[] mp = id.split(" ", 2);
    List<AwsEffect> effects = new ArrayList<>();
    List<String> classes = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof AwsEffect e) {
        effects.add(e);
      } else {
        classes.add((String) part);
      }
    }
    return new Route(
        mp[0], mp[1], "app.Router#handle", SourceRef.of("src/main/java/app/Router.java", 1),
        MONOLITH, Confidence.HIGH, "test", effects, classes);
  }

  public static ClassInfo cls(String name, int lines, Object... callsAndCounts) {
    Map<String, Integer> calls = new java.util.TreeMap<>();
    for (int i = 0; i < callsAndCounts.length; i += 2) {
      calls.put((String) callsAndCounts[i], (Integer) callsAndCounts[i + 1]);
    }
    return new ClassInfo(name, SourceRef.of(name.replace('.', '/') + ".java", 1), lines, calls);
  }

  public static LambdaFunction monolith(EnvBinding... environment) {
    return new LambdaFunction(
        MONOLITH, "app.Router::handle", "app.Router", "handle", "java17", ".", "sam",
        SourceRef.of("template.yaml", 5), Arrays.asList(environment), List.of(), List.of());
  }

  public static EnvBinding tableVar(String name, String logicalId, String table) {
    return new EnvBinding(name, EnvBinding.Kind.RESOURCE, logicalId, "AWS::DynamoDB::Table", table);
  }

  public static Analysis analysis(List<Route> routes, List<ClassInfo> classes) {
    return new Analysis(routes, List.of(monolith()), List.of(), List.of(), classes);
  }

  /**
   * Two clear domains: orders (with a checkout route outside /orders) and users, sharing only the
   * router and a JSON helper every route runs.
   */
  public static Analysis twoDomains() {
    List<Route> routes =
        List.of(
            route("GET /orders", dynamo("Query", "Orders"), "app.Router", "app.Json", "app.orders.OrderService", "app.orders.OrderRepository"),
            route("GET /orders/{id}", reads("Orders"), "app.Router", "app.Json", "app.orders.OrderService", "app.orders.OrderRepository"),
            route("POST /orders", writes("Orders"), "app.Router", "app.Json", "app.orders.OrderService", "app.orders.OrderRepository"),
            route("POST /checkout", writes("Orders"), dynamo("UpdateItem", "Orders"), "app.Router", "app.Json", "app.orders.CheckoutService", "app.orders.OrderService", "app.orders.OrderRepository"),
            route("GET /users/{id}", reads("Users"), "app.Router", "app.Json", "app.users.UserService", "app.users.UserRepository"),
            route("POST /users", writes("Users"), "app.Router", "app.Json", "app.users.UserService", "app.users.UserRepository"),
            route("DELETE /users/{id}", dynamo("DeleteItem", "Users"), "app.Router", "app.Json", "app.users.UserService", "app.users.UserRepository"));
    List<ClassInfo> classes =
        List.of(
            cls("app.Router", 120, "app.orders.OrderService", 3, "app.orders.CheckoutService", 1, "app.users.UserService", 3, "app.Json", 7),
            cls("app.Json", 40),
            cls("app.orders.CheckoutService", 60, "app.orders.OrderService", 2),
            cls("app.orders.OrderService", 80, "app.orders.OrderRepository", 4),
            cls("app.orders.OrderRepository", 50),
            cls("app.users.UserService", 70, "app.users.UserRepository", 3),
            cls("app.users.UserRepository", 45));
    return new Analysis(
        routes,
        List.of(monolith(tableVar("ORDERS_TABLE", "OrdersTable", "Orders"), tableVar("USERS_TABLE", "UsersTable", "Users"),
            new EnvBinding("LOG_LEVEL", EnvBinding.Kind.LITERAL, "INFO", null, null))),
        List.of(),
        List.of(),
        classes);
  }
}
