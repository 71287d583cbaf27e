package dev.ficus.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ficus completion}: prints the shell completion script picocli generates from the command
 * definitions, so completion knows every command, option and enum value of this very version.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a completion script for bash and zsh. Load it in the current shell with"
          + " 'source <(ficus completion)', or install it for good with"
          + " 'ficus completion > /etc/bash_completion.d/ficus' (bash) or by sourcing it from"
          + " ~/.zshrc after 'autoload -U +X bashcompinit && bashcompinit' (zsh)."
    })
final class CompletionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("ficus", spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCode.OK.code();
  }
}
