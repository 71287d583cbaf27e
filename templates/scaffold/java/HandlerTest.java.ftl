<#if packageName?has_content>
package ${packageName};

</#if>
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.RETURNS_DEFAULTS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

<#list imports as i>
import ${i};
</#list>
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
<#if event == "REST">
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
<#elseif event == "HTTP">
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
<#elseif event == "OTHER">
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
<#else>
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
</#if>
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.Invocation;
import org.mockito.stubbing.Answer;

/**
 * Calls {@link ${simpleName}} with the event API Gateway sends for ${routeComment}, its
 * collaborators replaced by stand-ins so that nothing reaches AWS.
 */
class ${simpleName}Test {

  /** Stand-ins answer yes to checks and an empty success to nested handlers, defaults otherwise. */
  private static final Answer<Object> PERMISSIVE =
      invocation -> {
        Class<?> type = invocation.getMethod().getReturnType();
        if (type == boolean.class || type == Boolean.class) {
          return true;
        }
        if (type.getName().startsWith("com.amazonaws.services.lambda.runtime.events.")) {
          Object response = type.getDeclaredConstructor().newInstance();
          for (java.lang.reflect.Method m : type.getMethods()) {
            if (m.getName().equals("setStatusCode") && m.getParameterCount() == 1) {
              m.invoke(response, 200);
            }
          }
          return response;
        }
        return RETURNS_DEFAULTS.answer(invocation);
      };

  /**
   * Tests reach no AWS endpoint: where the route's own code calls AWS through a client the test
   * cannot replace, the call fails and the test is reported as skipped, not passed.
   */
  private static RuntimeException skippedAtAws(RuntimeException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String type = t.getClass().getName();
      if (type.startsWith("software.amazon.awssdk.") || type.startsWith("com.amazonaws.")) {
        Assumptions.abort("The route's code called AWS, which tests cannot reach: " + t);
      }
    }
    return failure;
  }

  private final List<Object> collaborators = new ArrayList<>();

  private <T> T collaborator(Class<T> type) {
    T stand = mock(type, PERMISSIVE);
    collaborators.add(stand);
    return stand;
  }

  private ${simpleName} handler() {
<#if !seam?has_content>
    // The handler has no constructor that takes its collaborators: it builds its own.
</#if>
    return new ${simpleName}(<#list seam as s>collaborator(${s}.class)<#sep>, </#list>);
  }

  private static Context context() {
    Context context = mock(Context.class);
    when(context.getLogger())
        .thenReturn(
            new LambdaLogger() {
              @Override
              public void log(String message) {}

              @Override
              public void log(byte[] message) {}
            });
    when(context.getAwsRequestId()).thenReturn("request-1");
    when(context.getFunctionName()).thenReturn("${functionName}");
    return context;
  }

<#if event == "REST">
  private static APIGatewayProxyRequestEvent event() {
    Map<String, String> pathParameters = new HashMap<>();
<#list pathValues as p>
    pathParameters.put("${p.name}", "${p.value}");
</#list>
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod("${method}")
        .withResource("${apiPath}")
        .withPath("${concretePath}")
        .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
        .withQueryStringParameters(new HashMap<>())
        .withHeaders(new HashMap<>())
        .withBody(${body});
  }

  @Test
  void answersTheRouteWithAnHttpResponse() {
    try {
      var response = handler().handleRequest(event(), context());
      assertNotNull(response, "the handler returns a response");
      assertTrue(
          response.getStatusCode() >= 100 && response.getStatusCode() < 600,
          "an HTTP status code: " + response.getStatusCode());
    } catch (RuntimeException e) {
      throw skippedAtAws(e);
    }
  }
<#elseif event == "HTTP">
  private static APIGatewayV2HTTPEvent event() {
    Map<String, String> pathParameters = new HashMap<>();
<#list pathValues as p>
    pathParameters.put("${p.name}", "${p.value}");
</#list>
    return APIGatewayV2HTTPEvent.builder()
        .withRouteKey("${method} ${apiPath}")
        .withRawPath("${concretePath}")
        .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
        .withQueryStringParameters(new HashMap<>())
        .withHeaders(new HashMap<>())
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
  }

  @Test
  void answersTheRouteWithAnHttpResponse() {
    try {
      var response = handler().handleRequest(event(), context());
      assertNotNull(response, "the handler returns a response");
      assertTrue(
          response.getStatusCode() >= 100 && response.getStatusCode() < 600,
          "an HTTP status code: " + response.getStatusCode());
    } catch (RuntimeException e) {
      throw skippedAtAws(e);
    }
  }
<#elseif event == "OTHER">
  /** The proxy event as Lambda hands it to a handler that takes a map. */
  private static Map<String, Object> event() {
    Map<String, Object> event = new HashMap<>();
    event.put("httpMethod", "${method}");
    event.put("resource", "${apiPath}");
    event.put("path", "${concretePath}");
<#if pathValues?has_content>
    Map<String, Object> pathParameters = new HashMap<>();
<#list pathValues as v>
    pathParameters.put("${v.name}", "${v.value}");
</#list>
    event.put("pathParameters", pathParameters);
<#else>
    event.put("pathParameters", null);
</#if>
    event.put("queryStringParameters", new HashMap<String, Object>());
    event.put("headers", new HashMap<String, Object>());
    event.put("requestContext", new HashMap<String, Object>(Map.of("requestId", "request-1")));
    event.put("body", ${body});
    return event;
  }

  /** Calls ${entryMethod}, which takes the event as a map (and maybe the context). */
  private Object call() throws Exception {
    for (Method m : ${simpleName}.class.getMethods()) {
      if (m.getName().equals("${entryMethod}") && m.getParameterCount() >= 1 && m.getParameterCount() <= 2
          && m.getParameterTypes()[0].isAssignableFrom(HashMap.class)) {
        Object[] arguments = m.getParameterCount() == 2 ? new Object[] {event(), context()} : new Object[] {event()};
        try {
          return m.invoke(handler(), arguments);
        } catch (InvocationTargetException e) {
          if (e.getCause() instanceof RuntimeException failure) {
            throw skippedAtAws(failure);
          }
          throw e;
        }
      }
    }
    Assumptions.abort("${simpleName}.${entryMethod} does not take the event as a map, which is the only"
        + " event ficus builds for it.");
    return null;
  }

  @Test
  void takesTheRoutesEventWithoutFailing() throws Exception {
    call(); // any failure but a call to AWS fails the test; the answer's shape is the handler's own
  }
<#else>
  private static ByteArrayInputStream event() {
    String json =
        "{\"httpMethod\":\"${method}\",\"resource\":\"${apiPathJson}\",\"path\":\"${concretePathJson}\","
            + "\"pathParameters\":${pathParametersJson},\"queryStringParameters\":{},\"headers\":{},"
            + "\"requestContext\":{\"requestId\":\"request-1\"},\"body\":${bodyJson}}";
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  private String call() throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try {
      handler().handleRequest(event(), output, context());
    } catch (RuntimeException e) {
      throw skippedAtAws(e);
    }
    return output.toString(StandardCharsets.UTF_8);
  }

  @Test
  void answersTheRouteWithAnHttpResponse() throws Exception {
    String response = call();
    assertTrue(response.contains("statusCode"), "a proxy response: " + response);
  }
</#if>
<#if bindingValues?has_content && seam?has_content>

  @Test
  void bindsThePathParametersIntoTheCall() throws Exception {
<#if event == "STREAM" || event == "OTHER">
    call();
<#else>
    try {
      handler().handleRequest(event(), context());
    } catch (RuntimeException e) {
      throw skippedAtAws(e);
    }
</#if>
<#list bindingValues as v>
    assertTrue(received("${v}"), "a collaborator received the path parameter ${v}");
</#list>
  }

  /** Whether a collaborator was called with the value, or with something that holds it. */
  private boolean received(String value) {
    for (Object stand : collaborators) {
      for (Invocation invocation : mockingDetails(stand).getInvocations()) {
        for (Object argument : invocation.getArguments()) {
          if (value.equals(argument) || String.valueOf(argument).contains(value)) {
            return true;
          }
        }
      }
    }
    return false;
  }
</#if>
}
