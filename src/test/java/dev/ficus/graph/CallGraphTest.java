package dev.ficus.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.Diagnostic;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallGraphTest {

  private static List<String> successors(CallGraph graph, String vertex) {
    return graph.successorsOf(vertex).stream().map(CallGraph.Target::vertex).sorted().toList();
  }

  @Test
  void callsThroughAnInterfaceGoToEveryImplementation() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Store.java", """
            package com.acme;
            public interface Store { void save(String id); }
            """)
        .java("com/acme/db/DynamoStore.java", """
            package com.acme.db;
            import com.acme.Store;
            public class DynamoStore implements Store { public void save(String id) { } }
            """)
        .java("com/acme/MemoryStore.java", """
            package com.acme;
            public class MemoryStore implements Store { public void save(String id) { } }
            """)
        .java("com/acme/Service.java", """
            package com.acme;
            public class Service {
              private final Store store;
              public Service(Store store) { this.store = store; }
              public void run(String id) { store.save(id); }
            }
            """)
        .load();
    CallGraph graph = CallGraph.build(repo.workspace());
    assertThat(successors(graph, "com.acme.Service#run(String)"))
        .containsExactly("com.acme.MemoryStore#save(String)", "com.acme.db.DynamoStore#save(String)");
  }

  @Test
  void qualifiersAndGuiceBindingsNarrowTheImplementations() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Store.java", """
            package com.acme;
            public interface Store { void save(String id); }
            """)
        .java("com/acme/DynamoStore.java", """
            package com.acme;
            @org.springframework.stereotype.Repository("dynamo")
            public class DynamoStore implements Store { public void save(String id) { } }
            """)
        .java("com/acme/MemoryStore.java", """
            package com.acme;
            public class MemoryStore implements Store { public void save(String id) { } }
            """)
        .java("com/acme/Clock.java", """
            package com.acme;
            public interface Clock { long now(); }
            """)
        .java("com/acme/SystemClock.java", """
            package com.acme;
            public class SystemClock implements Clock { public long now() { return 1; } }
            """)
        .java("com/acme/FixedClock.java", """
            package com.acme;
            public class FixedClock implements Clock { public long now() { return 0; } }
            """)
        .java("com/acme/Module.java", """
            package com.acme;
            public class Module extends com.google.inject.AbstractModule {
              protected void configure() { bind(Clock.class).to(SystemClock.class); }
            }
            """)
        .java("com/acme/Service.java", """
            package com.acme;
            import org.springframework.beans.factory.annotation.Qualifier;
            public class Service {
              @Qualifier("dynamo") private Store store;
              private Clock clock;
              public void run(String id) { store.save(id); }
              public long time() { return clock.now(); }
            }
            """)
        .load();
    CallGraph graph = CallGraph.build(repo.workspace());
    assertThat(successors(graph, "com.acme.Service#run(String)"))
        .containsExactly("com.acme.DynamoStore#save(String)");
    assertThat(successors(graph, "com.acme.Service#time()"))
        .containsExactly("com.acme.SystemClock#now()");
  }

  @Test
  void constructorsInitializersLambdasAndMethodReferences() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Holder.java", """
            package com.acme;
            public class Holder {
              static final Object CLIENT = Factory.make();
              public static Object client() { return CLIENT; }
            }
            """)
        .java("com/acme/Factory.java", """
            package com.acme;
            public class Factory { static Object make() { return new Object(); } }
            """)
        .java("com/acme/Worker.java", """
            package com.acme;
            import java.util.List;
            public class Worker {
              private final Helper helper = new Helper();
              public void all(List<String> ids) {
                ids.forEach(id -> helper.one(id));
                ids.forEach(this::two);
                Holder.client();
              }
              void two(String id) { }
            }
            """)
        .java("com/acme/Helper.java", """
            package com.acme;
            public class Helper { void one(String id) { } }
            """)
        .load();
    CallGraph graph = CallGraph.build(repo.workspace());
    assertThat(successors(graph, "com.acme.Worker#all(List)"))
        .containsExactly("com.acme.Holder#<clinit>()", "com.acme.Holder#client()",
            "com.acme.Worker#all(List)$lambda1", "com.acme.Worker#two(String)");
    assertThat(successors(graph, "com.acme.Worker#all(List)$lambda1")).containsExactly("com.acme.Helper#one(String)");
    assertThat(successors(graph, "com.acme.Worker#<init>()")).containsExactly("com.acme.Helper#<init>()");
    assertThat(successors(graph, "com.acme.Holder#<clinit>()")).containsExactly("com.acme.Factory#make()");
    assertThat(graph.initVerticesOf("com.acme.Worker")).containsExactly("com.acme.Worker#<init>()");
  }

  @Test
  void anUnresolvedCallIsOneNoteAndTheAnalysisGoesOn() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Service.java", """
            package com.acme;
            public class Service {
              public void run() { mystery.go(); mystery.go(); other(); }
              void other() { mystery.go(); }
            }
            """)
        .load();
    CallGraph graph = CallGraph.build(repo.workspace());
    assertThat(successors(graph, "com.acme.Service#run()")).containsExactly("com.acme.Service#other()");
    List<Diagnostic> notes = repo.diagnostics().sorted().stream()
        .filter(d -> d.code().equals("unresolved-call")).toList();
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0).source().toString()).isEqualTo("src/main/java/com/acme/Service.java:3");
  }

  @Test
  void recordAccessorsEnumMethodsAndStaticImportsOfLibrariesAreNoUnresolvedCalls() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Order.java", """
            package com.acme;
            public record Order(String id, Status status) { }
            """)
        .java("com/acme/Status.java", """
            package com.acme;
            public enum Status { NEW, PAID }
            """)
        .java("com/acme/Routes.java", """
            package com.acme;
            import static spark.Spark.get;
            public class Routes {
              public void define(Order order) {
                get("/x", (req, res) -> order.id());
                Status.valueOf(order.status().name());
              }
            }
            """)
        .load();
    CallGraph.build(repo.workspace());
    assertThat(repo.diagnostics().sorted()).noneMatch(d -> d.code().equals("unresolved-call"));
  }

  @Test
  void providerMethodsWireTheImplementationTheyReturn() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Mailer.java", """
            package com.acme;
            public interface Mailer { void send(String to); }
            """)
        .java("com/acme/SesMailer.java", """
            package com.acme;
            public class SesMailer implements Mailer { public void send(String to) { } }
            """)
        .java("com/acme/FakeMailer.java", """
            package com.acme;
            public class FakeMailer implements Mailer { public void send(String to) { } }
            """)
        .java("com/acme/MailModule.java", """
            package com.acme;
            @dagger.Module
            public class MailModule {
              @dagger.Provides Mailer mailer() { return new SesMailer(); }
            }
            """)
        .java("com/acme/Signup.java", """
            package com.acme;
            public class Signup {
              @javax.inject.Inject Mailer mailer;
              public void run(String to) { mailer.send(to); }
            }
            """)
        .load();
    CallGraph graph = CallGraph.build(repo.workspace());
    assertThat(successors(graph, "com.acme.Signup#run(String)")).containsExactly("com.acme.SesMailer#send(String)");
  }

  @Test
  void callsOnAnImplicitlyTypedLambdaParameterFollowTheContainersElementType() {
    // The key's SDK type is not on the class path, so the symbol solver cannot type `item`; the
    // declared `Optional<Order>` does.
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/model/Order.java", """
            package com.acme.model;
            public interface Order { String toJson(); void save(); }
            """)
        .java("com/acme/model/Invoice.java", """
            package com.acme.model;
            public class Invoice implements Order {
              public String toJson() { return "{}"; }
              public void save() { }
            }
            """)
        .java("com/acme/model/Refund.java", """
            package com.acme.model;
            public class Refund implements Order {
              public String toJson() { return "[]"; }
              public void save() { }
            }
            """)
        .java("com/acme/db/OrderRepository.java", """
            package com.acme.db;
            import com.acme.model.Order;
            import java.util.Optional;
            import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
            public interface OrderRepository { Optional<Order> findById(AttributeValue key); }
            """)
        .java("com/acme/web/Handler.java", """
            package com.acme.web;
            import com.acme.db.OrderRepository;
            import java.util.Map;
            import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
            public class Handler {
              private OrderRepository repository;
              public String get(AttributeValue key) {
                return repository.findById(key).map(item -> item.toJson()).orElse("");
              }
              public void saveAll(Map<String, com.acme.model.Order> orders) {
                orders.forEach((id, order) -> order.save());
              }
            }
            """)
        .load();
    CallGraph graph = CallGraph.build(repo.workspace());
    assertThat(successors(graph, "com.acme.web.Handler#get(AttributeValue)$lambda1"))
        .containsExactly("com.acme.model.Invoice#toJson()", "com.acme.model.Refund#toJson()");
    assertThat(successors(graph, "com.acme.web.Handler#saveAll(Map)$lambda1"))
        .containsExactly("com.acme.model.Invoice#save()", "com.acme.model.Refund#save()");
  }
}
