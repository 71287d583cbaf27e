<#if packageName?has_content>
package ${packageName};

</#if>
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
<#if event == "HTTP">
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
<#else>
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
</#if>
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Serves ${routeComment} as a function of its own by calling ${callComment} directly, the way
 * ${frameworkName} would: its arguments bound from the API Gateway event, its controller built
 * with the dependencies the framework injects, its result written as the framework writes it.
 * Nothing else of the application starts.
<#list notes as n>
 *
 * <p>${n}
</#list>
 */
public class ${simpleName} implements RequestHandler<${requestType}, ${responseType}> {

  /** JSON as ${frameworkName} reads and writes it by default. */
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .findAndAddModules()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .serializationInclusion(JsonInclude.Include.${inclusion})
          .build();

  /** One instance per singleton bean, as the framework's container keeps them. */
  private static final Map<String, Object> BEANS = new ConcurrentHashMap<>();

  private final ${controller} controller;

  public ${simpleName}() {
    this(${wiring});
  }

  /** Takes the controller ready-made: how tests give it stand-ins for its dependencies. */
  ${simpleName}(${controller} controller) {
    this.controller = controller;
  }

  @Override
  public ${responseType} handleRequest(${requestType} event, Context context) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (event.getHeaders() != null) {
      event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
    }
    try {
<#list arguments as a>
<#if a.source == "BODY">
      String text${a?index} = body(event);
      ${a.type} argument${a?index};
      if (text${a?index} == null || text${a?index}.isEmpty()) {
<#if a.required>
        return error(400, "Required request body is missing", event, context);
<#else>
        argument${a?index} = null;
</#if>
      } else {
<#if a.type == "java.lang.String">
        argument${a?index} = text${a?index};
<#else>
        try {
          argument${a?index} = JSON.readValue(text${a?index}, new TypeReference<${a.type}>() {});
        } catch (JsonProcessingException e) {
          return error(400, "The request body cannot be converted to ${a.typeComment}", event, context);
        }
</#if>
      }
<#else>
<#if a.source == "PATH">
      String raw${a?index} = event.getPathParameters() == null ? null : event.getPathParameters().get("${a.name}");
<#elseif a.source == "QUERY">
      String raw${a?index} = event.getQueryStringParameters() == null ? null : event.getQueryStringParameters().get("${a.name}");
<#else>
      String raw${a?index} = headers.get("${a.name?lower_case}");
</#if>
<#if a.emptyIsMissing>
      if (raw${a?index} != null && raw${a?index}.isEmpty()) {
        raw${a?index} = null;
      }
</#if>
<#if a.defaultValue??>
      if (raw${a?index} == null) {
        raw${a?index} = "${a.defaultValue}";
      }
</#if>
<#if a.required>
      if (raw${a?index} == null) {
        return error(400, "Required ${a.what} '${a.name}' is not present", event, context);
      }
</#if>
      ${a.type} argument${a?index};
      try {
<#if a.primitive>
        argument${a?index} = convert(raw${a?index}, ${a.type}.class);
<#else>
        argument${a?index} = raw${a?index} == null ? null : convert(raw${a?index}, ${a.type}.class);
</#if>
      } catch (IllegalArgumentException e) {
        return error(${a.invalidStatus}, "The ${a.what} '${a.name}' cannot be converted to ${a.typeComment}", event, context);
      }
</#if>
</#list>
<#if result == "VOID">
      controller.${controllerMethod}(<#list arguments as a>argument${a?index}<#sep>, </#list>);
      return response(${status}, new LinkedHashMap<>(), null);
<#else>
      ${resultType} result = controller.${controllerMethod}(<#list arguments as a>argument${a?index}<#sep>, </#list>);
<#if result == "JSON">
<#if framework == "MICRONAUT">
      if (result == null) {
        return error(404, "Not Found", event, context);
      }
<#elseif framework == "JAX_RS">
      if (result == null) {
        return response(204, new LinkedHashMap<>(), null);
      }
</#if>
      return write(${status}, new LinkedHashMap<>(), result, "${contentType}");
<#elseif result == "TEXT">
      return write(${status}, new LinkedHashMap<>(), result, "${contentType}");
<#elseif result == "SPRING_RESPONSE_ENTITY">
      if (result == null) {
        return response(200, new LinkedHashMap<>(), null);
      }
      Map<String, String> answer = new LinkedHashMap<>();
      result.getHeaders().forEach((name, values) -> answer.put(name, String.join(",", values)));
      Object body = result.getBody();
      return write(result.getStatusCode().value(), answer, body, body instanceof String ? "text/plain" : "application/json");
<#elseif result == "JAX_RS_RESPONSE">
      return jaxRs(result);
<#elseif result == "MICRONAUT_HTTP_RESPONSE">
      if (result == null) {
        return error(404, "Not Found", event, context);
      }
      Map<String, String> answer = new LinkedHashMap<>();
      result.getHeaders().forEach((name, values) -> answer.put(name, String.join(",", values)));
      return write(result.getStatus().getCode(), answer, result.getBody().orElse(null), "application/json");
</#if>
</#if>
    } catch (Exception e) {
      return failure(e, event, context);
    }
  }

  /** What ${frameworkName} answers when the controller throws. */
  private ${responseType} failure(Exception e, ${requestType} event, Context context) {
<#if framework == "SPRING_MVC">
    int status = 500;
    if (e instanceof org.springframework.web.server.ResponseStatusException) {
      status = statusOf(e);
    } else {
      org.springframework.web.bind.annotation.ResponseStatus marked =
          org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(
              e.getClass(), org.springframework.web.bind.annotation.ResponseStatus.class);
      if (marked != null) {
        status = marked.code().value();
      }
    }
<#elseif framework == "JAX_RS">
    if (e instanceof ${frameworkPackage}.WebApplicationException w && w.getResponse() != null) {
      if (w.getResponse().getStatus() >= 500) {
        log(e, context);
      }
      return jaxRs(w.getResponse());
    }
    int status = 500;
<#else>
    int status = e instanceof io.micronaut.http.exceptions.HttpStatusException h ? h.getStatus().getCode() : 500;
</#if>
    if (status >= 500) {
      log(e, context);
    }
    return error(status, e.getMessage(), event, context);
  }

  private static void log(Exception e, Context context) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    if (context != null && context.getLogger() != null) {
      context.getLogger().log(trace.toString());
    }
  }

  /** The error ${frameworkName} writes: the status and, where it writes one, its JSON body. */
  private ${responseType} error(int status, String message, ${requestType} event, Context context) {
    Map<String, String> headers = new LinkedHashMap<>();
<#if framework == "SPRING_MVC">
    org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("timestamp", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString());
    body.put("status", status);
    body.put("error", known == null ? "Error" : known.getReasonPhrase());
    body.put("path", ${pathExpression});
    return write(status, headers, body, "application/json");
<#elseif framework == "JAX_RS">
    return response(status, headers, null);
<#else>
    Map<String, Object> body = new LinkedHashMap<>();
    String reason;
    try {
      reason = io.micronaut.http.HttpStatus.valueOf(status).getReason();
    } catch (IllegalArgumentException e) {
      reason = "Error";
    }
    body.put("message", reason);
    body.put("_links", Map.of("self", Map.of("href", String.valueOf(${pathExpression}), "templated", false)));
    body.put("_embedded", Map.of("errors", java.util.List.of(Map.of("message", message == null ? reason : message))));
    return write(status, headers, body, "application/json");
</#if>
  }
<#if framework == "JAX_RS">

  /** A JAX-RS response: its status, headers and entity. */
  private ${responseType} jaxRs(${frameworkPackage}.core.Response result) {
    if (result == null) {
      return response(204, new LinkedHashMap<>(), null);
    }
    Map<String, String> answer = new LinkedHashMap<>();
    result.getHeaders().forEach((name, values) -> {
      StringBuilder joined = new StringBuilder();
      for (Object v : values) {
        joined.append(joined.length() == 0 ? "" : ",").append(v);
      }
      answer.put(name, joined.toString());
    });
    Object entity = result.getEntity();
    if (entity == null) {
      return response(result.getStatus(), answer, null);
    }
    return write(result.getStatus(), answer, entity, "${contentType}");
  }
</#if>
<#if framework == "SPRING_MVC">

  /** The status of a {@code ResponseStatusException}, whichever Spring version made it. */
  private static int statusOf(Object holder) {
    for (String getter : new String[] {"getStatusCode", "getRawStatusCode", "getStatus"}) {
      try {
        Object value = holder.getClass().getMethod(getter).invoke(holder);
        if (value instanceof Integer code) {
          return code;
        }
        return (Integer) value.getClass().getMethod("value").invoke(value);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // try the next accessor
      }
    }
    return 500;
  }
</#if>

  /** A body: text as it is, anything else as JSON. */
  private ${responseType} write(int status, Map<String, String> headers, Object body, String contentType) {
    if (body == null) {
      return response(status, headers, null);
    }
    if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
      headers.put("Content-Type", body instanceof String && !contentType.contains("json")
          ? contentType + ";charset=UTF-8" : contentType);
    }
    if (body instanceof String text) {
      return response(status, headers, text);
    }
    try {
      return response(status, headers, JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write the response as JSON", e);
    }
  }

  private static ${responseType} response(int status, Map<String, String> headers, String body) {
<#if event == "HTTP">
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(headers)
        .withBody(body)
        .build();
<#else>
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(status)
        .withHeaders(headers)
        .withBody(body);
</#if>
  }

  private static String body(${requestType} event) {
    if (event.getBody() == null) {
      return null;
    }
<#if event == "HTTP">
    return event.getIsBase64Encoded()
<#else>
    return Boolean.TRUE.equals(event.getIsBase64Encoded())
</#if>
        ? new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8)
        : event.getBody();
  }

  /**
   * Text to a parameter's type as ${frameworkName} converts it; an {@code IllegalArgumentException}
   * when it does not convert.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <T> T convert(String text, Class<T> type) {
    Object value;
<#if framework == "SPRING_MVC">
    String trimmed = type == String.class ? text : text.trim();
<#else>
    String trimmed = text;
</#if>
    if (type == String.class) {
      value = text;
    } else if (type == int.class || type == Integer.class) {
      value = Integer.valueOf(trimmed);
    } else if (type == long.class || type == Long.class) {
      value = Long.valueOf(trimmed);
    } else if (type == short.class || type == Short.class) {
      value = Short.valueOf(trimmed);
    } else if (type == byte.class || type == Byte.class) {
      value = Byte.valueOf(trimmed);
    } else if (type == double.class || type == Double.class) {
      value = Double.valueOf(trimmed);
    } else if (type == float.class || type == Float.class) {
      value = Float.valueOf(trimmed);
    } else if (type == boolean.class || type == Boolean.class) {
<#if framework == "JAX_RS">
      value = Boolean.valueOf(trimmed);
<#else>
      switch (trimmed.toLowerCase(Locale.ROOT)) {
        case "true", "on", "yes", "1" -> value = Boolean.TRUE;
        case "false", "off", "no", "0" -> value = Boolean.FALSE;
        default -> throw new IllegalArgumentException("Not a boolean: " + text);
      }
</#if>
    } else if (type == char.class || type == Character.class) {
      if (trimmed.length() != 1) {
        throw new IllegalArgumentException("Not one character: " + text);
      }
      value = trimmed.charAt(0);
    } else if (type == java.util.UUID.class) {
      value = java.util.UUID.fromString(trimmed);
    } else if (type == java.math.BigDecimal.class) {
      value = new java.math.BigDecimal(trimmed);
    } else if (type == java.math.BigInteger.class) {
      value = new java.math.BigInteger(trimmed);
    } else if (type.isEnum()) {
      value = Enum.valueOf((Class<? extends Enum>) type, trimmed);
    } else {
      throw new IllegalArgumentException("No conversion to " + type.getName());
    }
    return (T) value;
  }

  /** A bean made once and shared, as a singleton scope gives. */
  @SuppressWarnings("unchecked")
  static <T> T bean(String name, Supplier<? extends T> make) {
    Object made = BEANS.get(name);
    if (made == null) {
      made = make.get();
      Object raced = BEANS.putIfAbsent(name, made);
      made = raced == null ? made : raced;
    }
    return (T) made;
  }

  /** A class whose constructor the handler's package cannot call, made as the framework does. */
  @SuppressWarnings("unchecked")
  static <T> T create(String className, Object... arguments) {
    try {
      for (Constructor<?> c : Class.forName(className).getDeclaredConstructors()) {
        if (c.getParameterCount() == arguments.length) {
          c.setAccessible(true);
          return (T) c.newInstance(arguments);
        }
      }
      throw new IllegalStateException(className + " has no constructor of " + arguments.length + " parameters");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Could not create " + className, e);
    }
  }

  /** Field injection: sets the field, wherever the class hierarchy declares it, as the framework does. */
  static <T> T inject(T target, String field, Object value) {
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
        return target;
      } catch (NoSuchFieldException e) {
        // a superclass declares it
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Could not inject " + field, e);
      }
    }
    throw new IllegalStateException(target.getClass().getName() + " has no field " + field);
  }
}
