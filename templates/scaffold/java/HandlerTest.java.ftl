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
<#else>
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
</#if>
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    var response = handler().handleRequest(event(), context());
    assertNotNull(response, "the handler returns a response");
    assertTrue(
        response.getStatusCode() >= 100 && response.getStatusCode() < 600,
        "an HTTP status code: " + response.getStatusCode());
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
    var response = handler().handleRequest(event(), context());
    assertNotNull(response, "the handler returns a response");
    assertTrue(
        response.getStatusCode() >= 100 && response.getStatusCode() < 600,
        "an HTTP status code: " + response.getStatusCode());
  }
<#else>
  private static ByteArrayInputStream event() {
    String json =
        "{\"httpMethod\":\"${method}\",\"resource\":\"${apiPathJson}\",\"path\":\"${concretePathJson}\","
            + "\"pathParameters\":${pathParametersJson},\"queryStringParameters\":{},\"headers\":{},"
            + "\"requestContext\":{\"requestId\":\"request-1\"},\"body\":${bodyJson}}";
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void answersTheRouteWithAnHttpResponse() throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    handler().handleRequest(event(), output, context());
    String response = output.toString(StandardCharsets.UTF_8);
    assertTrue(response.contains("statusCode"), "a proxy response: " + response);
  }
</#if>
<#if bindingValues?has_content && seam?has_content>

  @Test
  void bindsThePathParametersIntoTheCall() {
<#if event == "STREAM">
    try {
      handler().handleRequest(event(), new ByteArrayOutputStream(), context());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
<#else>
    ${simpleName} handler = handler();
    handler.handleRequest(event(), context());
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
