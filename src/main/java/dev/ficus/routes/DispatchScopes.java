package dev.ficus.routes;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.Optional;

/**
 * The type a name is declared with where it is written. Code the interpreter reaches from
 * elsewhere (a method reference stored in a dispatch table by the constructor, then invoked from
 * the handler method) names variables of the place that wrote it, not of the running method.
 */
final class DispatchScopes {

  private DispatchScopes() {}

  /**
   * The declared type of {@code name} as seen at {@code at}: a local variable declared before it,
   * a parameter of an enclosing lambda, method or constructor. Empty for fields, for names not
   * declared in the enclosing code, and for {@code var} and untyped lambda parameters.
   */
  static Optional<String> declaredType(String name, Node at) {
    Node child = at;
    for (Node n = at.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?>) {
        return Optional.empty();
      }
      if (n instanceof BlockStmt block) {
        for (Statement s : block.getStatements()) {
          if (s == child) {
            break;
          }
          if (s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr decl) {
            for (VariableDeclarator v : decl.getVariables()) {
              if (v.getNameAsString().equals(name)) {
                return typed(v.getTypeAsString());
              }
            }
          }
        }
      }
      if (n instanceof LambdaExpr lambda) {
        for (Parameter p : lambda.getParameters()) {
          if (p.getNameAsString().equals(name)) {
            return typed(p.getTypeAsString());
          }
        }
      }
      if (n instanceof CallableDeclaration<?> callable) {
        for (Parameter p : callable.getParameters()) {
          if (p.getNameAsString().equals(name)) {
            return typed(p.getTypeAsString());
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> typed(String written) {
    return written.isEmpty() || written.equals("var") ? Optional.empty() : Optional.of(written);
  }
}
