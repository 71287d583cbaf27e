<#if packageName?has_content>
package ${packageName};

</#if>
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEFAULTS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
<#if event == "HTTP">
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
<#else>
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
</#if>
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mockito.stubbing.Answer;

/**
 * Calls {@link ${simpleName}} with the event API Gateway sends for ${routeComment}: the controller's
 * dependencies are stand-ins that answer with present, empty values, so nothing reaches AWS; the
 * test checks that the event's values reach ${callComment} and that the response has the route's
 * status and shape.
 */
class ${simpleName}Test {

  /** Stand-ins answer yes to checks, and a value where one can be made, defaults otherwise. */
  private static final Answer<Object> PRESENT =
      invocation -> {
        Class<?> type = invocation.getMethod().getReturnType();
        if (type == boolean.class || type == Boolean.class) {
          return true;
        }
        if (type == Optional.class
            && invocation.getMethod().getGenericReturnType() instanceof ParameterizedType p
            && p.getActualTypeArguments()[0] instanceof Class<?> element) {
          return Optional.ofNullable(sample(element));
        }
        Object value = RETURNS_DEFAULTS.answer(invocation);
        return value != null ? value : sample(type);
      };

  /** An empty value of one of the application's types: a record or a class with a no-argument constructor. */
  private static Object sample(Class<?> type) {
    String name = type.getName();
    if (type == String.class) {
      return "";
    }
    if (type.isPrimitive() || type.isInterface() || type.isArray() || Modifier.isAbstract(type.getModifiers())
        || name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jakarta.")
        || name.startsWith("software.amazon.") || name.startsWith("com.amazonaws.")) {
      return null;
    }
    try {
      if (type.isEnum()) {
        Object[] constants = type.getEnumConstants();
        return constants.length == 0 ? null : constants[0];
      }
      if (type.isRecord()) {
        RecordComponent[] parts = type.getRecordComponents();
        Class<?>[] types = new Class<?>[parts.length];
        Object[] values = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
          types[i] = parts[i].getType();
          values[i] = zero(types[i]);
        }
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return canonical.newInstance(values);
      }
      Constructor<?> none = type.getDeclaredConstructor();
      none.setAccessible(true);
      return none.newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static Object zero(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == char.class) {
      return '\0';
    }
    Map<Class<?>, Object> zeros =
        Map.of(int.class, 0, long.class, 0L, double.class, 0d, float.class, 0f, short.class, (short) 0,
            byte.class, (byte) 0);
    return zeros.get(type);
  }

  private final StringBuilder log = new StringBuilder();

  /**
   * Tests reach no AWS endpoint: where the route's own code calls AWS through a client the test
   * cannot replace, the call fails and the test is reported as skipped, not passed.
   */
  private void skippedAtAws(int status) {
    if (status >= 500 && (log.indexOf("software.amazon.awssdk.") >= 0 || log.indexOf("com.amazonaws.") >= 0)) {
      Assumptions.abort("The route's code called AWS, which tests cannot reach: " + log);
    }
  }

  private static <T> T standIn(String className) {
    try {
      @SuppressWarnings("unchecked")
      Class<T> type = (Class<T>) Class.forName(className);
      return mock(type, PRESENT);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T create(String className, Object... arguments) {
    return ${simpleName}.create(className, arguments);
  }

  private static <T> T inject(T target, String field, Object value) {
    return ${simpleName}.inject(target, field, value);
  }

  private Context context() {
    Context context = mock(Context.class);
    when(context.getLogger())
        .thenReturn(
            new LambdaLogger() {
              @Override
              public void log(String message) {
                log.append(message).append('\n');
              }

              @Override
              public void log(byte[] message) {
                log.append(new String(message, java.nio.charset.StandardCharsets.UTF_8)).append('\n');
              }
            });
    when(context.getAwsRequestId()).thenReturn("request-1");
    when(context.getFunctionName()).thenReturn("${functionName}");
    return context;
  }

  /** The event API Gateway sends for the route, with a value for each of the method's parameters. */
  private static ${requestType} event() {
    Map<String, String> pathParameters = new HashMap<>();
<#list pathValues as p>
    pathParameters.put("${p.name}", "${p.value}");
</#list>
    Map<String, String> query = new HashMap<>();
<#list queryValues as q>
    query.put("${q.name}", "${q.value}");
</#list>
    Map<String, String> headers = new HashMap<>();
<#list headerValues as h>
    headers.put("${h.name}", "${h.value}");
</#list>
    headers.put("Content-Type", "application/json");
<#if event == "HTTP">
    return APIGatewayV2HTTPEvent.builder()
        .withRouteKey("${method} ${apiPath}")
        .withRawPath("${concretePath}")
        .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
        .withQueryStringParameters(query)
        .withHeaders(headers)
        .withBody(${body})
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId("request-1")
                .withRouteKey("${method} ${apiPath}")
                .withHttp(
                    APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod("${method}")
                        .withPath("${concretePath}")
                        .build())
                .build())
        .build();
<#else>
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod("${method}")
        .withResource("${apiPath}")
        .withPath("${concretePath}")
        .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
        .withQueryStringParameters(query)
        .withHeaders(headers)
        .withBody(${body});
</#if>
  }

  @Test
  void bindsTheEventIntoTheCallAndAnswersWithTheRouteResponse() throws Exception {
    ${controller} controller = spy(${testWiring});
    var response = new ${simpleName}(controller).handleRequest(event(), context());
    assertNotNull(response, "the handler returns a response");
    skippedAtAws(response.getStatusCode());
<#if exactStatus>
    assertEquals(${status}, response.getStatusCode(), "the route's status; body: " + response.getBody());
<#else>
    assertTrue(
        response.getStatusCode() >= 100 && response.getStatusCode() < 600,
        "an HTTP status code: " + response.getStatusCode());
</#if>
    verify(controller).${controllerMethod}(<#list matchers as m>${m}<#sep>, </#list>);
<#if shape == "NONE">
    assertTrue(response.getBody() == null || response.getBody().isEmpty(), "no body: " + response.getBody());
<#elseif shape != "ANY" && shape != "STRING">
    if (response.getStatusCode() < 300 && response.getBody() != null && !response.getBody().isEmpty()) {
      JsonNode body = ${simpleName}.JSON.readTree(response.getBody());
      assertTrue(body.is${shapeCheck}(), "a JSON ${shape?lower_case}: " + response.getBody());
    }
</#if>
  }
<#if missing??>

  @Test
  void answersAMissingRequiredValueWith400() {
    ${requestType} event = event();
<#if missing.source == "BODY">
<#if event == "HTTP">
    event.setBody(null);
<#else>
    event.setBody(null);
</#if>
<#elseif missing.source == "QUERY">
    event.getQueryStringParameters().remove("${missing.name}");
<#else>
    event.getHeaders().remove("${missing.name}");
</#if>
    ${controller} controller = spy(${testWiring});
    var response = new ${simpleName}(controller).handleRequest(event, context());
    assertEquals(400, response.getStatusCode(), "a missing ${missing.name}: " + response.getBody());
  }
</#if>

  @Test
  void wiresTheControllersDependenciesWithoutReachingAws() {
    try {
      assertNotNull(new ${simpleName}());
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t.getClass().getName().startsWith("software.amazon.awssdk.") || t.getClass().getName().startsWith("com.amazonaws.")) {
          Assumptions.abort("Building the dependencies failed in the AWS SDK (tests reach no AWS): " + t);
        }
      }
      throw e;
    }
  }
}
