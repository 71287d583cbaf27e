package dev.ficus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.testing.Golden;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/cli.md is generated from the command definitions: this test fails when the page differs
 * from what the code renders. Regenerate it with {@code -Dgolden.update=true}.
 */
class CliDocsTest {

  @Test
  void docsCliMdIsWhatTheCommandDefinitionsRender() {
    Golden.assertMatches(Path.of("docs/cli.md"), CliDocs.render());
  }

  @Test
  void everyCommandAndEveryOptionIsOnThePage() {
    String page = CliDocs.render();
    picocli.CommandLine root = Ficus.commandLine(new Ficus());
    for (var sub : root.getSubcommands().values()) {
      assertThat(page).contains("## ficus " + sub.getCommandName() + "\n");
      for (var option : sub.getCommandSpec().options()) {
        if (!option.inherited() && !option.usageHelp() && !option.versionHelp()) {
          assertThat(page).contains("`" + option.longestName() + "`");
        }
      }
    }
    assertThat(page).contains("| 70 |").contains("[strategies.md](strategies.md)");
  }
}
