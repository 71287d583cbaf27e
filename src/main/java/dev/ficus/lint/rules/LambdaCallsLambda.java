package dev.ficus.lint.rules;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.ficus.lint.Rule;
import dev.ficus.lint.RuleContext;
import dev.ficus.lint.code.Apis;
import dev.ficus.lint.code.Requests;
import dev.ficus.lint.code.SdkCall;
import dev.ficus.lint.code.SdkCalls;
import dev.ficus.lint.code.Values;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.EnvBinding;
import dev.ficus.model.Finding;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A function that calls another function and waits for it: a synchronous Lambda {@code Invoke},
 * or an HTTP call to an API of the same application. The caller is billed while it waits, its
 * timeout must cover the callee's, and errors and throttles of one cascade into the other.
 */
public final class LambdaCallsLambda implements Rule {

  @Override
  public String id() {
    return "lambda-calls-lambda";
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "A function synchronously invokes another function, or calls its own application's API"
        + " over HTTP, and waits for the answer.";
  }

  @Override
  public String advice() {
    return "Put an SQS queue between the two functions, or let Step Functions call both in turn.";
  }

  @Override
  public List<Finding> check(RuleContext context) {
    SdkCalls sdk = context.sdkCalls();
    List<Finding> findings = new ArrayList<>();
    for (CallableDeclaration<?> method : context.callables()) {
      // A local or anonymous class's method is visited on its own.
      for (MethodCallExpr call : context.callsOf(method)) {
        Optional<SdkCall> sdkCall = sdk.classify(call);
        if (sdkCall.isPresent()) {
          syncInvoke(context, sdkCall.get(), method).ifPresent(findings::add);
          continue;
        }
        httpToOwnApi(context, sdk, call, method).ifPresent(findings::add);
      }
    }
    return findings;
  }

  private Optional<Finding> syncInvoke(RuleContext context, SdkCall call, CallableDeclaration<?> method) {
    if (!call.service().equals("lambda")
        || !(call.operation().equals("invoke") || call.operation().equals("invokeWithResponseStream"))
        || !call.blocking()) {
      return Optional.empty();
    }
    String type = "RequestResponse";
    for (Expression value : Requests.property(call.call(), "invocationType")) {
      String text = Values.literal(value).orElse(value.toString()).toLowerCase(Locale.ROOT);
      if (text.contains("event")) {
        return Optional.empty(); // asynchronous: the caller does not wait (see the rule's docs)
      }
      if (text.contains("dry")) {
        return Optional.empty(); // a permission check, nothing runs
      }
      if (!text.contains("request")) {
        return Optional.empty(); // decided at run time: not provably synchronous
      }
    }
    String target = targetName(context, call);
    String how =
        call.async() ? "joins an asynchronous Lambda invoke of " : "synchronously invokes (" + type + ") ";
    return Optional.of(
        context.findingAt(
            this,
            call.call(),
            severity(),
            "`"
                + RuleContext.displayName(method)
                + "` "
                + how
                + target
                + " with `"
                + call.text()
                + "` and waits for its answer, paying for both functions meanwhile."));
  }

  /** The function invoked, as precisely as it is known. */
  private static String targetName(RuleContext context, SdkCall call) {
    for (AwsEffect e : context.effectsAt(context.workspace().ref(call.call()))) {
      if (e.resource().name() != null) {
        return "function `" + e.resource().name() + "`";
      }
    }
    for (Expression value : Requests.property(call.call(), "functionName")) {
      Optional<String> literal = Values.literal(value);
      if (literal.isPresent()) {
        return "function `" + literal.get() + "`";
      }
      Set<String> env = Values.envVars(value);
      if (!env.isEmpty()) {
        String var = env.iterator().next();
        for (LambdaFunction f : context.functions()) {
          for (EnvBinding b : f.environment()) {
            if (b.name().equals(var) && b.kind() != EnvBinding.Kind.LITERAL) {
              String id = b.value().contains(".") ? b.value().substring(0, b.value().indexOf('.')) : b.value();
              if (context.function(id).isPresent()) {
                return "function `" + id + "` (from env " + var + ")";
              }
            }
          }
        }
        return "the function named by env " + var;
      }
    }
    return "another function";
  }

  private Optional<Finding> httpToOwnApi(
      RuleContext context, SdkCalls sdk, MethodCallExpr call, CallableDeclaration<?> method) {
    Optional<Apis.HttpCall> http = Apis.httpCall(sdk, call);
    if (http.isEmpty()) {
      return Optional.empty();
    }
    Set<String> env = Values.envVars(http.get().request());
    if (env.isEmpty()) {
      return Optional.empty();
    }
    RuleContext.Owner owner =
        RuleContext.methodKey(call).map(context::ownerOf).orElse(new RuleContext.Owner(null, null));
    List<LambdaFunction> candidates =
        owner.function() != null
            ? context.function(owner.function()).map(List::of).orElse(List.of())
            : context.functions();
    for (LambdaFunction f : candidates) {
      Set<String> apis = Apis.apisOf(f);
      for (EnvBinding b : f.environment()) {
        if (!env.contains(b.name())) {
          continue;
        }
        Optional<String> api = Apis.referencedApi(b, apis);
        if (api.isPresent()) {
          return Optional.of(
              context.findingAt(
                  this,
                  call,
                  severity(),
                  "`"
                      + RuleContext.displayName(method)
                      + "` calls API `"
                      + api.get()
                      + "` of its own application over HTTP ("
                      + http.get().client()
                      + ", URL from env "
                      + b.name()
                      + ") and waits while another invocation of the stack serves it."));
        }
      }
    }
    return Optional.empty();
  }
}
