package dev.ficus.routes;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import dev.ficus.routes.DispatchInterpreter.Frame;
import dev.ficus.routes.DispatchInterpreter.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a branch of the dispatch does: the method it delegates to, looking through response
 * helpers ({@code ok(service.find(id))} is {@code Service#find}), and whether it only answers an
 * error (404, 405, a throw), in which case it serves no route.
 */
final class DispatchDelegates {

  private static final Pattern HELPER = Pattern.compile(
      "(?i)(ok|created|accepted|noContent|notFound|badRequest|unauthorized|forbidden|conflict|"
          + "error|serverError|internalError|internalServerError|methodNotAllowed|notAllowed|"
          + "unsupported|respond|response|reply|json|toJson|writeValueAsString|serialize|"
          + "build|buildResponse|createResponse|makeResponse|newResponse|failure|fail|"
          + "withStatus|(?-i:with[A-Z]\\w*)|send|render|toResponse|asResponse|httpResponse|apiResponse|"
          + "jsonResponse|text|html|cors|log|logRequest|logResponse|logEvent|trace|debug|info|warn|body|parseBody|toBody|fromBody|readBody|"
          + "pathParam|pathParameter|queryParam|header)");

  private static final Pattern ERROR_TEXT = Pattern.compile(
      "(?i)(not ?found|not_found|not ?allowed|not_allowed|unsupported|unknown (route|path|"
          + "method|resource|endpoint|operation)|no (such )?(route|handler|resource|endpoint)|"
          + "invalid (route|path|method)|unhandled|SC_NOT_FOUND|METHOD_NOT_ALLOWED|"
          + "\\b(SC_|HTTP_)?(BAD_REQUEST|UNAUTHORIZED|FORBIDDEN|NOT_ACCEPTABLE|CONFLICT|GONE|BAD_METHOD|"
          + "UNSUPPORTED_MEDIA_TYPE|INTERNAL_SERVER_ERROR|INTERNAL_ERROR|NOT_IMPLEMENTED|UNAVAILABLE)\\b)"
          + "|\\b(40[0-9]|50[0-9])\\b");

  private final DispatchInterpreter interpreter;
  /** Methods of a {@code ?:} whose two sides delegate differently, met by the last delegate(). */
  private final List<String> alternatives = new ArrayList<>();

  DispatchDelegates(DispatchInterpreter interpreter) {
    this.interpreter = interpreter;
  }

  /** What a branch does: the method it delegates to (null when inline) and whether it is an error. */
  record Served(String handler, boolean error) {}

  /**
   * The method the branch delegates to: the call whose result is returned (looking through
   * response helpers such as {@code ok(...)}), else the single call the branch makes. A branch
   * that only answers an error (404, 405, a throw) serves no route.
   */
  Served served(List<Node> leafCode, Frame frame) {
    String returned = null;
    List<String> all = new ArrayList<>();
    boolean throwsLast = false;
    StringBuilder text = new StringBuilder();
    for (Node node : leafCode) {
      boolean inCatch = node.getParentNode().filter(p -> p instanceof com.github.javaparser.ast.stmt.CatchClause).isPresent();
      if (!inCatch) {
        text.append(interpreter.text(node)).append('\n');
      }
      throwsLast = node instanceof ThrowStmt;
      Expression e = null;
      boolean result = false;
      if (node instanceof ReturnStmt r) {
        e = r.getExpression().orElse(null);
        result = true;
      } else if (node instanceof YieldStmt y) {
        e = y.getExpression();
        result = true;
      } else if (node instanceof ExpressionStmt es) {
        e = es.getExpression();
        result = es.getParentNode().filter(SwitchEntry.class::isInstance).isPresent();
      } else if (node instanceof Expression ex) {
        e = ex;
        result = true;
      } else if (node instanceof MethodDeclaration referenced && referenced.getBody().isPresent()) {
        // A dispatch table's method reference, resolved: the branch runs that method.
        Target target = new Target(DispatchInterpreter.enclosingType(referenced), referenced);
        if (!helper(target, frame)) {
          String name = qualifiedName(target);
          if (!all.contains(name)) {
            all.add(name);
          }
          returned = name;
        }
        continue;
      }
      if (e == null) {
        continue;
      }
      Optional<String> d = delegate(e, frame, 0);
      for (String alternative : alternatives) {
        if (!all.contains(alternative)) {
          all.add(alternative);
        }
      }
      alternatives.clear();
      if (d.isPresent()) {
        if (!all.contains(d.get())) {
          all.add(d.get());
        }
        if (result) {
          returned = d.get();
        }
      }
    }
    String handler = returned != null ? returned : all.size() == 1 ? all.get(0) : null;
    boolean works = leafCode.stream().anyMatch(n -> n instanceof MethodCallExpr || n instanceof ObjectCreationExpr
        || n instanceof MethodReferenceExpr || n instanceof LambdaExpr
        || !n.findAll(MethodCallExpr.class).isEmpty() || !n.findAll(ObjectCreationExpr.class).isEmpty());
    boolean error = all.isEmpty()
        && (!works || throwsLast || errorText(text.toString()) || errorStatus(leafCode, frame));
    return new Served(handler, error);
  }

  /** Whether a branch's text reads as an error answer; the same branch text recurs per candidate route. */
  private boolean errorText(String text) {
    return interpreter.shared().errorTexts.computeIfAbsent(text, t -> ERROR_TEXT.matcher(t).find());
  }

  /**
   * True when a call of the branch passes a 4xx/5xx status, written as a literal or a constant the
   * interpreter can read ({@code write(out, 405, …)}, {@code respond(Codes.GONE, …)}).
   */
  private boolean errorStatus(List<Node> leafCode, Frame frame) {
    for (Node node : leafCode) {
      for (MethodCallExpr call : node.findAll(MethodCallExpr.class)) {
        for (Expression a : call.getArguments()) {
          if (a.isIntegerLiteralExpr() || a.isNameExpr() || a.isFieldAccessExpr()) {
            Object v = interpreter.evaluate(a, frame.copy()).value();
            if (v instanceof Integer status && status >= 400 && status < 600) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private Optional<String> delegate(Expression expression, Frame frame, int level) {
    if (level > 12) {
      return Optional.empty();
    }
    Expression e = DispatchInterpreter.unwrap(expression);
    if (e instanceof MethodCallExpr call) {
      Optional<Target> target = interpreter.resolveCall(call, frame);
      if (target.isPresent() && !helper(target.get(), frame)
          && !(ownHelper(target.get(), frame) && wrapsCall(call, frame, level))) {
        return Optional.of(qualifiedName(target.get()));
      }
      if (call.getScope().isPresent()) {
        Optional<String> d = delegate(call.getScope().get(), frame, level + 1);
        if (d.isPresent()) {
          return d;
        }
      }
      for (Expression a : call.getArguments()) {
        Optional<String> d = delegate(a, frame, level + 1);
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    if (e instanceof ObjectCreationExpr oce) {
      for (Expression a : oce.getArguments()) {
        Optional<String> d = delegate(a, frame, level + 1);
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    if (e instanceof MethodReferenceExpr ref) {
      return methodReference(ref, frame);
    }
    if (e instanceof LambdaExpr lambda) {
      Frame inner = frame.copy();
      for (Parameter p : lambda.getParameters()) {
        inner.types.put(p.getNameAsString(), p.getTypeAsString());
      }
      if (lambda.getExpressionBody().isPresent()) {
        return delegate(lambda.getExpressionBody().get(), inner, level + 1);
      }
      if (lambda.getBody() instanceof BlockStmt block) {
        List<Node> statements = new ArrayList<>(block.getStatements());
        return Optional.ofNullable(served(statements, inner).handler());
      }
      return Optional.empty();
    }
    if (e instanceof ConditionalExpr cond) {
      // `service.delete(id) ? noContent() : error(404)`: the work is wherever a part delegates;
      // `q ? service.byStatus(q) : service.all()` delegates to two methods, so to neither alone.
      Optional<String> test = delegate(cond.getCondition(), frame, level + 1);
      if (test.isPresent()) {
        return test;
      }
      Optional<String> then = delegate(cond.getThenExpr(), frame, level + 1);
      Optional<String> otherwise = delegate(cond.getElseExpr(), frame, level + 1);
      if (then.isPresent() && otherwise.isPresent() && !then.equals(otherwise)) {
        alternatives.add(then.get());
        alternatives.add(otherwise.get());
        return Optional.empty();
      }
      return then.or(() -> otherwise);
    }
    if (e instanceof AssignExpr assign) {
      return delegate(assign.getValue(), frame, level + 1);
    }
    if (e instanceof VariableDeclarationExpr decl && decl.getVariables().size() == 1) {
      VariableDeclarator v = decl.getVariable(0);
      frame.types.putIfAbsent(v.getNameAsString(), v.getTypeAsString());
      return v.getInitializer().flatMap(i -> delegate(i, frame, level + 1));
    }
    return Optional.empty();
  }

  private static final Pattern HELPER_TYPE = Pattern.compile(
      "(?i).*(response|result|http|json|util|utils|helper|helpers|reply|api|web|lambda|gateway)s?");

  /**
   * A response or parsing helper ({@code ok(...)}, {@code Responses.notFound()}): a helper name on
   * the dispatching class itself or on a utility-looking class, never a service's own method.
   */
  private boolean helper(Target target, Frame frame) {
    if (responseWriter(DispatchInterpreter.enclosingType(target.method()))) {
      return true;
    }
    if (!HELPER.matcher(target.method().getNameAsString()).matches()) {
      return false;
    }
    TypeDeclaration<?> declaring = DispatchInterpreter.enclosingType(target.method());
    return ownHelper(target, frame)
        || declaring != null && HELPER_TYPE.matcher(declaring.getNameAsString()).matches();
  }

  private static final Pattern RESPONSE_TYPE = Pattern.compile(
      "(OutputStream|Writer|PrintWriter|PrintStream|\\w*Response(Event|Entity)?|\\w*HttpResponse\\w*)");

  /**
   * A class whose every method writes a response to a stream or builds one from a status: a response writer,
   * however it and its methods are named ({@code Wire.send(out, mapper, 200, body)}).
   */
  private static boolean responseWriter(TypeDeclaration<?> declaring) {
    if (declaring == null || declaring.getMethods().isEmpty()) {
      return false;
    }
    for (MethodDeclaration m : declaring.getMethods()) {
      // Writes one (takes the stream or response), or builds one from a status it is given;
      // a controller that turns a request into a response is neither.
      boolean writes = m.getParameters().stream()
          .anyMatch(p -> RESPONSE_TYPE.matcher(simpleName(p.getTypeAsString())).matches())
          || RESPONSE_TYPE.matcher(simpleName(m.getTypeAsString())).matches()
              && m.getParameters().stream().anyMatch(p -> p.getTypeAsString().equals("int"));
      if (!writes) {
        return false;
      }
    }
    return true;
  }

  private static String simpleName(String written) {
    String s = dev.ficus.workspace.TypeNames.stripGenerics(written);
    return s.substring(s.lastIndexOf('.') + 1);
  }

  /** A method of the dispatching class itself (a response wrapper, typically). */
  private boolean ownHelper(Target target, Frame frame) {
    TypeDeclaration<?> declaring = DispatchInterpreter.enclosingType(target.method());
    return declaring != null && (interpreter.typesInScope(frame).contains(declaring));
  }

  /** True when an argument of the call delegates somewhere itself: {@code wrap(service.list())}. */
  private boolean wrapsCall(MethodCallExpr call, Frame frame, int level) {
    for (Expression a : call.getArguments()) {
      if (delegate(a, frame, level + 1).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private Optional<String> methodReference(MethodReferenceExpr ref, Frame frame) {
    return referenced(ref, frame)
        .map(target -> helper(target, frame) ? null : qualifiedName(target));
  }

  /** The method a reference names, its receiver typed from where the reference is written. */
  Optional<Target> referenced(MethodReferenceExpr ref, Frame frame) {
    String n = ref.getIdentifier();

    Expression scope = ref.getScope();
    List<TypeDeclaration<?>> types = new ArrayList<>();
    if (scope instanceof ThisExpr) {
      types.addAll(interpreter.typesInScope(frame));
    } else if (scope instanceof com.github.javaparser.ast.expr.TypeExpr typeExpr) {
      // The parser cannot tell `books::find` (a variable) from `Books::find` (a type).
      String written = typeExpr.getTypeAsString();
      Optional<String> declared = DispatchScopes.declaredType(written, ref);
      Optional<TypeDeclaration<?>> variable = declared.isPresent()
          ? interpreter.typeNamed(declared.get(), ref)
          : written.contains(".") || written.contains("<")
          ? Optional.empty()
          : interpreter.staticType(new NameExpr(written), frame);
      variable.or(() -> interpreter.typeNamed(written, ref)).ifPresent(types::add);
    } else {
      interpreter.staticType(scope, frame).ifPresent(types::add);
    }
    for (TypeDeclaration<?> t : types) {
      for (TypeDeclaration<?> h : interpreter.hierarchy(t)) {
        List<MethodDeclaration> methods = h.getMethodsByName(n);
        if (!methods.isEmpty()) {
          return Optional.of(new Target(h, methods.get(0)));
        }
      }
    }
    return Optional.empty();
  }

  static String qualifiedName(Target target) {
    TypeDeclaration<?> declaring = DispatchInterpreter.enclosingType(target.method());
    String type = declaring != null
        ? declaring.getFullyQualifiedName().orElse(declaring.getNameAsString())
        : target.type().getFullyQualifiedName().orElse(target.type().getNameAsString());
    return type + "#" + target.method().getNameAsString();
  }

  /** {@code pkg.Class#method} of the method or constructor that holds a node. */
  static String enclosingMethod(Node node) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof CallableDeclaration<?> c) {
        TypeDeclaration<?> t = DispatchInterpreter.enclosingType(c);
        String type = t == null ? "?" : t.getFullyQualifiedName().orElse(t.getNameAsString());
        String name = c instanceof MethodDeclaration ? c.getNameAsString() : "<init>";
        return type + "#" + name;
      }
    }
    TypeDeclaration<?> t = DispatchInterpreter.enclosingType(node);
    return (t == null ? "?" : t.getFullyQualifiedName().orElse(t.getNameAsString())) + "#<clinit>";
  }
}
