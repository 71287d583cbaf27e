package dev.ficus.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A call chain whose value cannot be a repository type is settled without the symbol solver; any
 * chain that could carry a repository type through generics still goes to the solver.
 */
class LibraryChainsTest {

  private static final String SOURCE = """
      package shop;

      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
      import com.fasterxml.jackson.databind.ObjectMapper;
      import java.util.List;

      class Handler<E> {
        private final Registry registry = new Registry();

        <T> Object handle(String json, int status, List<Order> orders, T item, E event) throws Exception {
          StringBuilder body = new StringBuilder("[");
          ObjectMapper mapper = new ObjectMapper();
          Object a = new APIGatewayProxyResponseEvent().withStatusCode(404);
          Object b = body.append(']');
          Object c = new APIGatewayProxyResponseEvent().withStatusCode(status).withBody(json);
          Object d = mapper.readValue(json, Order.class);
          Object e = orders.get(0);
          Object f = new Order().withId("1");
          Object g = item.toString();
          Object h = helper().toString();
          Object i = this.registry.lookup("x");
          Object j = registry.lookup("x");
          Object k = event.getBody();
          Object l = new java.util.ArrayList<Order>().get(0);
          Object m = body.append(orders);
          return null;
        }

        Registry helper() {
          return registry;
        }
      }
      """;

  private static final Set<String> REPOSITORY = Set.of("Order", "Registry", "Handler");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      a | true
      b | true
      c | true
      d | false
      e | false
      f | false
      g | false
      h | false
      i | false
      j | false
      k | false
      l | false
      m | false
      """)
  void aChainStaysInTheLibraryOnlyWhenNoGenericCanBringARepositoryTypeBack(String variable, boolean expected) {
    CompilationUnit unit = StaticJavaParser.parse(SOURCE);
    MethodCallExpr call = unit.findAll(com.github.javaparser.ast.body.VariableDeclarator.class).stream()
        .filter(v -> v.getNameAsString().equals(variable))
        .findFirst().orElseThrow()
        .getInitializer().orElseThrow().asMethodCallExpr();

    assertThat(LibraryChains.staysInLibrary(call, (written, at) -> REPOSITORY.contains(written)))
        .isEqualTo(expected);
  }
}
