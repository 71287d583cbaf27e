package dev.ficus.routes;

import dev.ficus.testing.RouteMarkers;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Branches that only write an error response through a helper taking the status as an argument
 * (a 4xx/5xx literal or constant) serve no route; a response writer is recognized by its class
 * (every method writes to an output stream or builds a response), whatever it is called, and the
 * route's handler is the significant call among its arguments.
 */
class DispatchErrorLeavesTest {

  private final ApiGatewayDispatchRouteExtractor extractor = new ApiGatewayDispatchRouteExtractor();

  @Test
  void errorWritesAreNotRoutesAndAPrefixBranchIsOneRoute() {
    TestRepo repo = TestRepo.create()
        .java("com/acme/wire/Wire.java", """
            package com.acme.wire;

            import com.fasterxml.jackson.databind.ObjectMapper;
            import java.io.IOException;
            import java.io.OutputStream;

            public final class Wire {
              public static final int GONE = 410;
              private Wire() {}
              public static void send(OutputStream out, ObjectMapper mapper, int status, Object body) throws IOException {
                mapper.writeValue(out, body);
              }
              public static void sendBytes(OutputStream out, int status, byte[] body) throws IOException {
                out.write(body);
              }
            }
            """)
        .java("com/acme/Catalog.java", """
            package com.acme;

            import java.util.List;

            public class Catalog {
              public List<String> list() { return List.of(); }
              public byte[] render(String id) { return new byte[0]; }
              public String export(String id) { return id; }
            }
            """)
        .java("com/acme/Reports.java", """
            package com.acme;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
            import com.acme.wire.Wire;
            import com.fasterxml.jackson.databind.JsonNode;
            import com.fasterxml.jackson.databind.ObjectMapper;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.OutputStream;
            import java.net.HttpURLConnection;
            import java.util.Map;
            import java.util.regex.Matcher;
            import java.util.regex.Pattern;

            public class Reports implements RequestStreamHandler {
              private static final Pattern EXPORT = Pattern.compile("^/reports/([^/]+)/export$");
              private final ObjectMapper mapper = new ObjectMapper();
              private final Catalog catalog = new Catalog();

              @Override
              public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
                JsonNode node = mapper.readTree(input);
                String method = node.path("httpMethod").asText();
                String path = node.path("path").asText();
                Matcher export = EXPORT.matcher(path);
                if ("GET".equals(method) && path.equals("/reports")) { // ROUTE: GET /reports -> com.acme.Catalog#list
                  Wire.send(output, mapper, 200, catalog.list());
                } else if ("POST".equals(method) && export.matches()) { // ROUTE: POST /reports/{id}/export -> com.acme.Catalog#export
                  Wire.send(output, mapper, 202, Map.of("id", catalog.export(export.group(1))));
                } else if ("GET".equals(method) && path.startsWith("/reports/")) { // ROUTE: GET /reports/{id} -> com.acme.Catalog#render
                  Wire.sendBytes(output, 200, catalog.render(path.substring(9)));
                } else if ("DELETE".equals(method) && path.startsWith("/reports/")) {
                  Wire.send(output, mapper, Wire.GONE, Map.of("message", "reports are kept forever"));
                } else if (path.startsWith("/reports")) {
                  Wire.send(output, mapper, 405, Map.of("message", "Method not allowed"));
                } else {
                  Wire.send(output, mapper, HttpURLConnection.HTTP_NOT_FOUND, Map.of("message", "Nope: " + path));
                }
              }
            }
            """);

    TestRepo.Loaded loaded = repo.load();
    RouteContext context = new RouteContext(loaded.workspace(), loaded.iac(), loaded.diagnostics());
    List<ExtractedRoute> routes = extractor.extract(context);
    RouteMarkers.compare(repo, routes.stream().map(ExtractedRoute::route).toList());
  }
}
