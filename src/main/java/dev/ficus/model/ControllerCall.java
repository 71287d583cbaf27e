package dev.ficus.model;

import java.util.List;
import java.util.Objects;

/**
 * A framework route served by calling its controller method directly, without starting the
 * framework: what the analysis proved the framework would do for this one route (bind these
 * arguments from the request, build the controller with these dependencies, write the result this
 * way), so that the scaffold can generate a handler that does exactly that. Only a route where
 * every step is one ficus can reproduce gets one; the others keep the framework's adapter.
 *
 * @param framework whose rules of binding and writing apply
 * @param frameworkPackage the root package of the framework's API the controller uses ({@code
 *     org.springframework}, {@code jakarta.ws.rs} or {@code javax.ws.rs}, {@code io.micronaut})
 * @param controller fully qualified name of the controller (resource) class
 * @param method the name of the route's method
 * @param arguments the method's parameters in order, each bound from the event
 * @param result how the method's return value becomes the response
 * @param resultType the method's return type, fully qualified, as a Java source type
 * @param status the status of a plain result (200, {@code @ResponseStatus}, {@code @Status}) or
 *     of a void method
 * @param shape the JSON shape of a successful body, for tests
 * @param contentType the response's {@code Content-Type} for a plain or text result
 * @param jsonInclusion which properties JSON shows, as the application configures its mapper: a
 *     {@code JsonInclude.Include} constant ({@code ALWAYS}, {@code NON_NULL} ...)
 * @param wiring a Java expression that builds the controller with its dependencies, written with
 *     {@link #CREATE}, {@link #INJECT} and {@link #BEAN} calls where reflection or one shared
 *     instance is needed
 * @param testWiring the same expression with the controller's own dependencies replaced by
 *     {@link #STAND_IN} calls, for unit tests
 * @param classes the repository classes the wiring names, sorted: what the module must carry
 */
public record ControllerCall(
    Framework framework,
    String frameworkPackage,
    String controller,
    String method,
    List<Argument> arguments,
    Result result,
    String resultType,
    int status,
    Shape shape,
    String contentType,
    String jsonInclusion,
    String wiring,
    String testWiring,
    List<String> classes) {

  /** {@code create("a.B", args...)}: a constructor the handler's package cannot call directly. */
  public static final String CREATE = "create";

  /** {@code inject(target, "field", value)}: field injection, returning the target. */
  public static final String INJECT = "inject";

  /** {@code bean("a.B", () -> ...)}: one shared instance per type, as a singleton scope gives. */
  public static final String BEAN = "bean";

  /** {@code standIn("a.B")}: a test's replacement of a dependency. */
  public static final String STAND_IN = "standIn";

  /** The frameworks whose routes ficus can call directly. */
  public enum Framework {
    SPRING_MVC,
    JAX_RS,
    MICRONAUT
  }

  /** How the return value becomes the response. */
  public enum Result {
    /** No value: the framework's status for a void method and an empty body. */
    VOID,
    /** A value written as JSON with {@link #status()}. */
    JSON,
    /** A {@code String} written as it is. */
    TEXT,
    /** {@code org.springframework.http.ResponseEntity}: its status, headers and body. */
    SPRING_RESPONSE_ENTITY,
    /** {@code jakarta.ws.rs.core.Response} (or {@code javax}): its status, headers and entity. */
    JAX_RS_RESPONSE,
    /** {@code io.micronaut.http.HttpResponse}: its status, headers and body. */
    MICRONAUT_HTTP_RESPONSE
  }

  /** The JSON value a body holds, as far as the declared type tells. */
  public enum Shape {
    OBJECT,
    ARRAY,
    STRING,
    NUMBER,
    BOOLEAN,
    /** Any JSON value (an {@code Object}, a type variable). */
    ANY,
    /** No body. */
    NONE
  }

  /** Where an argument's value comes from. */
  public enum Source {
    PATH,
    QUERY,
    HEADER,
    BODY
  }

  /**
   * One parameter of the method and how the framework binds it.
   *
   * @param source where its value is read
   * @param name the path variable, query parameter or header name; the parameter's name for a
   *     body
   * @param type its Java type, fully qualified ({@code int}, {@code java.util.UUID}, {@code
   *     java.util.List<com.acme.Item>})
   * @param defaultValue the text used when the value is missing, or {@code null}
   * @param required whether a missing value is answered with 400 (rather than {@code null})
   * @param emptyIsMissing whether an empty value counts as missing (Spring's rule for
   *     non-{@code String} types and for parameters with a default)
   * @param invalidStatus the status when the text does not convert to the type (400; 404 for a
   *     JAX-RS path or query parameter)
   * @param sample a value a test puts in the event, which converts
   */
  public record Argument(
      Source source,
      String name,
      String type,
      String defaultValue,
      boolean required,
      boolean emptyIsMissing,
      int invalidStatus,
      String sample) {
    public Argument {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(sample, "sample");
    }
  }

  public ControllerCall {
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(frameworkPackage, "frameworkPackage");
    Objects.requireNonNull(controller, "controller");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(resultType, "resultType");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(jsonInclusion, "jsonInclusion");
    Objects.requireNonNull(wiring, "wiring");
    Objects.requireNonNull(testWiring, "testWiring");
    arguments = List.copyOf(arguments);
    classes = classes.stream().distinct().sorted().toList();
  }
}
