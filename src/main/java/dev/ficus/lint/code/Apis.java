package dev.ficus.lint.code;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.ficus.model.EnvBinding;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Trigger;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * HTTP calls in code and the APIs a function serves in the IaC: together they tell when a function
 * calls back into its own application over HTTP.
 */
public final class Apis {

  private static final Set<String> REST_TEMPLATE_CALLS =
      Set.of(
          "getForObject", "getForEntity", "postForObject", "postForEntity", "postForLocation",
          "exchange", "put", "delete", "patchForObject", "execute", "headForHeaders",
          "optionsForAllow");

  private Apis() {}

  /**
   * A blocking HTTP call.
   *
   * @param client the client's simple name, for messages
   * @param request the node the URL is read from
   */
  public record HttpCall(String client, Node request) {}

  public static Optional<HttpCall> httpCall(SdkCalls types, MethodCallExpr call) {
    String name = call.getNameAsString();
    Optional<Expression> scope = call.getScope();
    if (scope.isEmpty()) {
      return Optional.empty();
    }
    if ((name.equals("send") || name.equals("sendAsync")) && call.getArguments().size() >= 1) {
      if (isType(types, scope.get(), "java.net.http.HttpClient")
          && (name.equals("send") || joined(call))) {
        return Optional.of(new HttpCall("HttpClient", call.getArgument(0)));
      }
    }
    if (REST_TEMPLATE_CALLS.contains(name)
        && call.getArguments().size() >= 1
        && isType(types, scope.get(), "org.springframework.web.client.RestTemplate")) {
      return Optional.of(new HttpCall("RestTemplate", call.getArgument(0)));
    }
    if (name.equals("block") || name.equals("blockOptional")) {
      Expression root = scope.get();
      while (root instanceof MethodCallExpr m && m.getScope().isPresent()) {
        root = m.getScope().get();
      }
      if (isType(types, root, "org.springframework.web.reactive.function.client.WebClient")) {
        return Optional.of(new HttpCall("WebClient", call));
      }
    }
    if (name.equals("execute")
        && scope.get() instanceof MethodCallExpr newCall
        && newCall.getNameAsString().equals("newCall")
        && newCall.getArguments().size() == 1
        && newCall.getScope().filter(s -> isType(types, s, "okhttp3.OkHttpClient")).isPresent()) {
      return Optional.of(new HttpCall("OkHttp", newCall.getArgument(0)));
    }
    return Optional.empty();
  }

  private static boolean joined(MethodCallExpr call) {
    return call.getParentNode()
        .filter(p -> p instanceof MethodCallExpr m && m.getNameAsString().equals("join"))
        .isPresent();
  }

  private static boolean isType(SdkCalls types, Expression receiver, String qualified) {
    return types.receiverType(receiver).filter(qualified::equals).isPresent();
  }

  /** Logical ids of the APIs whose events trigger the function (SAM's implicit ones included). */
  public static Set<String> apisOf(LambdaFunction function) {
    Set<String> apis = new TreeSet<>();
    for (Trigger t : function.apiTriggers()) {
      String explicit = null;
      for (Map.Entry<String, String> p : t.properties().entrySet()) {
        if (p.getKey().equals("RestApiId") || p.getKey().equals("ApiId")) {
          explicit = identifier(p.getValue());
        }
      }
      if (explicit != null) {
        apis.add(explicit);
      } else if (t.kind().equals("HttpApi")) {
        apis.add("ServerlessHttpApi");
      } else {
        apis.add("ServerlessRestApi");
      }
    }
    return apis;
  }

  /** The API of {@code apis} an environment variable's value refers to, if any. */
  public static Optional<String> referencedApi(EnvBinding binding, Set<String> apis) {
    if (binding.kind() == EnvBinding.Kind.LITERAL || binding.kind() == EnvBinding.Kind.PARAMETER) {
      return Optional.empty();
    }
    for (String api : apis) {
      if (Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(api) + "(?![A-Za-z0-9])")
          .matcher(binding.value())
          .find()) {
        return Optional.of(api);
      }
    }
    return Optional.empty();
  }

  /** {@code !Ref MyApi}, {@code {Ref=MyApi}}, {@code MyApi} all give {@code MyApi}. */
  private static String identifier(String value) {
    var m = Pattern.compile("[A-Za-z][A-Za-z0-9]*").matcher(value.replace("Ref", " ").replace("Fn::GetAtt", " "));
    String last = null;
    while (m.find()) {
      last = m.group();
      break;
    }
    return last;
  }
}
