package dev.ficus.aws;

import static dev.ficus.aws.EffectsTesting.linesOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.Diagnostic;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Spring Data repository of a {@code @DynamoDBTable} entity has no code in the repository:
 * spring-data-dynamodb implements it through DynamoDBMapper, and its calls need what the mapper's
 * calls need, on the entity's table.
 */
class SpringDataRepositoriesTest {

  private static final String TABLE = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/";

  private static final String PRODUCT = """
      package com.acme;
      import com.amazonaws.services.dynamodbv2.datamodeling.*;
      @DynamoDBTable(tableName = "products")
      public class Product {
        @DynamoDBHashKey private String id;
        @DynamoDBIndexHashKey(globalSecondaryIndexName = "byCategory") private String category;
        private String colour;
        public String getId() { return id; }
      }
      """;

  private static final String REPOSITORY = """
      package com.acme;
      import java.util.List;
      import org.socialsignin.spring.data.dynamodb.repository.EnableScan;
      import org.springframework.data.repository.CrudRepository;
      @EnableScan
      public interface ProductRepository extends CrudRepository<Product, String> {
        List<Product> findByCategory(String category);
        List<Product> findByColour(String colour);
        List<Product> findByCategoryOrColour(String category, String colour);
        long countByCategory(String category);
        void deleteByColour(String colour);
      }
      """;

  private static TestRepo.Loaded repo(String serviceBody) {
    return TestRepo.create()
        .java("com/acme/Product.java", PRODUCT)
        .java("com/acme/ProductRepository.java", REPOSITORY)
        .java("com/acme/Service.java", """
            package com.acme;
            import java.util.List;
            public class Service {
              private final ProductRepository repo;
              public Service(ProductRepository repo) { this.repo = repo; }
            """ + serviceBody + "\n}\n")
        .load();
  }

  @Test
  void findByIdLoadsTheItem() {
    TestRepo.Loaded repo = repo("public Object get(String id) { return repo.findById(id); }");
    assertThat(linesOf(repo, "com.acme.Service#get"))
        .containsExactly("GetItem dynamodb:GetItem " + TABLE + "products (literal)");
  }

  @Test
  void existsByIdAndFindAllByIdLoadOneAndABatch() {
    TestRepo.Loaded repo = repo("""
        public Object get(List<String> ids) { repo.existsById("1"); return repo.findAllById(ids); }
        """);
    assertThat(linesOf(repo, "com.acme.Service#get")).containsExactly(
        "BatchGetItem dynamodb:BatchGetItem " + TABLE + "products (literal)",
        "GetItem dynamodb:GetItem " + TABLE + "products (literal)");
  }

  @Test
  void saveIsTheMappersSaveAndSaveAllABatchWrite() {
    TestRepo.Loaded repo = repo("""
        public void put(Product p, List<Product> all) { repo.save(p); repo.saveAll(all); }
        """);
    assertThat(linesOf(repo, "com.acme.Service#put")).containsExactly(
        "BatchWriteItem dynamodb:BatchWriteItem " + TABLE + "products (literal)",
        "UpdateItem dynamodb:UpdateItem " + TABLE + "products (literal)");
  }

  @Test
  void deleteByIdLoadsBeforeItDeletes() {
    TestRepo.Loaded repo = repo("public void remove(String id) { repo.deleteById(id); }");
    assertThat(linesOf(repo, "com.acme.Service#remove")).containsExactly(
        "DeleteItem dynamodb:DeleteItem " + TABLE + "products (literal)",
        "GetItem dynamodb:GetItem " + TABLE + "products (literal)");
  }

  @Test
  void deleteOfAnEntityDeletesIt() {
    TestRepo.Loaded repo = repo("public void remove(Product p) { repo.delete(p); }");
    assertThat(linesOf(repo, "com.acme.Service#remove"))
        .containsExactly("DeleteItem dynamodb:DeleteItem " + TABLE + "products (literal)");
  }

  @Test
  void deleteAllScansAndDeletesInBatches() {
    TestRepo.Loaded repo = repo("public void clear() { repo.deleteAll(); }");
    assertThat(linesOf(repo, "com.acme.Service#clear")).containsExactly(
        "BatchWriteItem dynamodb:BatchWriteItem " + TABLE + "products (literal)",
        "Scan dynamodb:Scan " + TABLE + "products (literal)");
  }

  @Test
  void findAllAndCountScan() {
    TestRepo.Loaded repo = repo("public Object all() { repo.count(); return repo.findAll(); }");
    assertThat(linesOf(repo, "com.acme.Service#all"))
        .containsExactly("Scan dynamodb:Scan " + TABLE + "products (literal)");
  }

  @Test
  void aDerivedQueryOnAnIndexHashKeyQueriesTheIndex() {
    TestRepo.Loaded repo = repo("""
        public Object byCategory(String c) { repo.countByCategory(c); return repo.findByCategory(c); }
        """);
    assertThat(linesOf(repo, "com.acme.Service#byCategory"))
        .containsExactly("Query dynamodb:Query " + TABLE + "products/index/byCategory (literal)");
  }

  @Test
  void aDerivedQueryOnOtherPropertiesOrWithOrScans() {
    TestRepo.Loaded repo = repo("""
        public Object search(String c) { repo.findByColour(c); return repo.findByCategoryOrColour(c, c); }
        """);
    assertThat(linesOf(repo, "com.acme.Service#search"))
        .containsExactly("Scan dynamodb:Scan " + TABLE + "products (literal)");
  }

  @Test
  void aDerivedDeleteFindsThenDeletesInBatches() {
    TestRepo.Loaded repo = repo("public void purge(String c) { repo.deleteByColour(c); }");
    assertThat(linesOf(repo, "com.acme.Service#purge")).containsExactly(
        "BatchWriteItem dynamodb:BatchWriteItem " + TABLE + "products (literal)",
        "Scan dynamodb:Scan " + TABLE + "products (literal)");
  }

  @Test
  void aDerivedQueryOnTheHashKeyLoadsAndWithARangeKeyQueriesTheTable() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Reading.java", """
            package com.acme;
            import com.amazonaws.services.dynamodbv2.datamodeling.*;
            @DynamoDBTable(tableName = Names.READINGS)
            public class Reading {
              private String sensor;
              private long at;
              @DynamoDBHashKey public String getSensor() { return sensor; }
              @DynamoDBRangeKey public long getAt() { return at; }
            }
            """)
        .java("com/acme/Names.java", """
            package com.acme;
            final class Names { static final String READINGS = "readings"; }
            """)
        .java("com/acme/ReadingRepository.java", """
            package com.acme;
            import java.util.List;
            import org.socialsignin.spring.data.dynamodb.repository.DynamoDBPagingAndSortingRepository;
            public interface ReadingRepository extends DynamoDBPagingAndSortingRepository<Reading, String> {
              List<Reading> findBySensor(String sensor);
              List<Reading> findBySensorAndAtGreaterThan(String sensor, long at);
              Reading findBySensorAndAt(String sensor, long at);
            }
            """)
        .java("com/acme/Readings.java", """
            package com.acme;
            public class Readings {
              private final ReadingRepository readings;
              public Readings(ReadingRepository readings) { this.readings = readings; }
              public Object latest(String s) { return readings.findBySensorAndAtGreaterThan(s, 0L); }
              public Object all(String s) { return readings.findBySensor(s); }
              public Object one(String s) { return readings.findBySensorAndAt(s, 1L); }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Readings#latest"))
        .containsExactly("Query dynamodb:Query " + TABLE + "readings (constant)");
    assertThat(linesOf(repo, "com.acme.Readings#all"))
        .containsExactly("Query dynamodb:Query " + TABLE + "readings (constant)");
    assertThat(linesOf(repo, "com.acme.Readings#one"))
        .containsExactly("GetItem dynamodb:GetItem " + TABLE + "readings (constant)");
  }

  @Test
  void aRepositoryThroughABaseRepositoryOfTheProjectAndAResolvedTableName() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Order.java", """
            package com.acme;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBHashKey;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBTable;
            @DynamoDBTable(tableName = "${app.orders-table}")
            public class Order { @DynamoDBHashKey String id; }
            """)
        .file("src/main/resources/application.properties", "app.orders-table=orders-prod\n")
        .java("com/acme/BaseRepository.java", """
            package com.acme;
            import org.springframework.data.repository.ListCrudRepository;
            public interface BaseRepository<T> extends ListCrudRepository<T, String> {}
            """)
        .java("com/acme/OrderRepository.java", """
            package com.acme;
            public interface OrderRepository extends BaseRepository<Order> {}
            """)
        .java("com/acme/Orders.java", """
            package com.acme;
            public class Orders {
              private final OrderRepository orders;
              public Orders(OrderRepository orders) { this.orders = orders; }
              public void put(Order o) { orders.save(o); }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Orders#put"))
        .containsExactly("UpdateItem dynamodb:UpdateItem " + TABLE + "orders-prod (constant)");
  }

  @Test
  void aJpaRepositoryMakesNoAwsCall() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Customer.java", """
            package com.acme;
            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            @Entity
            public class Customer { @Id String id; }
            """)
        .java("com/acme/CustomerRepository.java", """
            package com.acme;
            import java.util.List;
            import org.springframework.data.jpa.repository.JpaRepository;
            public interface CustomerRepository extends JpaRepository<Customer, String> {
              List<Customer> findByName(String name);
            }
            """)
        .java("com/acme/Customers.java", """
            package com.acme;
            public class Customers {
              private final CustomerRepository customers;
              public Customers(CustomerRepository customers) { this.customers = customers; }
              public Object get(String id) { customers.findByName(id); customers.save(null); return customers.findById(id); }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Customers#get")).isEmpty();
    assertThat(repo.diagnostics().sorted()).extracting(Diagnostic::code).doesNotContain("opaque-aws-library");
  }

  @Test
  void anUnmappedLibraryInterfaceOverAnAwsEntityWarnsAtTheCall() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Invoice.java", """
            package com.acme;
            import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
            @DynamoDbBean
            public class Invoice { String id; }
            """)
        .java("com/acme/InvoiceStore.java", """
            package com.acme;
            import io.example.dynamo.KeyValueRepository;
            public interface InvoiceStore extends KeyValueRepository<Invoice, String> {}
            """)
        .java("com/acme/Invoices.java", """
            package com.acme;
            public class Invoices {
              private final InvoiceStore store;
              public Invoices(InvoiceStore store) { this.store = store; }
              public Object get(String id) { return store.fetch(id); }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Invoices#get")).isEmpty();
    List<Diagnostic> warnings = repo.diagnostics().sorted().stream()
        .filter(d -> d.code().equals("opaque-aws-library")).toList();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).message()).contains("store.fetch(id)", "InvoiceStore", "@DynamoDbBean", "Invoice");
    assertThat(warnings.get(0).source().line()).isEqualTo(5);
  }

  @Test
  void aSpringDataRepositoryOfAnEnhancedClientBeanWarnsRatherThanGuessing() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Invoice.java", """
            package com.acme;
            import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
            @DynamoDbBean
            public class Invoice { String id; }
            """)
        .java("com/acme/InvoiceRepository.java", """
            package com.acme;
            import org.springframework.data.repository.CrudRepository;
            public interface InvoiceRepository extends CrudRepository<Invoice, String> {}
            """)
        .java("com/acme/Invoices.java", """
            package com.acme;
            public class Invoices {
              private final InvoiceRepository invoices;
              public Invoices(InvoiceRepository invoices) { this.invoices = invoices; }
              public Object get(String id) { return invoices.findById(id); }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Invoices#get")).isEmpty();
    assertThat(repo.diagnostics().sorted()).extracting(Diagnostic::code).containsOnlyOnce("opaque-aws-library");
  }

  @Test
  void theMethodTableNamesOnlyOperationsOfTheCatalog() {
    SdkCatalog catalog = SdkCatalog.load();
    for (String op : SpringDataRepositories.operationKeys()) {
      assertThat(catalog.grants("dynamodb", op)).as(op).isNotEmpty();
    }
  }
}
