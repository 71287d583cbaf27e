package dev.ficus.scaffold;

import java.util.Objects;

/**
 * The deployment choices a user makes for the generated functions, with the defaults AWS
 * recommends for a Java API: what goes into the SAM template's Globals and each function's
 * deployment preference.
 *
 * @param runtime a Lambda Java runtime id, {@code java21} by default
 * @param memorySize MB for every function
 * @param timeout seconds for every function
 * @param architecture {@code x86_64} or {@code arm64}
 * @param snapStart publish versions with SnapStart on (Java cold starts), through the alias
 * @param deploymentPreference the CodeDeploy traffic-shifting type every new function's alias
 *     moves with, e.g. {@code Canary10Percent5Minutes}
 */
public record ScaffoldOptions(
    String runtime,
    int memorySize,
    int timeout,
    String architecture,
    boolean snapStart,
    String deploymentPreference) {

  public ScaffoldOptions {
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(deploymentPreference, "deploymentPreference");
  }

  public static ScaffoldOptions defaults() {
    return new ScaffoldOptions("java21", 1024, 30, "x86_64", false, "Canary10Percent5Minutes");
  }

  /** The Java release the generated modules compile for: the runtime's own. */
  public int javaRelease() {
    String digits = runtime.replaceAll("[^0-9]", "");
    return digits.isEmpty() ? 21 : Integer.parseInt(digits);
  }
}
