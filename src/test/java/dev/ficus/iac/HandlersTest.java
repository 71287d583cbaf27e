package dev.ficus.iac;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HandlersTest {

  @ParameterizedTest(name = "{0} on {1} -> {2} / {3}")
  @CsvSource(
      nullValues = "null",
      value = {
        "com.acme.Handler::handleRequest, java21,      com.acme.Handler, handleRequest",
        "com.acme.Handler,                java17,      com.acme.Handler, null",
        "com.acme.Outer$Inner::handle,    java11,      com.acme.Outer$Inner, handle",
        "com.acme.Handler::handleRequest, null,        com.acme.Handler, handleRequest",
        "com.acme.Handler,                null,        com.acme.Handler, null",
        "com.acme.Handler,                provided.al2023, com.acme.Handler, null",
        "index.handler,                   nodejs20.x,  null, null",
        "app.lambda_handler,              python3.12,  null, null",
        "index.handler,                   null,        null, null",
        "not.used.in.provided.runtime,    provided,    null, null",
        "bootstrap,                       go1.x,       null, null",
        "'com.acme.Handler::',            java21,      com.acme.Handler, null",
      })
  void splitsJavaHandlers(String handler, String runtime, String cls, String method) {
    Handlers.Parsed parsed = Handlers.parse(handler, runtime);
    assertThat(parsed.handlerClass()).isEqualTo(cls);
    assertThat(parsed.handlerMethod()).isEqualTo(method);
  }
}
