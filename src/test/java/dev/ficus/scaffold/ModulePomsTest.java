package dev.ficus.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each module declares the libraries its files import, as the monolith declares them, and no more. */
class ModulePomsTest {

  @TempDir Path tmp;

  private static final String POM = """
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>com.acme</groupId>
        <artifactId>store-api</artifactId>
        <version>2.0.0</version>
        <properties>
          <maven.compiler.release>17</maven.compiler.release>
          <sdk.version>2.25.60</sdk.version>
        </properties>
        <dependencyManagement>
          <dependencies>
            <dependency>
              <groupId>software.amazon.awssdk</groupId>
              <artifactId>bom</artifactId>
              <version>${sdk.version}</version>
              <type>pom</type>
              <scope>import</scope>
            </dependency>
          </dependencies>
        </dependencyManagement>
        <dependencies>
          <dependency><groupId>com.amazonaws</groupId><artifactId>aws-lambda-java-core</artifactId><version>1.2.3</version></dependency>
          <dependency><groupId>com.amazonaws</groupId><artifactId>aws-lambda-java-events</artifactId><version>3.11.5</version></dependency>
          <dependency><groupId>software.amazon.awssdk</groupId><artifactId>dynamodb</artifactId></dependency>
          <dependency>
            <groupId>software.amazon.awssdk</groupId><artifactId>s3</artifactId>
            <exclusions><exclusion><groupId>software.amazon.awssdk</groupId><artifactId>netty-nio-client</artifactId></exclusion></exclusions>
          </dependency>
          <dependency><groupId>software.amazon.awssdk</groupId><artifactId>url-connection-client</artifactId></dependency>
          <dependency><groupId>com.github.librepdf</groupId><artifactId>openpdf</artifactId><version>1.3.43</version></dependency>
          <dependency><groupId>com.acme.internal</groupId><artifactId>pricing-rules</artifactId><version>4.1</version></dependency>
          <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.10.2</version><scope>test</scope></dependency>
        </dependencies>
      </project>
      """;

  private static final String TEMPLATE = """
      AWSTemplateFormatVersion: '2010-09-09'
      Transform: AWS::Serverless-2016-10-31
      Resources:
        StoreFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: com.acme.store.api.StoreHandler::handleRequest
            Runtime: java17
            Events:
              Proxy:
                Type: Api
                Properties:
                  Path: /{proxy+}
                  Method: ANY
      """;

  private static final String HANDLER = """
      package com.acme.store.api;

      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
      import com.acme.store.items.ItemService;
      import com.acme.store.reports.ReportService;

      public class StoreHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        private final ItemService items = new ItemService();
        private final ReportService reports = new ReportService();

        @Override
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
          switch (event.getHttpMethod() + " " + event.getResource()) {
            case "GET /items":
              return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody(items.list());
            case "POST /reports":
              return new APIGatewayProxyResponseEvent().withStatusCode(201).withBody(reports.create());
            default:
              return new APIGatewayProxyResponseEvent().withStatusCode(404);
          }
        }
      }
      """;

  private static final String ITEMS = """
      package com.acme.store.items;

      import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
      import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

      public class ItemService {
        private final DynamoDbClient db = DynamoDbClient.create();
        public String list() { return db.scan(ScanRequest.builder().tableName("items").build()).items().toString(); }
      }
      """;

  private static final String REPORTS = """
      package com.acme.store.reports;

      import com.acme.pricing.Rules;
      import com.lowagie.text.Document;
      import software.amazon.awssdk.core.sync.RequestBody;
      import software.amazon.awssdk.services.s3.S3Client;
      import software.amazon.awssdk.services.s3.model.PutObjectRequest;

      public class ReportService {
        private final S3Client s3 = S3Client.create();
        public String create() {
          new Document();
          Rules.apply();
          s3.putObject(PutObjectRequest.builder().bucket("reports").key("r.pdf").build(), RequestBody.fromString("pdf"));
          return "r.pdf";
        }
      }
      """;

  private ScaffoldFixtures.Scaffolded scaffold() throws IOException {
    Path repo =
        TestRepo.create()
            .file("pom.xml", POM)
            .file("template.yaml", TEMPLATE)
            .java("com/acme/store/api/StoreHandler.java", HANDLER)
            .java("com/acme/store/items/ItemService.java", ITEMS)
            .java("com/acme/store/reports/ReportService.java", REPORTS)
            .writeTo(Files.createDirectory(tmp.resolve("store")));
    // The generated handlers take over the dispatcher, which names every service's code.
    ProjectPart handlersReplaceTheDispatcher =
        context ->
            context.layout().modules().forEach(
                m -> context.replaceClass(m.dir(), "com.acme.store.api.StoreHandler"));
    return ScaffoldFixtures.scaffold(
        repo,
        ScaffoldOptions.defaults(),
        "by-path",
        new Scaffolder(List.of(handlersReplaceTheDispatcher, new ModuleSources(), new ModulePoms())));
  }

  @Test
  void aModuleKeepsOnlyTheSdkClientsItsFilesImportWithTheHttpClientTheMonolithChose() throws IOException {
    String items = scaffold().file("services/items/pom.xml");

    assertThat(items)
        .contains("<artifactId>dynamodb</artifactId>")
        .contains("<artifactId>url-connection-client</artifactId>")
        .doesNotContain("<artifactId>s3</artifactId>")
        .doesNotContain("openpdf")
        .doesNotContain("pricing-rules")
        .doesNotContain("junit-jupiter</artifactId>\n      <version>5.10.2");
  }

  @Test
  void librariesKeepTheMonolithsVersionsAndExclusionsAndTheParentKeepsItsPropertiesAndBoms()
      throws IOException {
    ScaffoldFixtures.Scaffolded store = scaffold();
    String reports = store.file("services/reports/pom.xml");
    String parent = store.file("pom.xml");

    assertThat(reports)
        .contains("<artifactId>s3</artifactId>")
        .contains("<artifactId>netty-nio-client</artifactId>")
        .contains("<artifactId>openpdf</artifactId>\n      <version>1.3.43</version>");
    assertThat(parent)
        .contains("<sdk.version>2.25.60</sdk.version>")
        .contains("<version>${sdk.version}</version>")
        .contains("<module>services/items</module>")
        .contains("<module>services/reports</module>")
        .contains("<AWS_ENDPOINT_URL>http://127.0.0.1:9</AWS_ENDPOINT_URL>");
  }

  @Test
  void anImportNoKnownLibraryProvidesKeepsTheMonolithsUnknownLibrariesAndSaysSo() throws IOException {
    ScaffoldFixtures.Scaffolded store = scaffold();

    assertThat(store.file("services/reports/pom.xml")).contains("<artifactId>pricing-rules</artifactId>");
    assertThat(store.project().notes())
        .anySatisfy(n -> assertThat(n.message()).contains("com.acme.pricing.Rules").contains("com.acme.internal:pricing-rules"));
  }

  private static final String V1_POM = """
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>com.acme</groupId>
        <artifactId>store-api</artifactId>
        <version>1.0.0</version>
        <dependencies>
          <dependency><groupId>com.amazonaws</groupId><artifactId>aws-lambda-java-core</artifactId><version>1.2.3</version></dependency>
          <dependency><groupId>com.amazonaws</groupId><artifactId>aws-lambda-java-events</artifactId><version>3.11.5</version></dependency>
          <dependency><groupId>com.amazonaws</groupId><artifactId>aws-java-sdk-s3</artifactId><version>1.12.700</version></dependency>
          <dependency><groupId>com.amazonaws</groupId><artifactId>aws-java-sdk-dynamodb</artifactId><version>1.12.700</version></dependency>
          <dependency><groupId>com.google.dagger</groupId><artifactId>dagger</artifactId><version>2.51</version></dependency>
        </dependencies>
      </project>
      """;

  private static final String V1_ITEMS = """
      package com.acme.store.items;

      import com.acme.store.config.DaggerStoreComponent;
      import com.amazonaws.AmazonWebServiceRequest;
      import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
      import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;
      import javax.imageio.ImageIO;

      public class ItemService {
        private final AmazonDynamoDB db = AmazonDynamoDBClientBuilder.defaultClient();
        public String list() {
          DaggerStoreComponent.create();
          return db.scan("items", null).toString() + ImageIO.getReaderFormatNames().length;
        }
      }
      """;

  @Test
  void theSdkCoreComesWithTheClientTheModuleKeepsAndJdkAndGeneratedClassesAreNoLibraries() throws IOException {
    Path repo =
        TestRepo.create()
            .file("pom.xml", V1_POM)
            .file("template.yaml", TEMPLATE)
            .java("com/acme/store/api/StoreHandler.java", HANDLER)
            .java("com/acme/store/items/ItemService.java", V1_ITEMS)
            .java("com/acme/store/reports/ReportService.java", REPORTS)
            .java("com/acme/store/config/StoreModule.java", "package com.acme.store.config; public class StoreModule {}")
            .writeTo(Files.createDirectory(tmp.resolve("v1")));
    ProjectPart handlersReplaceTheDispatcher =
        context ->
            context.layout().modules().forEach(
                m -> context.replaceClass(m.dir(), "com.acme.store.api.StoreHandler"));
    ScaffoldFixtures.Scaffolded store = ScaffoldFixtures.scaffold(
        repo, ScaffoldOptions.defaults(), "by-path",
        new Scaffolder(List.of(handlersReplaceTheDispatcher, new ModuleSources(), new ModulePoms())));

    String items = store.file("services/items/pom.xml");
    assertThat(items)
        .as("com.amazonaws.AmazonWebServiceRequest is the SDK core, which the DynamoDB client brings")
        .contains("<artifactId>aws-java-sdk-dynamodb</artifactId>")
        .doesNotContain("<artifactId>aws-java-sdk-s3</artifactId>");
    assertThat(store.project().notes())
        .noneSatisfy(n -> assertThat(n.message()).contains("javax.imageio"))
        .anySatisfy(n -> assertThat(n.message())
            .contains("com.acme.store.config.DaggerStoreComponent")
            .contains("annotation processor"));
  }
}
