package dev.ficus.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.SourceFile;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceFilesTest {

  private static SourceFile file(List<SourceFile> files, String path) {
    return files.stream().filter(f -> f.path().endsWith(path)).findFirst().orElseThrow();
  }

  @Test
  void aFileNamesTheRepositoryTypesItImportsUsesFromItsPackageOrReachesThroughStaticImports() {
    List<SourceFile> files =
        SourceFiles.of(
            TestRepo.create()
                .java("com/acme/api/Handler.java", """
                    package com.acme.api;

                    import static com.acme.config.Env.TABLE;
                    import com.acme.model.Order;
                    import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                    import java.util.List;

                    public class Handler {
                      private final DynamoDbClient db = DynamoDbClient.create();
                      List<Order> orders() { return Routes.ALL.isEmpty() ? List.of() : List.of(new Order(TABLE)); }
                      static class Inner { Handler outer; }
                    }
                    """)
                .java("com/acme/api/Routes.java", """
                    package com.acme.api;
                    final class Routes { static final java.util.List<String> ALL = java.util.List.of(); }
                    """)
                .java("com/acme/api/Unused.java", "package com.acme.api; class Unused {}")
                .java("com/acme/model/Order.java", "package com.acme.model; public record Order(String table) {}")
                .java("com/acme/config/Env.java", "package com.acme.config; public final class Env { public static final String TABLE = \"t\"; }")
                .load()
                .workspace());

    SourceFile handler = file(files, "api/Handler.java");
    assertThat(handler.packageName()).isEqualTo("com.acme.api");
    assertThat(handler.types()).containsExactly("com.acme.api.Handler", "com.acme.api.Handler.Inner");
    assertThat(handler.references())
        .containsExactly("com.acme.api.Routes", "com.acme.config.Env", "com.acme.model.Order");
    assertThat(handler.imports())
        .containsExactly("java.util.List", "software.amazon.awssdk.services.dynamodb.DynamoDbClient");
    assertThat(handler.relativePath()).isEqualTo("com/acme/api/Handler.java");
    assertThat(handler.test()).isFalse();
  }

  @Test
  void aWildcardImportOfARepositoryPackageCountsOnlyTheTypesTheFileUses() {
    List<SourceFile> files =
        SourceFiles.of(
            TestRepo.create()
                .java("com/acme/api/Handler.java", """
                    package com.acme.api;
                    import com.acme.model.*;
                    import org.slf4j.*;
                    class Handler { Order order; }
                    """)
                .java("com/acme/model/Order.java", "package com.acme.model; public class Order {}")
                .java("com/acme/model/Invoice.java", "package com.acme.model; public class Invoice {}")
                .load()
                .workspace());

    SourceFile handler = file(files, "api/Handler.java");
    assertThat(handler.references()).containsExactly("com.acme.model.Order");
    assertThat(handler.imports()).containsExactly("org.slf4j.*");
  }

  @Test
  void aNestedTypeNamedFromOutsideCountsAsItsTopLevelType() {
    List<SourceFile> files =
        SourceFiles.of(
            TestRepo.create()
                .java("com/acme/a/User.java", """
                    package com.acme.a;
                    import com.acme.b.Outer;
                    class User { Outer.Nested n; }
                    """)
                .java("com/acme/b/Outer.java", "package com.acme.b; public class Outer { public static class Nested {} }")
                .load()
                .workspace());

    assertThat(file(files, "a/User.java").references()).containsExactly("com.acme.b.Outer");
  }
}
