package dev.ficus.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.ficus.aws.EffectAnalyzer;
import dev.ficus.aws.SdkCatalog;
import dev.ficus.testing.TestRepo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An implicitly typed lambda parameter takes the element type of the JDK container the lambda is
 * given to, as written where the container is declared. Each line that calls a method on a lambda
 * parameter carries the expected types: {@code // TYPE o: com.acme.model.Order} ({@code -} for
 * untyped). A line with such a call and no marker fails, as does a marker on a line without one.
 */
class LambdaParameterTypesTest {

  private static final Pattern MARKER = Pattern.compile("(\\w+): ([\\w.\\-]+)");

  private static final String MODEL = """
      package com.acme.model;
      public class Order extends Base {
        public boolean isOpen() { return true; }
        public Customer customer() { return null; }
        public java.util.List<Line> lines() { return null; }
      }
      """;
  private static final String BASE = """
      package com.acme.model;
      public class Base { public long total() { return 0; } }
      """;
  private static final String CUSTOMER = """
      package com.acme.model;
      public class Customer { public void tell() { } }
      """;
  private static final String LINE = """
      package com.acme.model;
      public class Line { public void ship() { } }
      """;
  private static final String REPOSITORY = """
      package com.acme.db;
      import com.acme.model.Order;
      import java.util.List;
      import java.util.Map;
      import java.util.Optional;
      public interface OrderRepository {
        Optional<Order> findById(String id);
        List<Order> findAll();
        Map<String, List<Order>> byCustomer();
        Object find(String id);
        Optional<Order> find(long id);
      }
      """;

  private static TestRepo shop() {
    return TestRepo.create()
        .java("com/acme/model/Order.java", MODEL)
        .java("com/acme/model/Base.java", BASE)
        .java("com/acme/model/Customer.java", CUSTOMER)
        .java("com/acme/model/Line.java", LINE)
        .java("com/acme/db/OrderRepository.java", REPOSITORY);
  }

  /**
   * Compares, for each file of the given types, the marked types with those found, per line:
   * {@code Orders:12 -> [o: com.acme.model.Order]}.
   */
  private static void assertMarkedTypes(TestRepo repo, String... typeNames) {
    assertMarkedTypes(repo.load(), typeNames);
  }

  private static void assertMarkedTypes(TestRepo.Loaded loaded, String... typeNames) {
    TypeResolver types = new TypeResolver(loaded.workspace(), TypeResolver.ExternalTypes.NONE);
    Map<String, TreeSet<String>> expected = new TreeMap<>();
    Map<String, TreeSet<String>> found = new TreeMap<>();
    for (String typeName : typeNames) {
      CompilationUnit unit =
          loaded.workspace().findType(typeName).orElseThrow().findCompilationUnit().orElseThrow();
      String file = typeName.substring(typeName.lastIndexOf('.') + 1) + ":";
      for (Comment c : unit.getAllContainedComments()) {
        String text = c.getContent().trim();
        if (text.startsWith("TYPE ")) {
          Matcher m = MARKER.matcher(text.substring(5));
          TreeSet<String> line =
              expected.computeIfAbsent(file + c.getBegin().orElseThrow().line, k -> new TreeSet<>());
          while (m.find()) {
            line.add(m.group(1) + ": " + m.group(2));
          }
        }
      }
      for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
        if (call.getScope().isPresent() && call.getScope().get() instanceof NameExpr n) {
          Optional<Node> decl = types.declarationOf(n);
          if (decl.isPresent() && decl.get() instanceof Parameter p
              && p.getParentNode().orElse(null) instanceof LambdaExpr) {
            found.computeIfAbsent(file + call.getBegin().orElseThrow().line, k -> new TreeSet<>())
                .add(n.getNameAsString() + ": " + types.typeOf(n).orElse("-"));
          }
        }
      }
    }
    assertThat(found).isEqualTo(expected);
  }

  @Test
  void theElementTypeIsQualifiedWhereTheContainerIsDeclared() {
    assertMarkedTypes(shop().java("com/acme/web/Orders.java", """
        package com.acme.web;
        import com.acme.db.OrderRepository;
        import java.util.*;
        import java.util.stream.Stream;
        public class Orders {
          private OrderRepository repository;
          private final List<com.acme.model.Order> recent = new ArrayList<>();
          private Map<String, com.acme.model.Order> byId;
          Object one(String id) {
            repository.findById(id).map(item -> item.total()); // TYPE item: com.acme.model.Order
            repository.findById(id).filter(o -> o.isOpen()).ifPresent(o -> o.total()); // TYPE o: com.acme.model.Order
            repository.findById(id).flatMap(o -> o.customer()); // TYPE o: com.acme.model.Order
            repository.findById(id).ifPresentOrElse(o -> o.total(), () -> { });  // TYPE o: com.acme.model.Order
            return findLocal().map(o -> o.total()); // TYPE o: com.acme.model.Order
          }
          Optional<com.acme.model.Order> findLocal() { return Optional.empty(); }
          void all(Set<com.acme.model.Order> given) {
            recent.forEach(o -> o.total()); // TYPE o: com.acme.model.Order
            this.recent.removeIf(o -> o.isOpen()); // TYPE o: com.acme.model.Order
            given.forEach(o -> o.total()); // TYPE o: com.acme.model.Order
            new ArrayList<com.acme.model.Order>(given).forEach(o -> o.total()); // TYPE o: com.acme.model.Order
            var all = repository.findAll();
            all.forEach(o -> o.total()); // TYPE o: com.acme.model.Order
            repository.findAll().forEach(o -> o.total()); // TYPE o: com.acme.model.Order
          }
          void maps() {
            byId.forEach((k, v) -> { k.trim(); v.total(); }); // TYPE k: java.lang.String, v: com.acme.model.Order
            byId.values().forEach(o -> o.total()); // TYPE o: com.acme.model.Order
            byId.keySet().forEach(k -> k.trim()); // TYPE k: java.lang.String
            repository.byCustomer().forEach((c, list) -> list.forEach(o -> o.total())); // TYPE list: java.util.List, o: com.acme.model.Order
          }
        }
        """), "com.acme.web.Orders");
  }

  @Test
  void streamsKeepTheElementTypeThroughFiltersAndTakeAMappedOneWhenItIsWritten() {
    assertMarkedTypes(shop().java("com/acme/web/Report.java", """
        package com.acme.web;
        import com.acme.model.Order;
        import java.util.List;
        import java.util.stream.Stream;
        public class Report {
          void run(List<Order> orders, Stream<Order> stream) {
            orders.stream()
                .filter(o -> o.isOpen()) // TYPE o: com.acme.model.Order
                .sorted()
                .peek(o -> o.total()) // TYPE o: com.acme.model.Order
                .map(o -> o.customer()) // TYPE o: com.acme.model.Order
                .forEach(c -> c.tell()); // TYPE c: com.acme.model.Customer
            orders.parallelStream().anyMatch(o -> o.isOpen()); // TYPE o: com.acme.model.Order
            stream.mapToLong(o -> o.total()); // TYPE o: com.acme.model.Order
            orders.stream().map(o -> o.lines()).forEach(ls -> ls.forEach(l -> l.ship())); // TYPE o: com.acme.model.Order, ls: java.util.List, l: com.acme.model.Line
            orders.stream().flatMap(o -> o.lines().stream()).forEach(l -> l.ship()); // TYPE o: com.acme.model.Order, l: -
            orders.stream().map(o -> o.total() > 0 ? o : null).forEach(x -> x.total()); // TYPE o: com.acme.model.Order, x: -
            orders.stream().reduce((a, b) -> a.isOpen() ? a : b); // TYPE a: -
            orders.stream().collect(java.util.stream.Collectors.toMap(o -> o.customer(), o -> o)); // TYPE o: -
          }
        }
        """), "com.acme.web.Report");
  }

  @Test
  void wildcardsTypeVariablesOtherContainersAndOverloadsStayUntyped() {
    assertMarkedTypes(shop()
        .java("com/acme/web/Bag.java", """
            package com.acme.web;
            public class Bag<T> {
              java.util.List<T> items;
              public void forEach(java.util.function.Consumer<T> each) { }
              void own() {
                items.forEach(i -> i.hashCode()); // TYPE i: -
              }
            }
            """)
        .java("com/acme/web/Untyped.java", """
            package com.acme.web;
            import com.acme.db.OrderRepository;
            import com.acme.model.Order;
            import java.util.List;
            import java.util.function.Function;
            public class Untyped {
              OrderRepository repository;
              void run(List<? extends Order> some, Bag<Order> bag, List raw, Function<Order, Order> f) {
                some.forEach(o -> o.total()); // TYPE o: -
                bag.forEach(o -> o.total()); // TYPE o: -
                raw.forEach(o -> o.hashCode()); // TYPE o: -
                repository.find(1L).map(o -> o.total()); // TYPE o: -
                f.andThen(o -> o.customer()); // TYPE o: -
              }
              <T extends Order> void generic(List<T> xs) {
                xs.forEach(x -> x.total()); // TYPE x: -
              }
            }
            """), "com.acme.web.Untyped", "com.acme.web.Bag");
  }

  @Test
  void anExplicitParameterTypeIsUsedAsWritten() {
    assertMarkedTypes(shop().java("com/acme/web/Explicit.java", """
        package com.acme.web;
        import com.acme.model.Base;
        import com.acme.model.Order;
        import java.util.List;
        public class Explicit {
          void run(List<Order> orders) {
            orders.forEach((Base b) -> b.total()); // TYPE b: com.acme.model.Base
            orders.forEach((var o) -> o.total()); // TYPE o: com.acme.model.Order
          }
        }
        """), "com.acme.web.Explicit");
  }

  @Test
  void aLambdaWhoseTargetIsAWrittenJdkFunctionalTypeTakesItsTypeArguments() {
    assertMarkedTypes(shop().java("com/acme/web/Functions.java", """
        package com.acme.web;
        import com.acme.model.Customer;
        import com.acme.model.Order;
        import java.util.Comparator;
        import java.util.List;
        import java.util.function.*;
        import java.util.stream.Stream;
        public class Functions {
          Consumer<Order> audit = o -> o.total(); // TYPE o: com.acme.model.Order
          Function<? super Order, Long> wide = o -> o.total(); // TYPE o: -
          public Function<Order, Customer> owner() {
            return o -> o.customer(); // TYPE o: com.acme.model.Order
          }
          public BiFunction<String, Order, Long> priced() {
            return (id, o) -> id.trim().length() + o.total(); // TYPE id: java.lang.String, o: com.acme.model.Order
          }
          public Supplier<Function<Order, Long>> later() {
            return () -> { return o -> o.total(); }; // TYPE o: -
          }
          void each(Consumer<Order> action) { }
          void each(Consumer<Order> action, int times) { }
          void either(Consumer<Order> action) { }
          void either(Predicate<Order> test) { }
          <T> void any(Consumer<T> action) { }
          void run(List<Order> orders, Stream<Order> stream) {
            each(o -> o.isOpen()); // TYPE o: com.acme.model.Order
            this.each(o -> o.isOpen(), 2); // TYPE o: com.acme.model.Order
            either(o -> o.isOpen()); // TYPE o: -
            any(o -> o.hashCode()); // TYPE o: -
            Comparator<Order> byTotal = (a, b) -> Long.compare(a.total(), b.total()); // TYPE a: com.acme.model.Order, b: com.acme.model.Order
            orders.sort((a, b) -> a.customer().hashCode() - b.customer().hashCode()); // TYPE a: com.acme.model.Order, b: com.acme.model.Order
            stream.max((a, b) -> Long.compare(a.total(), b.total())); // TYPE a: com.acme.model.Order, b: com.acme.model.Order
            var cast = (Consumer<Order>) o -> o.total(); // TYPE o: com.acme.model.Order
          }
        }
        """), "com.acme.web.Functions");
  }

  @Test
  void anSdkClientReceivedByALambdaIsRecognizedByTheEffectAnalysis() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Fanout.java", """
            package com.acme;
            import java.util.List;
            import java.util.Optional;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.sqs.SqsClient;
            public class Fanout {
              private List<DynamoDbClient> replicas;
              private Optional<SqsClient> events;
              public void handle(String id) {
                replicas.forEach(c -> c.putItem(b -> b.tableName("Orders"))); // TYPE c: software.amazon.awssdk.services.dynamodb.DynamoDbClient, b: -
                events.ifPresent(q -> q.sendMessage(b -> b.queueUrl("https://sqs.eu-west-1.amazonaws.com/123456789012/order-events"))); // TYPE q: software.amazon.awssdk.services.sqs.SqsClient, b: -
              }
            }
            """)
        .load();
    assertMarkedTypes(repo, "com.acme.Fanout");
    SdkCatalog catalog = SdkCatalog.load();
    EffectAnalyzer effects = new EffectAnalyzer(
        repo.workspace(), repo.iac(), catalog, EffectAnalyzer.graphOf(repo.workspace(), catalog));
    MethodDeclaration handle =
        repo.workspace().findType("com.acme.Fanout").orElseThrow().getMethodsByName("handle").get(0);
    assertThat(effects.effectsOf("com.acme.Fanout#handle", List.of(handle), null))
        .extracting(e -> e.operation() + " " + e.resource().arn())
        .containsExactly(
            "PutItem arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/Orders",
            "SendMessage arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:order-events");
  }
}
