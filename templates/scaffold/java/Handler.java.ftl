<#if packageName?has_content>
package ${packageName};

</#if>
<#list imports as i>
import ${i};
</#list>

/**
 * Serves ${routeComment} as a function of its own, cut out of ${originComment} by ficus: the
 * dispatch prelude, then the route's branch.
<#list notes as n>
 *
 * <p>TODO(ficus): ${n}
</#list>
 */
public class ${simpleName}<#if header?has_content> ${header}</#if> {
<#list members as m>

${m}
</#list>

${signature} {
<#list renames as r>
<#if r?is_first>
    // The generated API names path variables as ${r.api}; the code below reads the monolith's names.
    if (${eventParameter}.getPathParameters() != null) {
      java.util.Map<String, String> pathParameters = new java.util.HashMap<>(${eventParameter}.getPathParameters());
</#if>
      pathParameters.put("${r.code}", ${eventParameter}.getPathParameters().get("${r.apiName}"));
<#if r?is_last>
      ${eventParameter}.setPathParameters(pathParameters);
    }
</#if>
</#list>
${body}
  }
}
