package dev.ficus.scaffold;

import dev.ficus.model.PlannedFunction;
import dev.ficus.model.Trigger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A unit test for each event function whose event ficus can build from its trigger alone: a new
 * object in its bucket under the key its filters select. It calls the copied handler class as
 * Lambda would; where the code calls AWS the test is skipped, as the route tests are. Queue, topic
 * and stream functions get none: their messages are their producers', which ficus does not know,
 * and a made-up body would fail correct code.
 */
public final class EventHandlerTests implements ProjectPart {

  @Override
  public void contribute(ScaffoldContext context) {
    MonolithPom pom = context.monolithPom().orElse(MonolithPom.none());
    for (PlannedFunction function : context.plan().functions()) {
      if (!function.isEvent()) {
        continue;
      }
      ProjectLayout.Module module = context.layout().moduleOf(function);
      ProjectLayout.Handler handler = context.layout().handlerOf(function);
      Trigger s3 = function.triggers().stream().filter(t -> t.kind().equals("S3")).findFirst().orElse(null);
      if (s3 == null) {
        continue;
      }
      String declared = handler.declared();
      int colons = declared.indexOf("::");
      String method = colons < 0 ? "handleRequest" : declared.substring(colons + 2);
      String testName = ProjectLayout.javaName(function.name()) + "EventTest";
      String key = s3.properties().getOrDefault("prefix", "") + "test-object" + s3.properties().getOrDefault("suffix", "");
      String bucket = "test-" + (s3.target() == null ? "bucket" : s3.target().replaceAll("([a-z0-9])([A-Z])", "$1-$2")
          .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""));
      String events = s3.properties().getOrDefault("events", "s3:ObjectCreated:*").split(",")[0].trim();
      String eventName = events.replaceFirst("^s3:", "")
          .replace("ObjectCreated:*", "ObjectCreated:Put").replace("ObjectRemoved:*", "ObjectRemoved:Delete");
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("packageName", handler.packageName());
      model.put("testName", testName);
      model.put("handlerClass", HandlerClasses.javaString(handler.qualifiedName()));
      model.put("handlerMethod", HandlerClasses.javaString(method));
      model.put("handlerComment", HandlerClasses.comment(declared));
      model.put("triggerComment", HandlerClasses.comment(s3.kind() + " " + s3.name()
          + (s3.target() == null ? "" : " on " + s3.target()) + " " + s3.properties()));
      model.put("functionName", HandlerClasses.javaString(function.name()));
      model.put("bucket", HandlerClasses.javaString(bucket));
      model.put("bucketComment", HandlerClasses.comment(bucket).replace("}", ")"));
      model.put("key", HandlerClasses.javaString(key));
      model.put("keyComment", HandlerClasses.comment(key).replace("}", ")"));
      model.put("trigger", HandlerClasses.javaString(s3.name()));
      model.put("eventName", HandlerClasses.javaString(eventName));
      String path = module.dir() + "/" + HandlerClasses.TEST_JAVA
          + (handler.packageName().isEmpty() ? "" : handler.packageName().replace('.', '/') + "/") + testName + ".java";
      context.add(path, Templates.render("events/S3EventHandlerTest.java.ftl", model));
      context.requireDependency(module.dir(), MavenDependency.of(HandlerClasses.LAMBDA_GROUP, "aws-lambda-java-core",
          pom.versionOf(HandlerClasses.LAMBDA_GROUP + ":aws-lambda-java-core").orElse(HandlerClasses.CORE_VERSION)));
      context.requireDependency(module.dir(), MavenDependency.of(HandlerClasses.LAMBDA_GROUP, "aws-lambda-java-events",
          pom.versionOf(HandlerClasses.LAMBDA_GROUP + ":aws-lambda-java-events").orElse(HandlerClasses.EVENTS_VERSION)));
      context.requireDependency(module.dir(), new MavenDependency("org.junit.jupiter", "junit-jupiter",
          pom.versionOf("org.junit.jupiter:junit-jupiter").orElse(HandlerClasses.JUNIT_VERSION), "test"));
      context.requireDependency(module.dir(), new MavenDependency("org.mockito", "mockito-core",
          pom.versionOf("org.mockito:mockito-core").orElse(HandlerClasses.MOCKITO_VERSION), "test"));
    }
  }
}
