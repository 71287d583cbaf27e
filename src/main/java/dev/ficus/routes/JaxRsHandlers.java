package dev.ficus.routes;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.ficus.workspace.TypeNames;
import java.util.stream.Collectors;

/**
 * The handler name a route reports for a method: {@code fully.qualified.Class#method}, with the
 * simple parameter types appended ({@code #find(Long,String)}) when the method name is
 * overloaded in its class, so that the name points at one declaration.
 */
final class JaxRsHandlers {

  private JaxRsHandlers() {}

  static String of(MethodDeclaration method) {
    TypeDeclaration<?> owner =
        method.findAncestor(TypeDeclaration.class).map(t -> (TypeDeclaration<?>) t).orElse(null);
    String type = owner == null ? "?" : owner.getFullyQualifiedName().orElse(owner.getNameAsString());
    boolean overloaded = owner != null && owner.getMethodsByName(method.getNameAsString()).size() > 1;
    return type + "#" + method.getNameAsString() + (overloaded ? "(" + parameterTypes(method) + ")" : "");
  }

  /** Simple parameter type names, generics dropped: {@code Long,String}. */
  static String parameterTypes(MethodDeclaration method) {
    return method.getParameters().stream().map(JaxRsHandlers::simpleType).collect(Collectors.joining(","));
  }

  private static String simpleType(Parameter parameter) {
    String name = TypeNames.stripGenerics(parameter.getType().asString());
    if (name.contains(".")) {
      name = name.substring(name.lastIndexOf('.') + 1);
    }
    return name + (parameter.isVarArgs() || parameter.getType().isArrayType() ? "[]" : "");
  }
}
