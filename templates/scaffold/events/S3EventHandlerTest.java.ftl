<#if packageName?has_content>
package ${packageName};

</#if>
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Calls ${handlerComment}, moved unchanged from the monolith, with the event its bucket sends for
 * a new object that matches its trigger (${triggerComment}).
 */
class ${testName} {

  /**
   * Tests reach no AWS endpoint: where the function's code calls AWS, the call fails and the test
   * is reported as skipped, not passed.
   */
  private static void skippedAtAws(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String type = t.getClass().getName();
      if (type.startsWith("software.amazon.awssdk.") || type.startsWith("com.amazonaws.")) {
        Assumptions.abort("The function's code called AWS, which tests cannot reach: " + t);
      }
    }
  }

  private static Context context() {
    Context context = mock(Context.class);
    when(context.getLogger())
        .thenReturn(
            new LambdaLogger() {
              @Override
              public void log(String message) {}

              @Override
              public void log(byte[] message) {}
            });
    when(context.getAwsRequestId()).thenReturn("request-1");
    when(context.getFunctionName()).thenReturn("${functionName}");
    return context;
  }

  /** One record: the object {@code ${keyComment}} created in the bucket {@code ${bucketComment}}. */
  private static S3Event event() {
    S3EventNotification.S3BucketEntity bucket =
        new S3EventNotification.S3BucketEntity("${bucket}", null, "arn:aws:s3:::${bucket}");
    S3EventNotification.S3ObjectEntity object =
        new S3EventNotification.S3ObjectEntity("${key}", 1L, "etag-1", null, null);
    S3EventNotification.S3Entity s3 = new S3EventNotification.S3Entity("${trigger}", bucket, object, "1.0");
    return new S3Event(
        List.of(
            new S3EventNotification.S3EventNotificationRecord(
                "us-east-1", "${eventName}", "aws:s3", null, "2.1", null, null, s3, null)));
  }

  @Test
  void handlesAnObjectItsTriggerSelects() throws Exception {
    Class<?> type = Class.forName("${handlerClass}");
    Method entry = null;
    for (Method m : type.getMethods()) {
      if (m.getName().equals("${handlerMethod}")
          && m.getParameterCount() == 2
          && m.getParameterTypes()[0].isAssignableFrom(S3Event.class)
          && m.getParameterTypes()[1].isAssignableFrom(Context.class)) {
        entry = m;
      }
    }
    Assumptions.assumeTrue(entry != null, "${handlerClass} has no ${handlerMethod}(S3Event, Context)");
    Object handler;
    try {
      handler = type.getDeclaredConstructor().newInstance();
    } catch (InvocationTargetException e) {
      skippedAtAws(e.getCause());
      throw e;
    }
    try {
      entry.invoke(handler, event(), context());
    } catch (InvocationTargetException e) {
      skippedAtAws(e.getCause());
      throw e;
    }
  }
}
