package dev.ficus.scaffold;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The FreeMarker templates under {@code templates/scaffold/} (packaged into the jar), rendered
 * with settings that keep output byte-identical from run to run and machine to machine: a fixed
 * locale, no time zone in output, strict errors, and numbers printed as written.
 */
public final class Templates {

  private static final Configuration CONFIGURATION = configuration();

  private Templates() {}

  /**
   * Renders {@code templates/scaffold/NAME} with the model. A template error is a bug in ficus,
   * not in the user's input, so it is thrown.
   */
  public static String render(String name, Map<String, ?> model) {
    try {
      Template template = CONFIGURATION.getTemplate(name);
      StringWriter out = new StringWriter();
      template.process(model, out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + name, e);
    } catch (TemplateException e) {
      throw new IllegalStateException("template " + name + " failed: " + e.getMessage(), e);
    }
  }

  private static Configuration configuration() {
    Configuration c = new Configuration(Configuration.VERSION_2_3_34);
    c.setClassForTemplateLoading(Templates.class, "/templates/scaffold");
    c.setDefaultEncoding("UTF-8");
    c.setOutputEncoding("UTF-8");
    c.setLocale(Locale.ROOT);
    c.setNumberFormat("computer");
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setWrapUncheckedExceptions(true);
    c.setFallbackOnNullLoopVariable(false);
    return c;
  }
}
