<#if packageName?has_content>
package ${packageName};

</#if>
/**
 * Serves ${routeComment} as a function of its own through the framework's adapter
 * ${adapterComment}, the handler the monolith runs today.
 *
<#list notes as n>
 * <p>TODO(ficus): ${n}
 *
</#list>
 */
public class ${simpleName} extends ${adapter} {}
