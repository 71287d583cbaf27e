package dev.ficus.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.Diagnostic;
import dev.ficus.model.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceLoaderTest {

  @TempDir Path repo;

  private Workspace load() {
    return new WorkspaceLoader().useDependencyJars(false).load(repo, new Diagnostics());
  }

  private void write(String path, String content) throws Exception {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  @Test
  void findsSourceRootsOfMavenGradleMultiModuleAndPlainFolders() throws Exception {
    write("orders/src/main/java/com/acme/orders/OrderHandler.java", "package com.acme.orders; public class OrderHandler {}");
    write("billing/src/main/java/com/acme/billing/Invoice.java", "package com.acme.billing; public record Invoice(String id) {}");
    write("legacy/Util.java", "public class Util {}");
    write("scripts/com/acme/tools/Tool.java", "package com.acme.tools; class Tool {}");
    Workspace ws = load();
    assertThat(ws.sourceRoots())
        .containsExactly("billing/src/main/java", "legacy", "orders/src/main/java", "scripts");
    assertThat(ws.findType("com.acme.orders.OrderHandler")).isPresent();
    assertThat(ws.findType("com.acme.billing.Invoice")).isPresent();
  }

  @Test
  void leavesOutTestSourcesAndBuildOutputByDefault() throws Exception {
    write("src/main/java/com/acme/A.java", "package com.acme; class A {}");
    write("src/test/java/com/acme/ATest.java", "package com.acme; class ATest {}");
    write("target/generated-sources/com/acme/Gen.java", "package com.acme; class Gen {}");
    assertThat(load().sources()).extracting(JavaSource::file).containsExactly("src/main/java/com/acme/A.java");
    Workspace withTests = new WorkspaceLoader().includeTests(true).useDependencyJars(false).load(repo, new Diagnostics());
    assertThat(withTests.sources()).hasSize(2);
  }

  @Test
  void aFileThatDoesNotParseIsADiagnosticWithItsLine() throws Exception {
    write("src/main/java/com/acme/Broken.java", "package com.acme;\n\nclass Broken {\n  void x( {\n}\n");
    write("src/main/java/com/acme/Ok.java", "package com.acme; class Ok {}");
    Diagnostics diagnostics = new Diagnostics();
    Workspace ws = new WorkspaceLoader().useDependencyJars(false).load(repo, diagnostics);
    assertThat(ws.sources()).extracting(JavaSource::file).containsExactly("src/main/java/com/acme/Ok.java");
    Diagnostic d = diagnostics.sorted().get(0);
    assertThat(d.code()).isEqualTo("parse-error");
    assertThat(d.source().file()).isEqualTo("src/main/java/com/acme/Broken.java");
    assertThat(d.source().line()).isEqualTo(4);
  }

  @Test
  void aBinaryFileNamedJavaIsSkippedWithADiagnostic() throws Exception {
    Path file = repo.resolve("src/main/java/Blob.java");
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61});
    Diagnostics diagnostics = new Diagnostics();
    Workspace ws = new WorkspaceLoader().useDependencyJars(false).load(repo, diagnostics);
    assertThat(ws.sources()).isEmpty();
    assertThat(diagnostics.sorted()).extracting(Diagnostic::code).contains("not-java-source");
  }

  @Test
  void readsLatin1AndByteOrderMarkedAndCrlfSources() throws Exception {
    Path latin = repo.resolve("src/main/java/com/acme/Caf\u00e9.java");
    Files.createDirectories(latin.getParent());
    Files.write(latin, "package com.acme;\r\n// caf\u00e9 cr\u00e8me\r\nclass Cafe {}\r\n".getBytes(StandardCharsets.ISO_8859_1));
    byte[] body = "package com.acme; class Bom {}".getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[body.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bom, 3, body.length);
    Files.write(repo.resolve("src/main/java/com/acme/Bom.java"), bom);
    Diagnostics diagnostics = new Diagnostics();
    Workspace ws = new WorkspaceLoader().useDependencyJars(false).load(repo, diagnostics);
    assertThat(ws.findType("com.acme.Cafe")).isPresent();
    assertThat(ws.findType("com.acme.Bom")).isPresent();
    assertThat(diagnostics.sorted()).extracting(Diagnostic::code).containsExactly("encoding");
  }

  @Test
  void aSymbolicLinkLoopIsADiagnosticNotAHang() throws Exception {
    write("src/main/java/com/acme/A.java", "package com.acme; class A {}");
    Files.createSymbolicLink(repo.resolve("src/main/java/com/acme/loop"), repo.resolve("src/main/java/com"));
    Diagnostics diagnostics = new Diagnostics();
    Workspace ws = new WorkspaceLoader().useDependencyJars(false).load(repo, diagnostics);
    assertThat(ws.findType("com.acme.A")).isPresent();
    assertThat(diagnostics.sorted()).extracting(Diagnostic::code).contains("symlink-loop");
  }

  @Test
  void qualifiesTypeNamesFromImportsWithoutAnyJar() throws Exception {
    write("src/main/java/com/acme/Repo.java", """
        package com.acme;
        import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
        import software.amazon.awssdk.services.sqs.*;
        import java.util.List;
        class Repo {
          DynamoDbClient ddb;
          SqsClient sqs;
          Helper helper;
          String name;
        }
        """);
    write("src/main/java/com/acme/Helper.java", "package com.acme; class Helper {}");
    Workspace ws = load();
    TypeNames names = new TypeNames(ws.types());
    var repoType = ws.findType("com.acme.Repo").orElseThrow();
    assertThat(names.qualify("DynamoDbClient", repoType)).contains("software.amazon.awssdk.services.dynamodb.DynamoDbClient");
    assertThat(names.qualify("SqsClient", repoType)).contains("software.amazon.awssdk.services.sqs.SqsClient");
    assertThat(names.qualify("Helper", repoType)).contains("com.acme.Helper");
    assertThat(names.qualify("String", repoType)).contains("java.lang.String");
    assertThat(names.qualify("List<String>", repoType)).contains("java.util.List");
    assertThat(names.qualify("Unknown", ws.findType("com.acme.Helper").orElseThrow())).isEmpty();
  }

  @Test
  void aWildcardImportOfTheJdkOrOfTheRepositoryDoesNotMakeANameAmbiguous() throws Exception {
    write("src/main/java/com/acme/Repo.java", """
        package com.acme;
        import java.util.*;
        import com.acme.util.*;
        import software.amazon.awssdk.services.sqs.*;
        class Repo {
          SqsClient sqs;
          List<String> names;
        }
        """);
    write("src/main/java/com/acme/util/Strings.java", "package com.acme.util; public class Strings {}");
    write("src/main/java/com/acme/Two.java", """
        package com.acme;
        import software.amazon.awssdk.services.sqs.*;
        import software.amazon.awssdk.services.sqs.model.*;
        class Two { SqsClient sqs; }
        """);
    Workspace ws = load();
    var repoType = ws.findType("com.acme.Repo").orElseThrow();
    var twoType = ws.findType("com.acme.Two").orElseThrow();
    assertThat(new TypeNames(ws.types()).qualify("SqsClient", repoType))
        .contains("software.amazon.awssdk.services.sqs.SqsClient");
    assertThat(new TypeNames(ws.types()).qualify("List", repoType)).contains("java.util.List");
    assertThat(new TypeNames(ws.types()).qualify("SqsClient", twoType))
        .as("two packages outside the repository could supply it, and nothing tells them apart")
        .isEmpty();
    assertThat(new TypeNames(ws.types(), "software.amazon.awssdk.services.sqs.SqsClient"::equals)
            .qualify("SqsClient", twoType))
        .contains("software.amazon.awssdk.services.sqs.SqsClient");
  }
}
