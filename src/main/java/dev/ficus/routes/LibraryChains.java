package dev.ficus.routes;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.ficus.workspace.TypeNames;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Tells, from the syntax alone, that a call chain's value cannot be a type of the repository, so
 * the dispatch interpreter need not ask the symbol solver for it (which costs a failed lookup of a
 * library type, or an overload resolution over a JDK class, for every response builder of every
 * route: {@code new APIGatewayProxyResponseEvent().withStatusCode(404)}, {@code
 * body.append(']')}).
 *
 * <p>A library's method can return a repository type only through generics: a type argument of
 * its receiver, or a type variable bound by an argument. So the chain qualifies when it starts
 * from a library object whose type is written without type arguments (a constructor call, or a
 * local or parameter so declared), and every argument along it is a literal or such a variable.
 * Anything else (a field, a generic type, a class literal, a lambda) goes to the solver as before.
 */
final class LibraryChains {

  private LibraryChains() {}

  /**
   * @param repositoryType whether a type name, as written at a node, is a type of the repository
   */
  static boolean staysInLibrary(MethodCallExpr call, BiPredicate<String, Node> repositoryType) {
    Expression e = call;
    while (e instanceof MethodCallExpr m) {
      if (!m.getTypeArguments().map(t -> t.isEmpty()).orElse(true)) {
        return false;
      }
      for (Expression argument : m.getArguments()) {
        if (!(argument instanceof LiteralExpr) && !primitive(argument) && !plainLibraryValue(argument, repositoryType)) {
          return false;
        }
      }
      Optional<Expression> scope = m.getScope();
      if (scope.isEmpty()) {
        return false; // a method of the enclosing class
      }
      e = scope.get();
    }
    return plainLibraryValue(e, repositoryType);
  }

  /** A local or parameter of a primitive type: {@code withStatusCode(status)}. */
  private static boolean primitive(Expression e) {
    return e instanceof NameExpr name
        && DispatchScopes.declaredType(name.getNameAsString(), name).map(TypeNames::isPrimitive).orElse(false);
  }

  /** A constructor call or a local variable whose written type is a plain library class. */
  private static boolean plainLibraryValue(Expression e, BiPredicate<String, Node> repositoryType) {
    if (e instanceof ObjectCreationExpr creation) {
      ClassOrInterfaceType type = creation.getType();
      return creation.getAnonymousClassBody().isEmpty()
          && type.getTypeArguments().isEmpty()
          && plainLibraryType(type.getNameWithScope(), creation, repositoryType);
    }
    if (e instanceof NameExpr name) {
      Optional<String> written = DispatchScopes.declaredType(name.getNameAsString(), name);
      return written.isPresent()
          && written.get().indexOf('<') < 0
          && written.get().indexOf('[') < 0
          && plainLibraryType(written.get(), name, repositoryType);
    }
    return false;
  }

  private static boolean plainLibraryType(String written, Node at, BiPredicate<String, Node> repositoryType) {
    return !written.isEmpty()
        && Character.isUpperCase(written.charAt(written.lastIndexOf('.') + 1))
        && !TypeNames.isTypeVariable(written, at)
        && !repositoryType.test(written, at);
  }
}
