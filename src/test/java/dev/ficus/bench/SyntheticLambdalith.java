package dev.ficus.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a synthetic lambdalith of about the requested number of lines: a REST handler that
 * dispatches on method and resource with constants from another class, one service per route
 * group calling helpers a few levels deep, repositories with AWS SDK v2 calls (DynamoDB, S3, SQS)
 * whose names come from environment variables, and a SAM template. Seeded, so a size always gives
 * the same repository. Used by {@link Bench} to measure how analysis cost grows with code size.
 */
public final class SyntheticLambdalith {

  /** Lines one domain (service, helpers, repository, model) takes; measured on the output. */
  private static final int LINES_PER_DOMAIN = 175;

  private final int domains;
  private final Random random = new Random(42);

  public SyntheticLambdalith(int targetLines) {
    this.domains = Math.max(1, targetLines / LINES_PER_DOMAIN);
  }

  public int domains() {
    return domains;
  }

  public Path writeTo(Path root) throws IOException {
    Path src = root.resolve("src/main/java/com/example/app");
    Files.createDirectories(src);
    StringBuilder routes = new StringBuilder("package com.example.app;\n\npublic final class Routes {\n  private Routes() {}\n\n");
    StringBuilder cases = new StringBuilder();
    StringBuilder fields = new StringBuilder();
    StringBuilder template = new StringBuilder();
    template.append("AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\n");
    template.append("Resources:\n  ApiFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n");
    template.append("      Handler: com.example.app.ApiHandler::handleRequest\n      Runtime: java21\n");
    template.append("      Environment:\n        Variables:\n");
    StringBuilder tables = new StringBuilder();
    for (int d = 0; d < domains; d++) {
      String name = "Domain" + d;
      String lower = "domain" + d;
      routes.append("  public static final String ").append(lower.toUpperCase()).append(" = \"/").append(lower).append("\";\n");
      cases.append("      case \"GET \" + Routes.").append(lower.toUpperCase()).append(":\n        return ")
          .append(lower).append(".list(event);\n");
      cases.append("      case \"GET \" + Routes.").append(lower.toUpperCase()).append(" + \"/{id}\":\n        return ")
          .append(lower).append(".find(event.getPathParameters().get(\"id\"));\n");
      cases.append("      case \"POST \" + Routes.").append(lower.toUpperCase()).append(":\n        return ")
          .append(lower).append(".create(event.getBody());\n");
      fields.append("  private final ").append(name).append("Service ").append(lower).append(" = new ")
          .append(name).append("Service(new Dynamo").append(name).append("Repository(Clients.DYNAMO));\n");
      template.append("          ").append(lower.toUpperCase()).append("_TABLE: !Ref ").append(name).append("Table\n");
      tables.append("  ").append(name).append("Table:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: ")
          .append(lower).append("\n      BillingMode: PAY_PER_REQUEST\n");
      write(src.resolve(name + "Service.java"), service(name, lower));
      write(src.resolve(name + "Repository.java"), repositoryInterface(name));
      write(src.resolve("Dynamo" + name + "Repository.java"), repository(name, lower));
      write(src.resolve(name + ".java"), model(name));
    }
    routes.append("}\n");
    template.append("      Events:\n        Proxy:\n          Type: Api\n          Properties:\n            Path: /{proxy+}\n            Method: ANY\n");
    template.append(tables);
    write(src.resolve("Routes.java"), routes.toString());
    write(src.resolve("Clients.java"), """
        package com.example.app;

        import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
        import software.amazon.awssdk.services.s3.S3Client;
        import software.amazon.awssdk.services.sqs.SqsClient;

        final class Clients {
          static final DynamoDbClient DYNAMO = DynamoDbClient.builder().build();
          static final S3Client S3 = S3Client.create();
          static final SqsClient SQS = SqsClient.builder().build();

          private Clients() {}
        }
        """);
    write(src.resolve("ApiHandler.java"), """
        package com.example.app;

        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;
        import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
        import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

        public class ApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        %s
          @Override
          public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
            String key = event.getHttpMethod() + " " + event.getResource();
            switch (key) {
        %s      default:
                return new APIGatewayProxyResponseEvent().withStatusCode(404);
            }
          }
        }
        """.formatted(fields, cases));
    write(root.resolve("template.yaml"), template.toString());
    write(root.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId><artifactId>app</artifactId><version>1</version></project>\n");
    return root;
  }

  private String service(String name, String lower) {
    int depth = 2 + random.nextInt(3);
    StringBuilder helpers = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      String next = i + 1 < depth ? "    return step" + (i + 1) + "(value + " + i + ");\n" : "    return value.trim();\n";
      helpers.append("  private String step").append(i).append("(String value) {\n")
          .append("    if (value == null || value.isEmpty()) {\n      throw new IllegalArgumentException(\"empty\");\n    }\n")
          .append("    for (int i = 0; i < value.length(); i++) {\n      if (Character.isWhitespace(value.charAt(i))) {\n        break;\n      }\n    }\n")
          .append(next).append("  }\n\n");
    }
    return """
        package com.example.app;

        import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
        import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
        import java.util.List;
        import java.util.Map;
        import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

        /** Business logic of %2$s. */
        public class %1$sService {
          private static final String QUEUE_URL = System.getenv("%3$s_QUEUE");
          private final %1$sRepository repository;

          public %1$sService(%1$sRepository repository) {
            this.repository = repository;
          }

          public APIGatewayProxyResponseEvent list(APIGatewayProxyRequestEvent event) {
            Map<String, String> query = event.getQueryStringParameters();
            int limit = query == null ? 20 : Integer.parseInt(query.getOrDefault("limit", "20"));
            List<%1$s> items = repository.findAll(limit);
            StringBuilder body = new StringBuilder("[");
            for (%1$s item : items) {
              if (body.length() > 1) {
                body.append(',');
              }
              body.append(item.toJson());
            }
            return ok(body.append(']').toString());
          }

          public APIGatewayProxyResponseEvent find(String id) {
            String key = step0(id);
            return repository.findById(key)
                .map(item -> ok(item.toJson()))
                .orElseGet(() -> new APIGatewayProxyResponseEvent().withStatusCode(404));
          }

          public APIGatewayProxyResponseEvent create(String body) {
            %1$s item = %1$s.fromJson(step0(body));
            repository.save(item);
            Clients.SQS.sendMessage(SendMessageRequest.builder().queueUrl(QUEUE_URL).messageBody(item.id()).build());
            return ok(item.toJson()).withStatusCode(201);
          }

        %4$s  private static APIGatewayProxyResponseEvent ok(String body) {
            return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody(body);
          }
        }
        """.formatted(name, lower, lower.toUpperCase(), helpers);
  }

  private static String repositoryInterface(String name) {
    return """
        package com.example.app;

        import java.util.List;
        import java.util.Optional;

        public interface %1$sRepository {
          List<%1$s> findAll(int limit);

          Optional<%1$s> findById(String id);

          void save(%1$s item);
        }
        """.formatted(name);
  }

  private static String repository(String name, String lower) {
    return """
        package com.example.app;

        import java.util.ArrayList;
        import java.util.List;
        import java.util.Map;
        import java.util.Optional;
        import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
        import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
        import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
        import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
        import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
        import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

        class Dynamo%1$sRepository implements %1$sRepository {
          private static final String TABLE = System.getenv("%3$s_TABLE");
          private final DynamoDbClient dynamo;

          Dynamo%1$sRepository(DynamoDbClient dynamo) {
            this.dynamo = dynamo;
          }

          @Override
          public List<%1$s> findAll(int limit) {
            List<%1$s> out = new ArrayList<>();
            for (Map<String, AttributeValue> item : dynamo.scan(ScanRequest.builder().tableName(TABLE).limit(limit).build()).items()) {
              out.add(new %1$s(item.get("id").s(), item.get("name").s()));
            }
            return out;
          }

          @Override
          public Optional<%1$s> findById(String id) {
            GetItemResponse response =
                dynamo.getItem(GetItemRequest.builder().tableName(TABLE).key(Map.of("id", AttributeValue.fromS(id))).build());
            if (!response.hasItem()) {
              return Optional.empty();
            }
            return Optional.of(new %1$s(id, response.item().get("name").s()));
          }

          @Override
          public void save(%1$s item) {
            dynamo.putItem(PutItemRequest.builder().tableName(TABLE)
                .item(Map.of("id", AttributeValue.fromS(item.id()), "name", AttributeValue.fromS(item.name())))
                .build());
          }
        }
        """.formatted(name, lower, lower.toUpperCase());
  }

  private static String model(String name) {
    return """
        package com.example.app;

        public record %1$s(String id, String name) {
          public String toJson() {
            return "{\\"id\\":\\"" + id + "\\",\\"name\\":\\"" + name + "\\"}";
          }

          public static %1$s fromJson(String json) {
            String[] parts = json.replaceAll("[{}\\"]", "").split(",");
            String id = null;
            String name = null;
            for (String part : parts) {
              String[] kv = part.split(":", 2);
              if (kv.length == 2 && kv[0].trim().equals("id")) {
                id = kv[1].trim();
              } else if (kv.length == 2 && kv[0].trim().equals("name")) {
                name = kv[1].trim();
              }
            }
            return new %1$s(id, name);
          }
        }
        """.formatted(name);
  }

  private static void write(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
