<#if packageName?has_content>
package ${packageName};

</#if>
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
<#if matchable>
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

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
import java.util.HashMap;
import java.util.Map;
<#if event != "REST" && event != "HTTP">
import java.util.regex.Matcher;
import java.util.regex.Pattern;
</#if>
import org.junit.jupiter.api.Assumptions;
</#if>
import org.junit.jupiter.api.Test;

/**
 * {@link ${simpleName}} hands ${routeComment} to the framework's adapter<#if matchable>: an event of the route
 * goes through the framework, which must find the route (not answer 404). Where the framework does
 * not start outside its own build or without AWS, the test is reported as skipped, not passed.<#else>.
 * ficus builds no test events for the adapter's input, so this test checks the wiring only.</#if>
 */
class ${simpleName}Test {

  @Test
  void handsTheEventToTheFrameworkAdapter() {
    assertTrue(${adapter}.class.isAssignableFrom(${simpleName}.class));
  }
<#if matchable>

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

  /** Runs the framework; a framework that cannot start here skips the test. */
  private static <T> T started(java.util.concurrent.Callable<T> call) {
    try {
      return call.call();
    } catch (Throwable t) {
      Assumptions.abort("The framework did not start here (it may need its build step, its"
          + " configuration or AWS): " + t);
      return null;
    }
  }

  @Test
  void theFrameworkFindsTheRoute() {
    Map<String, String> pathParameters = new HashMap<>();
<#list pathValues as p>
    pathParameters.put("${p.name}", "${p.value}");
</#list>
<#if event == "REST">
    APIGatewayProxyRequestEvent event =
        new APIGatewayProxyRequestEvent()
            .withHttpMethod("${method}")
            .withResource("${apiPath}")
            .withPath("${concretePath}")
            .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
            .withHeaders(new HashMap<>(Map.of("Content-Type", "application/json", "Accept", "application/json")))
            .withBody(${body});
    int status = started(() -> new ${simpleName}().handleRequest(event, context())).getStatusCode();
<#elseif event == "HTTP">
    APIGatewayV2HTTPEvent event =
        APIGatewayV2HTTPEvent.builder()
            .withRouteKey("${method} ${apiPath}")
            .withRawPath("${concretePath}")
            .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
            .withHeaders(new HashMap<>(Map.of("content-type", "application/json", "accept", "application/json")))
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
    int status = started(() -> new ${simpleName}().handleRequest(event, context())).getStatusCode();
<#else>
    String json =
        "{\"httpMethod\":\"${method}\",\"resource\":\"${apiPathJson}\",\"path\":\"${concretePathJson}\","
            + "\"pathParameters\":${pathParametersJson},\"queryStringParameters\":null,"
            + "\"multiValueQueryStringParameters\":null,"
            + "\"headers\":{\"Content-Type\":\"application/json\",\"Accept\":\"application/json\"},"
            + "\"multiValueHeaders\":{\"Content-Type\":[\"application/json\"],\"Accept\":[\"application/json\"]},"
            + "\"requestContext\":{\"requestId\":\"request-1\",\"stage\":\"Prod\",\"httpMethod\":\"${method}\","
            + "\"path\":\"${concretePathJson}\",\"identity\":{\"sourceIp\":\"127.0.0.1\"}},"
            + "\"isBase64Encoded\":false,\"body\":${bodyJson}}";
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    started(() -> {
      new ${simpleName}().handleRequest(
          new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), output, context());
      return output;
    });
    String response = output.toString(StandardCharsets.UTF_8);
    Matcher code = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)").matcher(response);
    if (!code.find()) {
      Assumptions.abort("The framework answered no proxy response: " + response);
    }
    int status = Integer.parseInt(code.group(1));
</#if>
<#if buildStep>
    if (status == 404) {
      Assumptions.abort("The framework found no route: its build step (which registers the"
          + " routes) did not run in this module's build.");
    }
</#if>
    assertNotEquals(404, status, "the framework matched ${routeComment}");
  }
</#if>
}
