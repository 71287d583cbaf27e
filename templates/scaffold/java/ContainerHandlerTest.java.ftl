<#if packageName?has_content>
package ${packageName};

</#if>
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link ${simpleName}} hands ${routeComment} to the framework's adapter. Starting the framework
 * needs its configuration and AWS, so this test checks the wiring only.
 */
class ${simpleName}Test {

  @Test
  void handsTheEventToTheFrameworkAdapter() {
    assertTrue(${adapter}.class.isAssignableFrom(${simpleName}.class));
  }
}
