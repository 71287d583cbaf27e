package dev.ficus.routes;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.WildcardType;
import dev.ficus.model.ControllerCall;
import dev.ficus.model.ControllerCall.Argument;
import dev.ficus.model.ControllerCall.Framework;
import dev.ficus.model.ControllerCall.Result;
import dev.ficus.model.ControllerCall.Shape;
import dev.ficus.model.ControllerCall.Source;
import dev.ficus.model.Route;
import dev.ficus.workspace.JavaSource;
import dev.ficus.workspace.TypeNames;
import dev.ficus.workspace.Workspace;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a framework route's controller method can be called without its framework, and
 * if so how: each argument bound from the request the way the framework binds it, the controller
 * built with the dependencies its framework would inject (constructor and field injection, {@code
 * @Bean}/{@code @Produces}/factory methods, resolved to the one implementation the repository
 * declares), the result written the way the framework writes it. Anything ficus cannot reproduce
 * faithfully refuses the call, with the first reason found: configuration properties, scopes other
 * than a singleton or a new instance, interceptors, validation, filters, exception handlers,
 * security, customized JSON, a parameter the event cannot give. A refused route keeps the
 * framework's adapter.
 */
final class ControllerCalls {

  /** Either a call or the reason there is none. */
  record Decision(ControllerCall call, String refusal) {
    static Decision refused(String reason) {
      return new Decision(null, reason);
    }
  }

  /** Why a call is refused; thrown inside this class only and always caught by {@link #decide}. */
  private static final class Refusal extends RuntimeException {
    Refusal(String reason) {
      super(reason, null, false, false);
    }
  }

  private static final int MAX_DEPTH = 16;

  private static final Set<String> SIMPLE_TYPES = Set.of(
      "java.lang.String", "int", "long", "short", "byte", "double", "float", "boolean", "char",
      "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte",
      "java.lang.Double", "java.lang.Float", "java.lang.Boolean", "java.lang.Character",
      "java.util.UUID", "java.math.BigDecimal", "java.math.BigInteger");

  private static final Set<String> ASYNC_RESULTS = Set.of(
      "CompletableFuture", "CompletionStage", "Future", "Mono", "Flux", "Publisher", "Uni",
      "Multi", "Callable", "DeferredResult", "WebAsyncTask", "Single", "Maybe", "Flowable",
      "Observable", "Completable", "StreamingResponseBody", "SseEmitter", "ResponseBodyEmitter");

  private static final Set<String> STREAM_RESULTS = Set.of(
      "InputStream", "Resource", "StreamingOutput", "File", "Path", "byte[]", "ByteBuffer",
      "StreamedFile", "SystemFile", "ModelAndView", "View", "HttpEntity", "Optional");

  /** Annotations a controller class may carry: its mapping and documentation. */
  private static final Map<Framework, Set<String>> CONTROLLER_CLASS = Map.of(
      Framework.SPRING_MVC, Set.of("RestController", "Controller", "ResponseBody", "RequestMapping",
          "Tag", "Hidden", "Api", "SuppressWarnings", "Deprecated", "Slf4j", "Log4j2", "Log"),
      Framework.JAX_RS, Set.of("Path", "Produces", "Consumes", "ApplicationScoped", "Singleton",
          "RequestScoped", "Dependent", "Tag", "Hidden", "Api", "SuppressWarnings", "Deprecated",
          "Slf4j", "Log4j2", "Log"),
      Framework.MICRONAUT, Set.of("Controller", "Produces", "Consumes", "Tag", "Hidden",
          "SuppressWarnings", "Deprecated", "Slf4j", "Log4j2", "Log", "ExecuteOn"));

  /** Annotations the route's method may carry: its mapping, its status and documentation. */
  private static final Set<String> ROUTE_METHOD = Set.of(
      "GetMapping", "PostMapping", "PutMapping", "DeleteMapping", "PatchMapping",
      "RequestMapping", "ResponseStatus", "ResponseBody", "GET", "POST", "PUT", "DELETE",
      "PATCH", "HEAD", "OPTIONS", "Path", "Produces", "Consumes", "Get", "Post", "Put",
      "Delete", "Patch", "Head", "Options", "Status", "Override", "Deprecated",
      "SuppressWarnings", "Operation", "ApiResponse", "ApiResponses", "ApiOperation", "Tag",
      "Hidden", "Parameter", "Parameters", "ExecuteOn", "Nullable", "NonNull");

  /** Annotations on a dependency's class or methods that make the framework wrap it. */
  private static final Set<String> INTERCEPTED = Set.of(
      "Transactional", "Cacheable", "CacheEvict", "CachePut", "Caching", "CacheResult",
      "CacheInvalidate", "CacheInvalidateAll", "Async", "Retryable", "Recover", "Timed",
      "Counted", "Metered", "PreAuthorize", "PostAuthorize", "PreFilter", "PostFilter",
      "Secured", "RolesAllowed", "PermitAll", "DenyAll", "Authenticated", "Lock", "Traced",
      "WithSpan", "NewSpan", "CircuitBreaker", "Retry", "Fallback", "Timeout", "Bulkhead",
      "RateLimiter", "Asynchronous", "ActivateRequestContext", "Interceptors", "Lookup",
      "Validated", "Valid", "Logged", "Idempotent", "Around", "PostConstruct", "Scheduled",
      "EventListener", "TransactionalEventListener", "Observes", "Lazy");

  /** Annotations that make a class a bean its framework creates. */
  private static final Set<String> BEAN_CLASSES = Set.of(
      "Component", "Service", "Repository", "Controller", "RestController", "Configuration",
      "Singleton", "ApplicationScoped", "Dependent", "RequestScoped", "SessionScoped",
      "Prototype", "Context", "Named", "Bean", "Factory", "Infrastructure", "Path");

  /** Annotations that make a bean exist only under a condition ficus does not evaluate. */
  private static final Set<String> CONDITIONAL = Set.of(
      "Profile", "Conditional", "ConditionalOnProperty", "ConditionalOnMissingBean",
      "ConditionalOnBean", "ConditionalOnClass", "ConditionalOnExpression", "Requires",
      "IfBuildProfile", "UnlessBuildProfile", "IfBuildProperty", "LookupIfProperty",
      "LookupUnlessProperty", "Alternative", "DefaultBean", "Replaces", "Priority");

  /** Annotations that inject configuration rather than a bean. */
  private static final Set<String> CONFIGURATION = Set.of(
      "Value", "ConfigProperty", "Property", "ConfigProperties", "ConfigMapping",
      "ConfigurationProperties", "EachProperty");

  private static final Map<String, Integer> HTTP_STATUS = httpStatuses();

  private final Workspace workspace;
  private final TypeNames names;
  private final TypeHierarchy hierarchy;
  private final AnnotationValues annotations;
  private final ApplicationProperties properties;
  private final Map<Framework, Optional<String>> applicationRefusals = new EnumMap<>(Framework.class);
  private Map<String, Set<String>> subtypes;
  private List<BeanMethod> beanMethods;

  ControllerCalls(Workspace workspace, ApplicationProperties properties) {
    this.workspace = workspace;
    this.annotations = new AnnotationValues(workspace);
    this.names = annotations.typeNames();
    this.hierarchy = new TypeHierarchy(workspace, names);
    this.properties = properties;
  }

  /** Whether the route's controller method can be called directly, and how. */
  Decision decide(ExtractedRoute extracted) {
    Route route = extracted.route();
    Framework framework =
        switch (route.extractor()) {
          case "spring-mvc" -> Framework.SPRING_MVC;
          case "jax-rs" -> Framework.JAX_RS;
          case "micronaut" -> Framework.MICRONAUT;
          default -> null;
        };
    if (framework == null) {
      return Decision.refused(switch (route.extractor()) {
        case "spark" -> "a Spark route takes Spark's own Request and Response, which only Spark makes";
        case "spring-cloud-function" ->
            "a Spring Cloud Function is looked up, composed and converted by the function catalog";
        case "quarkus-lambda" -> "the route's handler is a Lambda handler bean that Quarkus creates";
        default -> "ficus calls only Spring MVC, JAX-RS and Micronaut controller methods directly";
      });
    }
    try {
      return new Decision(call(framework, extracted), null);
    } catch (Refusal r) {
      return Decision.refused(r.getMessage());
    }
  }

  private ControllerCall call(Framework framework, ExtractedRoute extracted) {
    Route route = extracted.route();
    List<Node> code = extracted.entryCode();
    if (code.isEmpty() || !(code.get(code.size() - 1) instanceof MethodDeclaration method)) {
      throw new Refusal("ficus did not find the route's method");
    }
    if (code.size() > 1) {
      throw new Refusal(describe(code.get(0)) + " runs before the route's method");
    }
    String controllerName = route.handler().replaceAll("[#(].*$", "");
    TypeDeclaration<?> controller = workspace.findType(controllerName)
        .orElseThrow(() -> new Refusal("ficus did not find the controller " + controllerName));
    if (!(controller instanceof ClassOrInterfaceDeclaration c) || c.isInterface() || c.isAbstract()) {
      throw new Refusal(simple(controllerName) + " is not a concrete class");
    }
    if (!controller.isTopLevelType()) {
      throw new Refusal(simple(controllerName) + " is a nested class");
    }
    if (method.isStatic() || method.isPrivate()) {
      throw new Refusal("the route's method is " + (method.isStatic() ? "static" : "private"));
    }
    if (!method.getTypeParameters().isEmpty()) {
      throw new Refusal("the route's method is generic");
    }
    checkAnnotations(controller, CONTROLLER_CLASS.get(framework), simple(controllerName));
    checkAnnotations(method, ROUTE_METHOD, method.getNameAsString());
    checkControllerMethods(framework, controller);
    if (framework == Framework.SPRING_MVC && !has(controller, "RestController")
        && !has(controller, "ResponseBody") && !has(method, "ResponseBody")) {
      throw new Refusal("the method returns a view (@Controller without @ResponseBody)");
    }
    applicationRefusal(framework).ifPresent(r -> {
      throw new Refusal(r);
    });

    List<Argument> arguments = new ArrayList<>();
    boolean body = false;
    for (Parameter p : method.getParameters()) {
      Argument a = argument(framework, route, controller, method, p);
      if (a.source() == Source.BODY) {
        if (body) {
          throw new Refusal("the method takes two bodies");
        }
        body = true;
      }
      arguments.add(a);
    }
    Type returned = method.getType();
    String resultType = returned.isVoidType() ? "void" : javaType(returned, method);
    Result result = result(framework, returned);
    String produces = produces(framework, controller, method, result);
    int status = status(framework, controller, method, result);
    Shape shape = switch (result) {
      case VOID -> Shape.NONE;
      case TEXT -> Shape.STRING;
      case JSON -> shape(resultType);
      default -> returned instanceof ClassOrInterfaceType t && t.getTypeArguments().isPresent()
          && t.getTypeArguments().get().size() == 1
          ? shape(javaType(t.getTypeArguments().get().get(0), method)) : Shape.ANY;
    };
    String inclusion = framework == Framework.SPRING_MVC
        ? properties.get("spring.jackson.default-property-inclusion")
            .map(v -> v.trim().toUpperCase(Locale.ROOT).replace('-', '_')).orElse("ALWAYS")
        : "ALWAYS";
    if (!Set.of("ALWAYS", "NON_NULL", "NON_ABSENT", "NON_EMPTY", "NON_DEFAULT").contains(inclusion)) {
      throw new Refusal("spring.jackson.default-property-inclusion is " + inclusion);
    }
    Wiring wiring = new Wiring(framework, packageOf(controllerName));
    String built = wiring.controller(controller, false);
    String forTests = new Wiring(framework, packageOf(controllerName)).controller(controller, true);
    TreeSet<String> classes = new TreeSet<>(wiring.classes);
    classes.add(controllerName);
    String frameworkPackage = switch (framework) {
      case SPRING_MVC -> "org.springframework";
      case MICRONAUT -> "io.micronaut";
      case JAX_RS -> controller.findCompilationUnit().map(u -> u.getImports().stream()
          .anyMatch(i -> i.getNameAsString().startsWith("javax.ws.rs"))).orElse(false)
          ? "javax.ws.rs" : "jakarta.ws.rs";
    };
    return new ControllerCall(framework, frameworkPackage, controllerName, method.getNameAsString(), arguments,
        result, resultType, status, shape, produces, inclusion, built, forTests,
        List.copyOf(classes));
  }

  private static String describe(Node node) {
    if (node instanceof MethodDeclaration m) {
      String owner = m.findAncestor(TypeDeclaration.class).map(t -> t.getNameAsString() + "#").orElse("");
      String marks = m.getAnnotations().stream().map(a -> "@" + a.getNameAsString())
          .reduce((a, b) -> a + " " + b).map(s -> " (" + s + ")").orElse("");
      return owner + m.getNameAsString() + marks;
    }
    return "other code";
  }

  private void checkAnnotations(NodeWithAnnotations<?> node, Set<String> allowed, String where) {
    for (AnnotationExpr a : node.getAnnotations()) {
      String id = a.getName().getIdentifier();
      if (!allowed.contains(id)) {
        throw new Refusal("@" + id + " on " + where + " asks the framework for more than the call");
      }
    }
  }

  /** Methods of the controller the framework runs around the route's method. */
  private void checkControllerMethods(Framework framework, TypeDeclaration<?> controller) {
    for (TypeDeclaration<?> t : hierarchy.ancestry(controller)) {
      for (MethodDeclaration m : t.getMethods()) {
        for (AnnotationExpr a : m.getAnnotations()) {
          String id = a.getName().getIdentifier();
          if (Set.of("ExceptionHandler", "InitBinder", "ModelAttribute", "Error", "ServerExceptionMapper",
              "ServerRequestFilter", "ServerResponseFilter", "RequestFilter", "ResponseFilter").contains(id)) {
            throw new Refusal("the controller declares @" + id + " " + t.getNameAsString() + "#"
                + m.getNameAsString());
          }
        }
      }
    }
  }

  // ---- the application around the controller ----

  private Optional<String> applicationRefusal(Framework framework) {
    return applicationRefusals.computeIfAbsent(framework, this::scanApplication);
  }

  private Optional<String> scanApplication(Framework framework) {
    Set<String> providers = switch (framework) {
      case SPRING_MVC -> Set.of("Filter", "OncePerRequestFilter", "GenericFilterBean",
          "HandlerInterceptor", "WebMvcConfigurer", "ResponseBodyAdvice", "RequestBodyAdvice",
          "HandlerMethodArgumentResolver", "HandlerExceptionResolver", "ErrorController",
          "Jackson2ObjectMapperBuilderCustomizer", "WebMvcRegistrations", "HttpMessageConverter");
      case JAX_RS -> Set.of("ExceptionMapper", "ContainerRequestFilter", "ContainerResponseFilter",
          "ReaderInterceptor", "WriterInterceptor", "MessageBodyReader", "MessageBodyWriter",
          "ParamConverterProvider", "ContextResolver", "ObjectMapperCustomizer", "DynamicFeature",
          "Feature");
      case MICRONAUT -> Set.of("HttpServerFilter", "HttpFilter", "ExceptionHandler",
          "BeanCreatedEventListener", "ObjectMapperCustomizer", "RequestArgumentBinder",
          "TypedRequestArgumentBinder", "AnnotatedRequestArgumentBinder");
    };
    Set<String> marks = switch (framework) {
      case SPRING_MVC -> Set.of("ControllerAdvice", "RestControllerAdvice", "Aspect",
          "EnableWebSecurity", "EnableMethodSecurity", "EnableGlobalMethodSecurity", "WebFilter",
          "EnableAspectJAutoProxy", "EnableCaching", "EnableTransactionManagement");
      case JAX_RS -> Set.of("Provider", "Interceptor", "Decorator", "InterceptorBinding");
      case MICRONAUT -> Set.of("Filter", "ServerFilter", "InterceptorBean", "Around",
          "InterceptorBinding", "Error");
    };
    Set<String> beanTypes = Set.of("ObjectMapper", "Jackson2ObjectMapperBuilder",
        "FilterRegistrationBean", "SecurityFilterChain", "WebMvcConfigurer",
        "Jackson2ObjectMapperBuilderCustomizer", "HttpMessageConverters", "Module", "SimpleModule");
    String security = switch (framework) {
      case SPRING_MVC -> "org.springframework.security";
      case JAX_RS -> "io.quarkus.security";
      case MICRONAUT -> "io.micronaut.security";
    };
    for (JavaSource source : workspace.sources()) {
      for (String imp : source.nodes().imports()) {
        if (imp.startsWith(security)) {
          return Optional.of(source.file() + " uses the framework's security");
        }
        if (framework == Framework.MICRONAUT && imp.startsWith("io.micronaut.serde")) {
          return Optional.of("the application writes JSON through Micronaut Serialization, which"
              + " needs its annotation processor");
        }
      }
      for (TypeDeclaration<?> type : source.nodes().types()) {
        for (AnnotationExpr a : type.getAnnotations()) {
          if (marks.contains(a.getName().getIdentifier())) {
            return Optional.of("@" + a.getName().getIdentifier() + " " + type.getNameAsString()
                + " applies to every request");
          }
        }
        if (type instanceof ClassOrInterfaceDeclaration c) {
          List<ClassOrInterfaceType> supers = new ArrayList<>(c.getExtendedTypes());
          supers.addAll(c.getImplementedTypes());
          for (ClassOrInterfaceType s : supers) {
            if (providers.contains(s.getNameAsString().replaceAll(".*\\.", ""))) {
              return Optional.of(type.getNameAsString() + " (a " + s.getNameAsString()
                  + ") takes part in every request");
            }
          }
        }
        for (MethodDeclaration m : type.getMethods()) {
          if (has(m, "Bean") || has(m, "Produces") && !isHttpMethod(m)) {
            String returned = simple(TypeNames.stripGenerics(m.getType().asString()));
            if (beanTypes.contains(returned)) {
              return Optional.of(type.getNameAsString() + "#" + m.getNameAsString()
                  + " configures the framework (" + returned + ")");
            }
          }
          for (AnnotationExpr a : m.getAnnotations()) {
            String id = a.getName().getIdentifier();
            if (Set.of("ServerRequestFilter", "ServerResponseFilter", "ServerExceptionMapper",
                "RequestFilter", "ResponseFilter").contains(id)
                || framework == Framework.MICRONAUT && id.equals("Error")
                || framework == Framework.SPRING_MVC && id.equals("ExceptionHandler")
                    && has(type, "ControllerAdvice")) {
              return Optional.of("@" + id + " " + type.getNameAsString() + "#" + m.getNameAsString()
                  + " applies to every request");
            }
          }
        }
      }
    }
    String jsonPrefix = switch (framework) {
      case SPRING_MVC -> "spring.jackson.";
      case JAX_RS -> "quarkus.jackson.";
      case MICRONAUT -> "jackson.";
    };
    for (String key : List.of("serialization", "deserialization", "mapper", "parser", "generator",
        "date-format", "time-zone", "property-naming-strategy", "locale", "visibility",
        "default-leniency", "constructor-detector", "fail-on-unknown-properties",
        "write-dates-as-timestamps", "serialization-inclusion", "accept-case-insensitive-enums",
        "timezone", "fail-on-empty-beans", "write-durations-as-timestamps")) {
      if (properties.hasKeyStartingWith(jsonPrefix + key)) {
        return Optional.of("the application configures its JSON mapper (" + jsonPrefix + key + ")");
      }
    }
    return Optional.empty();
  }

  private static boolean isHttpMethod(MethodDeclaration m) {
    return m.getAnnotations().stream().anyMatch(a -> Set.of("GET", "POST", "PUT", "DELETE", "PATCH",
        "HEAD", "OPTIONS", "Path").contains(a.getName().getIdentifier()));
  }

  // ---- arguments ----

  private Argument argument(
      Framework framework, Route route, TypeDeclaration<?> controller, MethodDeclaration method,
      Parameter p) {
    String name = p.getNameAsString();
    String type = javaType(p.getType(), method);
    List<String> pathVariables = pathVariables(route.path());
    boolean nullable = false;
    AnnotationExpr binding = null;
    for (AnnotationExpr a : p.getAnnotations()) {
      String id = a.getName().getIdentifier();
      switch (id) {
        case "Nullable" -> nullable = true;
        case "NonNull", "Nonnull", "Parameter", "Schema", "ApiParam" -> { }
        case "Context", "BeanParam", "Suspended" -> throw new Refusal("parameter " + name + " is @" + id);
        case "Valid", "Validated", "NotNull", "NotBlank", "NotEmpty", "Size", "Min", "Max",
            "Pattern", "Email", "Positive", "PositiveOrZero", "Negative", "NegativeOrZero",
            "DecimalMin", "DecimalMax", "Digits", "Past", "Future", "PastOrPresent",
            "FutureOrPresent", "AssertTrue", "AssertFalse" ->
            throw new Refusal("parameter " + name + " is validated (@" + id + ")");
        default -> {
          if (binding != null && !id.equals("DefaultValue")) {
            throw new Refusal("parameter " + name + " has two bindings");
          }
          if (!id.equals("DefaultValue")) {
            binding = a;
          }
        }
      }
    }
    String bindingId = binding == null ? "" : binding.getName().getIdentifier();
    Optional<AnnotationExpr> defaultAnnotation =
        p.getAnnotations().stream().filter(a -> a.getName().getIdentifier().equals("DefaultValue")).findFirst();
    return switch (framework) {
      case SPRING_MVC -> switch (bindingId) {
        case "PathVariable" -> pathArgument(stringMember(binding, name, "value", "name"), type,
            pathVariables, name, 400);
        case "RequestParam", "RequestHeader" -> {
          if (type.startsWith("java.util.Map") || type.startsWith("org.springframework.util.MultiValueMap")) {
            throw new Refusal("parameter " + name + " takes every " + (bindingId.equals("RequestParam") ? "parameter" : "header"));
          }
          String key = stringMember(binding, name, "value", "name");
          String defaultValue = AnnotationValues.member(binding, "defaultValue").flatMap(this::string)
              .filter(d -> !d.equals("\n\t\t\n\t\t\n\uE000\uE001\uE002\n\t\t\t\t\n")).orElse(null);
          boolean required = defaultValue == null && booleanMember(binding, "required", true) && !nullable;
          if (!required && defaultValue == null && TypeNames.isPrimitive(type)) {
            throw new Refusal("optional parameter " + name + " is a primitive " + type);
          }
          yield simpleArgument(bindingId.equals("RequestParam") ? Source.QUERY : Source.HEADER, key,
              type, defaultValue, required, !type.equals("java.lang.String") || defaultValue != null, 400);
        }
        case "RequestBody" -> bodyArgument(name, type, booleanMember(binding, "required", true) && !nullable);
        case "" -> {
          if (!SIMPLE_TYPES.contains(type) && !isEnum(type)) {
            throw new Refusal("parameter " + name + " (" + simple(type) + ") is not bound from the"
                + " request's path, query, headers or body");
          }
          if (TypeNames.isPrimitive(type)) {
            throw new Refusal("optional parameter " + name + " is a primitive " + type);
          }
          yield simpleArgument(Source.QUERY, name, type, null, false, !type.equals("java.lang.String"), 400);
        }
        default -> throw new Refusal("parameter " + name + " is bound by @" + bindingId);
      };
      case JAX_RS -> {
        String defaultValue = defaultAnnotation.flatMap(a -> AnnotationValues.member(a, "value"))
            .flatMap(this::string).orElse(null);
        if (defaultValue == null && TypeNames.isPrimitive(type)) {
          defaultValue = type.equals("boolean") ? "false" : type.equals("char") ? null : "0";
        }
        yield switch (bindingId) {
          case "PathParam", "RestPath" -> pathArgument(stringMember(binding, name, "value"), type,
              pathVariables, name, 404);
          case "QueryParam", "RestQuery" -> simpleArgument(Source.QUERY,
              stringMember(binding, name, "value"), type, defaultValue, false, false, 404);
          case "HeaderParam", "RestHeader" -> simpleArgument(Source.HEADER,
              stringMember(binding, name, "value"), type, defaultValue, false, false, 400);
          case "" -> bodyArgument(name, type, false);
          default -> throw new Refusal("parameter " + name + " is bound by @" + bindingId);
        };
      }
      case MICRONAUT -> {
        String defaultValue = binding == null ? null
            : AnnotationValues.member(binding, "defaultValue").flatMap(this::string).orElse(null);
        boolean required = defaultValue == null && !nullable;
        if (!required && defaultValue == null && TypeNames.isPrimitive(type)) {
          throw new Refusal("optional parameter " + name + " is a primitive " + type);
        }
        yield switch (bindingId) {
          case "PathVariable" -> {
            String key = stringMember(binding, name, "value", "name");
            if (nullable && !pathVariables.contains(key)) {
              throw new Refusal("optional path variable " + key + " is not in the route's path");
            }
            yield pathArgument(key, type, pathVariables, name, 400);
          }
          case "QueryValue" -> simpleArgument(Source.QUERY, stringMember(binding, name, "value"),
              type, defaultValue, required, false, 400);
          case "Header" -> simpleArgument(Source.HEADER,
              stringMember(binding, hyphenated(name), "value", "name"), type, defaultValue, required,
              false, 400);
          case "Body" -> {
            if (AnnotationValues.member(binding, "value").isPresent()) {
              throw new Refusal("parameter " + name + " binds one property of the body");
            }
            yield bodyArgument(name, type, !nullable);
          }
          case "" -> {
            if (!SIMPLE_TYPES.contains(type) && !isEnum(type)) {
              throw new Refusal("parameter " + name + " (" + simple(type) + ") is not bound from"
                  + " the request's path, query, headers or body");
            }
            yield pathVariables.contains(name)
                ? pathArgument(name, type, pathVariables, name, 400)
                : simpleArgument(Source.QUERY, name, type, null, required, false, 400);
          }
          default -> throw new Refusal("parameter " + name + " is bound by @" + bindingId);
        };
      }
    };
  }

  /** Micronaut's header name for a parameter without one: {@code xTenant} is {@code x-tenant}. */
  private static String hyphenated(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private Argument pathArgument(String key, String type, List<String> variables, String name, int invalid) {
    if (!variables.contains(key)) {
      throw new Refusal("path variable " + key + " of parameter " + name + " is not in the route's path");
    }
    return simpleArgument(Source.PATH, key, type, null, true, false, invalid);
  }

  private Argument simpleArgument(
      Source source, String key, String type, String defaultValue, boolean required,
      boolean emptyIsMissing, int invalid) {
    if (!SIMPLE_TYPES.contains(type) && !isEnum(type)) {
      throw new Refusal(source.name().toLowerCase(Locale.ROOT) + " value " + key + " is a "
          + simple(type) + ", which ficus does not convert");
    }
    return new Argument(source, key, type, defaultValue, required, emptyIsMissing, invalid, sample(key, type));
  }

  private Argument bodyArgument(String name, String type, boolean required) {
    if (TypeNames.isPrimitive(type)) {
      throw new Refusal("the body parameter " + name + " is a primitive");
    }
    String sample = switch (shape(type)) {
      case ARRAY -> "[]";
      case STRING -> type.equals("java.lang.String") ? "text" : "\"text\"";
      case NUMBER -> "1";
      case BOOLEAN -> "true";
      default -> "{}";
    };
    return new Argument(Source.BODY, name, type, null, required, false, 400, sample);
  }

  private String sample(String key, String type) {
    return switch (type) {
      case "int", "long", "short", "byte", "java.lang.Integer", "java.lang.Long", "java.lang.Short",
          "java.lang.Byte", "java.math.BigInteger" -> "1";
      case "double", "float", "java.lang.Double", "java.lang.Float", "java.math.BigDecimal" -> "1.5";
      case "boolean", "java.lang.Boolean" -> "true";
      case "char", "java.lang.Character" -> "x";
      case "java.util.UUID" -> "00000000-0000-0000-0000-000000000001";
      case "java.lang.String" -> key.replaceAll("[^A-Za-z0-9]", "") + "-1";
      default -> enumConstant(type);
    };
  }

  private String enumConstant(String type) {
    return workspace.findType(type)
        .filter(t -> t instanceof EnumDeclaration e && !e.getEntries().isEmpty())
        .map(t -> ((EnumDeclaration) t).getEntry(0).getNameAsString())
        .orElseThrow(() -> new Refusal(simple(type) + " has no constant ficus can name"));
  }

  private boolean isEnum(String type) {
    return workspace.findType(type).map(t -> t instanceof EnumDeclaration).orElse(false);
  }


  private static List<String> pathVariables(String path) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\\{([^}/+]+)\\+?}").matcher(path);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private String stringMember(AnnotationExpr a, String fallback, String... members) {
    for (String member : members) {
      Optional<String> v = AnnotationValues.member(a, member).flatMap(this::string);
      if (v.isPresent() && !v.get().isEmpty()) {
        return v.get();
      }
    }
    return fallback;
  }

  private Optional<String> string(Expression e) {
    return annotations.strings(e).filter(l -> l.size() == 1).map(l -> l.get(0));
  }

  private static boolean booleanMember(AnnotationExpr a, String member, boolean fallback) {
    Optional<Expression> v = AnnotationValues.member(a, member);
    if (v.isEmpty()) {
      return fallback;
    }
    if (v.get() instanceof BooleanLiteralExpr b) {
      return b.getValue();
    }
    throw new Refusal("@" + a.getNameAsString() + "(" + member + ") is not a literal");
  }

  // ---- the result ----

  private Result result(Framework framework, Type returned) {
    if (returned.isVoidType()) {
      return Result.VOID;
    }
    String name = returned instanceof ClassOrInterfaceType c ? c.getNameAsString().replaceAll(".*\\.", "")
        : returned.asString();
    if (ASYNC_RESULTS.contains(name)) {
      throw new Refusal("the method answers asynchronously (" + name + ")");
    }
    if (STREAM_RESULTS.contains(name)) {
      throw new Refusal("the method returns " + name + ", which the framework writes specially");
    }
    if (name.equals("String")) {
      return Result.TEXT;
    }
    return switch (framework) {
      case SPRING_MVC -> name.equals("ResponseEntity") ? Result.SPRING_RESPONSE_ENTITY : Result.JSON;
      case JAX_RS -> name.equals("Response") || name.equals("RestResponse")
          ? requireJaxRsResponse(name) : Result.JSON;
      case MICRONAUT -> name.equals("HttpResponse") || name.equals("MutableHttpResponse")
          ? Result.MICRONAUT_HTTP_RESPONSE : Result.JSON;
    };
  }

  private static Result requireJaxRsResponse(String name) {
    if (name.equals("RestResponse")) {
      throw new Refusal("the method returns RESTEasy Reactive's RestResponse");
    }
    return Result.JAX_RS_RESPONSE;
  }

  private String produces(Framework framework, TypeDeclaration<?> controller, MethodDeclaration method, Result result) {
    List<String> declared = new ArrayList<>();
    for (NodeWithAnnotations<?> node : List.<NodeWithAnnotations<?>>of(method, controller)) {
      for (AnnotationExpr a : node.getAnnotations()) {
        String id = a.getName().getIdentifier();
        Optional<Expression> v = id.equals("Produces") ? AnnotationValues.member(a, "value")
            : Set.of("GetMapping", "PostMapping", "PutMapping", "DeleteMapping", "PatchMapping",
                "RequestMapping").contains(id) ? AnnotationValues.member(a, "produces")
            : Optional.empty();
        if (v.isPresent() && declared.isEmpty()) {
          declared.addAll(annotations.strings(v.get())
              .or(() -> Optional.of(AnnotationValues.names(v.get()).stream().map(ControllerCalls::mediaConstant).toList()))
              .orElse(List.of()));
        }
      }
    }
    if (declared.size() > 1) {
      throw new Refusal("the method produces several media types (" + String.join(", ", declared) + ")");
    }
    String text = result == Result.TEXT
        ? (framework == Framework.MICRONAUT ? "application/json" : "text/plain")
        : "application/json";
    if (declared.isEmpty()) {
      return text;
    }
    String media = declared.get(0);
    if (result != Result.TEXT && !media.contains("json")) {
      throw new Refusal("the method produces " + media + ", which ficus does not write");
    }
    return media;
  }

  private static String mediaConstant(String constant) {
    return switch (constant) {
      case "APPLICATION_JSON", "APPLICATION_JSON_VALUE" -> "application/json";
      case "TEXT_PLAIN", "TEXT_PLAIN_VALUE" -> "text/plain";
      default -> constant;
    };
  }

  private int status(Framework framework, TypeDeclaration<?> controller, MethodDeclaration method, Result result) {
    String annotation = framework == Framework.MICRONAUT ? "Status" : "ResponseStatus";
    if (framework != Framework.JAX_RS) {
      for (NodeWithAnnotations<?> node : List.<NodeWithAnnotations<?>>of(method, controller)) {
        Optional<AnnotationExpr> a = node.getAnnotations().stream()
            .filter(x -> x.getName().getIdentifier().equals(annotation)).findFirst();
        if (a.isPresent()) {
          if (AnnotationValues.member(a.get(), "reason").isPresent()) {
            throw new Refusal("@ResponseStatus gives a reason, which Spring sends as an error");
          }
          Optional<Expression> v = AnnotationValues.member(a.get(), "value", "code");
          List<String> constants = v.map(AnnotationValues::names).orElse(List.of());
          if (constants.size() != 1 || !HTTP_STATUS.containsKey(constants.get(0))) {
            throw new Refusal("ficus cannot read @" + annotation + " " + a.get());
          }
          return HTTP_STATUS.get(constants.get(0));
        }
      }
    }
    return framework == Framework.JAX_RS && result == Result.VOID ? 204 : 200;
  }

  private static Shape shape(String type) {
    String raw = TypeNames.stripGenerics(type);
    if (type.endsWith("[]") && !type.equals("byte[]")) {
      return Shape.ARRAY;
    }
    return switch (raw) {
      case "java.lang.String", "java.lang.CharSequence", "char", "java.lang.Character",
          "java.util.UUID" -> Shape.STRING;
      case "int", "long", "short", "byte", "double", "float", "java.lang.Integer",
          "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.lang.Double",
          "java.lang.Float", "java.math.BigDecimal", "java.math.BigInteger", "java.lang.Number" -> Shape.NUMBER;
      case "boolean", "java.lang.Boolean" -> Shape.BOOLEAN;
      case "java.lang.Object", "?" -> Shape.ANY;
      default -> {
        if (raw.startsWith("java.util.") && (raw.endsWith("List") || raw.endsWith("Set")
            || raw.equals("java.util.Collection") || raw.endsWith("Queue") || raw.endsWith("Deque"))
            || raw.equals("java.lang.Iterable")) {
          yield Shape.ARRAY;
        }
        if (raw.startsWith("java.time.") || raw.startsWith("java.util.Optional")) {
          yield Shape.ANY;
        }
        yield Shape.OBJECT;
      }
    };
  }

  // ---- types ----

  /** The type fully qualified, as Java source; refuses what ficus cannot name. */
  private String javaType(Type type, Node context) {
    if (type instanceof PrimitiveType p) {
      return p.asString();
    }
    if (type instanceof ArrayType a) {
      return javaType(a.getComponentType(), context) + "[]";
    }
    if (type instanceof WildcardType w) {
      if (w.getExtendedType().isPresent()) {
        return "? extends " + javaType(w.getExtendedType().get(), context);
      }
      if (w.getSuperType().isPresent()) {
        return "? super " + javaType(w.getSuperType().get(), context);
      }
      return "?";
    }
    if (type instanceof ClassOrInterfaceType c) {
      String written = c.getNameWithScope();
      if (isTypeVariable(written, context)) {
        throw new Refusal("the method's types use the type variable " + written);
      }
      String qualified = names.qualify(written, context)
          .orElseThrow(() -> new Refusal("ficus cannot tell which type " + written + " is"));
      StringBuilder out = new StringBuilder(qualified);
      if (c.getTypeArguments().isPresent()) {
        List<String> args = new ArrayList<>();
        for (Type t : c.getTypeArguments().get()) {
          args.add(javaType(t, context));
        }
        if (args.isEmpty()) {
          throw new Refusal("the method's type " + written + "<> leaves its arguments to inference");
        }
        out.append('<').append(String.join(", ", args)).append('>');
      }
      return out.toString();
    }
    throw new Refusal("ficus cannot write the type " + type);
  }

  private static boolean isTypeVariable(String written, Node context) {
    for (Node n = context; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof MethodDeclaration m
          && m.getTypeParameters().stream().anyMatch(p -> p.getNameAsString().equals(written))) {
        return true;
      }
      if (n instanceof ClassOrInterfaceDeclaration c
          && c.getTypeParameters().stream().anyMatch(p -> p.getNameAsString().equals(written))) {
        return true;
      }
    }
    return false;
  }

  // ---- beans ----

  /** A method that makes a bean: Spring {@code @Bean}, CDI {@code @Produces}, a Micronaut factory's. */
  private record BeanMethod(TypeDeclaration<?> factory, MethodDeclaration method, String type, String name) {}

  private List<BeanMethod> beanMethods() {
    if (beanMethods == null) {
      beanMethods = new ArrayList<>();
      for (JavaSource source : workspace.sources()) {
        for (TypeDeclaration<?> type : source.nodes().types()) {
          boolean factory = has(type, "Factory");
          for (MethodDeclaration m : type.getMethods()) {
            boolean cdiProducer = m.getAnnotations().stream().anyMatch(a ->
                a.getName().getIdentifier().equals("Produces")
                    && annotations.qualify(a).map(q -> q.contains(".enterprise.")).orElse(false));
            boolean bean = has(m, "Bean") || cdiProducer
                || factory && (has(m, "Singleton") || has(m, "Prototype") || has(m, "Context"));
            if (!bean || m.getType().isVoidType()) {
              continue;
            }
            Optional<String> returned = names.qualify(m.getType().asString(), m);
            if (returned.isEmpty()) {
              continue;
            }
            String beanName = m.getNameAsString();
            for (AnnotationExpr a : m.getAnnotations()) {
              if (Set.of("Bean", "Named").contains(a.getName().getIdentifier())) {
                Optional<String> v = AnnotationValues.member(a, "value", "name").flatMap(this::string);
                if (v.isPresent()) {
                  beanName = v.get();
                }
              }
            }
            beanMethods.add(new BeanMethod(type, m, returned.get(), beanName));
          }
        }
      }
    }
    return beanMethods;
  }

  private Set<String> subtypesOf(String type) {
    if (subtypes == null) {
      subtypes = new TreeMap<>();
      for (Map.Entry<String, TypeDeclaration<?>> e : new TreeMap<>(workspace.types().all()).entrySet()) {
        for (String s : hierarchy.allSupertypeNames(e.getValue())) {
          subtypes.computeIfAbsent(s, k -> new TreeSet<>()).add(e.getKey());
        }
      }
    }
    Set<String> out = new TreeSet<>();
    java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>(List.of(type));
    while (!queue.isEmpty() && out.size() < 256) {
      for (String sub : subtypes.getOrDefault(queue.removeFirst(), Set.of())) {
        if (out.add(sub)) {
          queue.addLast(sub);
        }
      }
    }
    return out;
  }

  /** Builds the Java expression that creates a controller with its dependencies. */
  private final class Wiring {
    private final Framework framework;
    private final String handlerPackage;
    private final Set<String> classes = new TreeSet<>();
    private final LinkedHashSet<String> building = new LinkedHashSet<>();

    Wiring(Framework framework, String handlerPackage) {
      this.framework = framework;
      this.handlerPackage = handlerPackage;
    }

    String controller(TypeDeclaration<?> controller, boolean standIns) {
      return construct(controller, standIns, 0);
    }

    /** A new instance of a repository class, its constructor's and fields' dependencies wired. */
    private String construct(TypeDeclaration<?> type, boolean standIns, int depth) {
      String name = type.getFullyQualifiedName().orElseThrow();
      if (!(type instanceof ClassOrInterfaceDeclaration c) || c.isInterface() || c.isAbstract()) {
        throw new Refusal(simple(name) + " is not a concrete class");
      }
      if (!type.isTopLevelType()) {
        throw new Refusal(simple(name) + " is a nested class");
      }
      if (depth > MAX_DEPTH || !building.add(name)) {
        throw new Refusal("the dependencies of " + simple(name) + " form a cycle or go too deep");
      }
      classes.add(name);
      for (TypeDeclaration<?> t : hierarchy.ancestry(type)) {
        if (t != type && t instanceof ClassOrInterfaceDeclaration) {
          classes.add(t.getFullyQualifiedName().orElse(name));
        }
        for (AnnotationExpr a : t.getAnnotations()) {
          String id = a.getName().getIdentifier();
          if (INTERCEPTED.contains(id) || CONDITIONAL.contains(id)) {
            throw new Refusal("@" + id + " on " + t.getNameAsString() + " asks the framework for more than a new instance");
          }
        }
        for (MethodDeclaration m : t.getMethods()) {
          for (AnnotationExpr a : m.getAnnotations()) {
            String id = a.getName().getIdentifier();
            if (INTERCEPTED.contains(id) || id.equals("Inject") || id.equals("Autowired")) {
              throw new Refusal("@" + id + " on " + t.getNameAsString() + "#" + m.getNameAsString()
                  + " asks the framework for more than a new instance");
            }
          }
        }
      }
      ConstructorDeclaration constructor = constructorOf(type);
      List<String> arguments = new ArrayList<>();
      if (constructor != null) {
        for (Parameter p : constructor.getParameters()) {
          arguments.add(dependency(p.getType(), p.getAnnotations(),
              "the parameter " + p.getNameAsString() + " of " + simple(name) + "'s constructor",
              constructor, standIns, depth));
        }
      }
      boolean direct = accessible(type) && (constructor == null || constructor.isPublic()
          || !constructor.isPrivate() && packageOf(name).equals(handlerPackage));
      String expression = direct
          ? "new " + name + "(" + String.join(", ", arguments) + ")"
          : ControllerCall.CREATE + "(\"" + name + "\"" + arguments.stream().map(a -> ", " + a).reduce("", String::concat) + ")";
      for (TypeDeclaration<?> t : hierarchy.ancestry(type)) {
        if (!(t instanceof ClassOrInterfaceDeclaration d) || d.isInterface()) {
          continue;
        }
        for (FieldDeclaration f : t.getFields()) {
          boolean injected = has(f, "Inject") || has(f, "Autowired");
          for (AnnotationExpr a : f.getAnnotations()) {
            String id = a.getName().getIdentifier();
            if (CONFIGURATION.contains(id)) {
              throw new Refusal("the field " + simple(name) + "." + f.getVariable(0).getNameAsString()
                  + " is a configuration property (" + written(a) + ")");
            }
            if (!injected && Set.of("Resource", "PersistenceContext", "RestClient", "Context",
                "Channel", "Client", "Inject", "Autowired", "EJB").contains(id)) {
              throw new Refusal("@" + id + " on " + simple(name) + "." + f.getVariable(0).getNameAsString());
            }
          }
          if (!injected) {
            continue;
          }
          if (f.isStatic() || f.getVariables().size() != 1) {
            throw new Refusal("injected field of " + simple(name) + " is static or shared");
          }
          String field = f.getVariable(0).getNameAsString();
          String value = dependency(f.getElementType(), f.getAnnotations(),
              "the field " + simple(name) + "." + field, f, standIns, depth);
          expression = ControllerCall.INJECT + "(" + expression + ", \"" + field + "\", " + value + ")";
        }
      }
      building.remove(name);
      return expression;
    }

    private ConstructorDeclaration constructorOf(TypeDeclaration<?> type) {
      List<ConstructorDeclaration> constructors = type.getConstructors();
      if (constructors.isEmpty()) {
        return null;
      }
      List<ConstructorDeclaration> marked = constructors.stream()
          .filter(c -> has(c, "Inject") || has(c, "Autowired") || has(c, "Creator")).toList();
      if (marked.size() == 1) {
        return marked.get(0);
      }
      if (marked.size() > 1) {
        throw new Refusal(type.getNameAsString() + " marks several constructors for injection");
      }
      if (constructors.size() == 1) {
        return constructors.get(0);
      }
      return constructors.stream().filter(c -> c.getParameters().isEmpty()).findFirst()
          .orElseThrow(() -> new Refusal(type.getNameAsString()
              + " has several constructors and none marked for injection"));
    }

    /** The expression for one injection point. */
    private String dependency(
        Type declared, List<AnnotationExpr> marks, String name, Node context, boolean standIn,
        int depth) {
      String qualifier = null;
      for (AnnotationExpr a : marks) {
        String id = a.getName().getIdentifier();
        if (CONFIGURATION.contains(id)) {
          throw new Refusal(name + " is a configuration property (" + written(a) + ")");
        }
        if (id.equals("Qualifier") || id.equals("Named")) {
          qualifier = AnnotationValues.member(a, "value").flatMap(ControllerCalls.this::string)
              .orElseThrow(() -> new Refusal("ficus cannot read the qualifier of " + name));
        } else if (!Set.of("Inject", "Autowired", "Nullable", "NonNull", "Nonnull", "Lazy")
            .contains(id)) {
          throw new Refusal("@" + id + " on " + name);
        }
        if (id.equals("Lazy")) {
          throw new Refusal(name + " is @Lazy (a proxy)");
        }
      }
      if (declared instanceof PrimitiveType) {
        throw new Refusal(name + " is a " + declared + " the framework supplies");
      }
      String type = TypeNames.stripGenerics(javaType(declared, context));
      if (Set.of("java.lang.String", "java.util.Optional", "java.util.List", "java.util.Set",
          "java.util.Collection", "java.util.Map", "jakarta.inject.Provider", "javax.inject.Provider",
          "jakarta.enterprise.inject.Instance", "javax.enterprise.inject.Instance",
          "org.springframework.beans.factory.ObjectProvider", "io.micronaut.context.BeanProvider")
          .contains(type) || type.startsWith("java.lang.")) {
        throw new Refusal(name + " is a " + simple(type) + ", which the framework supplies");
      }
      if (standIn) {
        return ControllerCall.STAND_IN + "(\"" + binaryName(type) + "\")";
      }
      return bean(type, qualifier, depth + 1);
    }

    private String bean(String type, String qualifier, int depth) {
      List<String> candidates = new ArrayList<>();
      List<BeanMethod> methods = new ArrayList<>();
      for (BeanMethod m : beanMethods()) {
        if (m.type().equals(type) && (qualifier == null || m.name().equals(qualifier))) {
          methods.add(m);
          candidates.add(m.factory().getNameAsString() + "#" + m.method().getNameAsString());
        }
      }
      List<TypeDeclaration<?>> classesOfType = new ArrayList<>();
      List<String> all = new ArrayList<>();
      all.add(type);
      all.addAll(subtypesOf(type));
      for (String c : all) {
        Optional<TypeDeclaration<?>> t = workspace.findType(c);
        if (t.isEmpty() || !(t.get() instanceof ClassOrInterfaceDeclaration d) || d.isInterface()
            || d.isAbstract() || !isBeanClass(t.get())) {
          continue;
        }
        if (qualifier != null && !beanNames(t.get()).contains(qualifier)) {
          continue;
        }
        classesOfType.add(t.get());
        candidates.add(t.get().getNameAsString());
      }
      if (candidates.isEmpty()) {
        throw new Refusal("nothing in the repository makes the " + simple(type)
            + (qualifier == null ? "" : " named " + qualifier) + " the framework injects");
      }
      if (candidates.size() > 1) {
        List<TypeDeclaration<?>> primary = classesOfType.stream().filter(t -> has(t, "Primary")).toList();
        List<BeanMethod> primaryMethods = methods.stream().filter(m -> has(m.method(), "Primary")).toList();
        if (primary.size() + primaryMethods.size() != 1) {
          throw new Refusal(candidates.size() + " beans are a " + simple(type) + " ("
              + String.join(", ", candidates) + ")");
        }
        classesOfType = primary;
        methods = primaryMethods;
      }
      if (!methods.isEmpty()) {
        return beanFromMethod(methods.get(0), depth);
      }
      TypeDeclaration<?> chosen = classesOfType.get(0);
      Scope scope = scopeOf(chosen.getAnnotations(), chosen.getNameAsString());
      String made = construct(chosen, false, depth);
      String name = chosen.getFullyQualifiedName().orElseThrow();
      return scope == Scope.SHARED ? ControllerCall.BEAN + "(\"" + name + "\", () -> " + made + ")" : made;
    }

    private String beanFromMethod(BeanMethod bean, int depth) {
      MethodDeclaration m = bean.method();
      String where = bean.factory().getNameAsString() + "#" + m.getNameAsString();
      for (AnnotationExpr a : m.getAnnotations()) {
        String id = a.getName().getIdentifier();
        if (INTERCEPTED.contains(id) || CONDITIONAL.contains(id)) {
          throw new Refusal("@" + id + " on " + where + " asks the framework for more than a call");
        }
        if (id.equals("Bean") && (AnnotationValues.member(a, "initMethod").isPresent()
            || AnnotationValues.member(a, "preDestroy").isPresent())) {
          throw new Refusal(where + " names an init method");
        }
      }
      boolean accessible = accessible(bean.factory()) && (m.isPublic()
          || !m.isPrivate() && packageOf(bean.factory().getFullyQualifiedName().orElse("")).equals(handlerPackage));
      if (!accessible) {
        throw new Refusal("the handler's package cannot call " + where);
      }
      List<String> arguments = new ArrayList<>();
      for (Parameter p : m.getParameters()) {
        arguments.add(dependency(p.getType(), p.getAnnotations(),
            "the parameter " + p.getNameAsString() + " of " + where, m, false, depth));
      }
      String factoryName = bean.factory().getFullyQualifiedName().orElseThrow();
      String receiver;
      if (m.isStatic()) {
        receiver = factoryName;
        classes.add(factoryName);
      } else {
        Scope factoryScope = Scope.SHARED;
        String made = construct(bean.factory(), false, depth + 1);
        receiver = factoryScope == Scope.SHARED
            ? "((" + factoryName + ") " + ControllerCall.BEAN + "(\"" + factoryName + "\", () -> " + made + "))"
            : made;
      }
      Scope scope = scopeOf(m.getAnnotations(), where);
      String call = receiver + "." + m.getNameAsString() + "(" + String.join(", ", arguments) + ")";
      return scope == Scope.SHARED
          ? ControllerCall.BEAN + "(\"" + factoryName + "#" + m.getNameAsString() + "\", () -> " + call + ")"
          : call;
    }

    private enum Scope { SHARED, NEW }

    private Scope scopeOf(List<AnnotationExpr> marks, String where) {
      for (AnnotationExpr a : marks) {
        String id = a.getName().getIdentifier();
        switch (id) {
          case "RequestScoped", "SessionScoped", "RequestScope", "SessionScope", "Refreshable",
              "RefreshScope", "ThreadLocal", "ConversationScoped", "ApplicationScope" ->
              throw new Refusal(where + " is @" + id + ", a scope ficus does not reproduce");
          case "Prototype", "Dependent" -> {
            return Scope.NEW;
          }
          case "Scope" -> {
            List<String> v = AnnotationValues.member(a, "value", "scopeName")
                .flatMap(e -> annotations.strings(e)).orElse(List.of("?"));
            if (v.equals(List.of("prototype"))) {
              return Scope.NEW;
            }
            if (!v.equals(List.of("singleton"))) {
              throw new Refusal(where + " is @Scope(" + String.join(",", v) + ")");
            }
          }
          default -> { }
        }
      }
      if (framework == Framework.JAX_RS && marks.stream().noneMatch(a -> Set.of("ApplicationScoped",
          "Singleton").contains(a.getName().getIdentifier()))) {
        return Scope.NEW; // CDI's default pseudo-scope is @Dependent
      }
      if (framework == Framework.MICRONAUT && marks.stream().anyMatch(a -> a.getName().getIdentifier().equals("Bean"))
          && marks.stream().noneMatch(a -> Set.of("Singleton", "Context").contains(a.getName().getIdentifier()))) {
        return Scope.NEW;
      }
      return Scope.SHARED;
    }

    private boolean accessible(TypeDeclaration<?> type) {
      String name = type.getFullyQualifiedName().orElse("");
      return type.isPublic() || packageOf(name).equals(handlerPackage);
    }
  }

  private boolean isBeanClass(TypeDeclaration<?> type) {
    return type.getAnnotations().stream().anyMatch(a -> BEAN_CLASSES.contains(a.getName().getIdentifier()));
  }

  private Set<String> beanNames(TypeDeclaration<?> type) {
    Set<String> out = new TreeSet<>();
    String simple = type.getNameAsString();
    out.add(Character.toLowerCase(simple.charAt(0)) + simple.substring(1));
    for (AnnotationExpr a : type.getAnnotations()) {
      if (BEAN_CLASSES.contains(a.getName().getIdentifier()) || a.getName().getIdentifier().equals("Named")
          || a.getName().getIdentifier().equals("Qualifier")) {
        AnnotationValues.member(a, "value").flatMap(this::string).ifPresent(out::add);
      }
    }
    return out;
  }

  /** An annotation as written, shortened: {@code @Value("${table}")}. */
  private static String written(AnnotationExpr a) {
    String text = a.toString().replaceAll("\\s+", " ");
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }

  private static boolean has(NodeWithAnnotations<?> node, String simpleName) {
    return node.getAnnotations().stream().anyMatch(a -> a.getName().getIdentifier().equals(simpleName));
  }

  private String binaryName(String qualified) {
    // Nested repository types are named Outer$Inner by Class.forName.
    String name = qualified;
    while (name.contains(".")) {
      int dot = name.lastIndexOf('.');
      String outer = name.substring(0, dot);
      if (workspace.findType(outer).isPresent()) {
        return outer + "$" + qualified.substring(dot + 1).replace('.', '$');
      }
      name = outer;
    }
    return qualified;
  }

  private static String simple(String qualified) {
    String raw = TypeNames.stripGenerics(qualified);
    return raw.substring(raw.lastIndexOf('.') + 1);
  }

  private static String packageOf(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot < 0 ? "" : qualified.substring(0, dot);
  }

  private static Map<String, Integer> httpStatuses() {
    Map<String, Integer> m = new TreeMap<>();
    Object[][] table = {
      {"CONTINUE", 100}, {"OK", 200}, {"CREATED", 201}, {"ACCEPTED", 202},
      {"NON_AUTHORITATIVE_INFORMATION", 203}, {"NO_CONTENT", 204}, {"RESET_CONTENT", 205},
      {"PARTIAL_CONTENT", 206}, {"MULTIPLE_CHOICES", 300}, {"MOVED_PERMANENTLY", 301},
      {"FOUND", 302}, {"SEE_OTHER", 303}, {"NOT_MODIFIED", 304}, {"TEMPORARY_REDIRECT", 307},
      {"PERMANENT_REDIRECT", 308}, {"BAD_REQUEST", 400}, {"UNAUTHORIZED", 401},
      {"PAYMENT_REQUIRED", 402}, {"FORBIDDEN", 403}, {"NOT_FOUND", 404},
      {"METHOD_NOT_ALLOWED", 405}, {"NOT_ACCEPTABLE", 406}, {"CONFLICT", 409}, {"GONE", 410},
      {"PRECONDITION_FAILED", 412}, {"UNSUPPORTED_MEDIA_TYPE", 415},
      {"UNPROCESSABLE_ENTITY", 422}, {"TOO_MANY_REQUESTS", 429},
      {"INTERNAL_SERVER_ERROR", 500}, {"NOT_IMPLEMENTED", 501}, {"BAD_GATEWAY", 502},
      {"SERVICE_UNAVAILABLE", 503}, {"GATEWAY_TIMEOUT", 504}};
    for (Object[] row : table) {
      m.put((String) row[0], (Integer) row[1]);
    }
    return Map.copyOf(m);
  }
}
