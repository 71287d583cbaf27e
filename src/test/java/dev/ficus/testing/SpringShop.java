package dev.ficus.testing;

/**
 * A Spring Boot shop on Lambda behind aws-serverless-java-container: the SAM template and the
 * adapter handler the direct-call specifications (which routes a handler may call directly, and
 * what the generated handler looks like) share.
 */
public final class SpringShop {

  private SpringShop() {}

  public static final String TEMPLATE = """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        ShopFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: com.acme.StreamLambdaHandler::handleRequest
            Runtime: java17
            Events:
              Proxy:
                Type: Api
                Properties:
                  Path: /{proxy+}
                  Method: any
      """;

  public static final String ADAPTER = """
      package com.acme;

      import com.amazonaws.serverless.proxy.model.AwsProxyRequest;
      import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
      import com.amazonaws.serverless.proxy.spring.SpringBootLambdaContainerHandler;
      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
      import java.io.IOException;
      import java.io.InputStream;
      import java.io.OutputStream;

      public class StreamLambdaHandler implements RequestStreamHandler {
        private static SpringBootLambdaContainerHandler<AwsProxyRequest, AwsProxyResponse> handler;

        static {
          try {
            handler = SpringBootLambdaContainerHandler.getAwsProxyHandler(ShopApplication.class);
          } catch (Exception e) {
            throw new RuntimeException(e);
          }
        }

        @Override
        public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
          handler.proxyStream(in, out, context);
        }
      }
      """;
}
