package dev.ficus.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Renders docs/cli.md from the picocli command definitions, the same ones {@code --help} prints,
 * so the page cannot drift from the code: a test compares the file with this rendering and
 * rewrites it with {@code -Dgolden.update=true}. The words live in the {@code @Command} and
 * {@code @Option} descriptions; only the page's opening lines are written here.
 */
public final class CliDocs {

  private static final Pattern DOC_REFERENCE = Pattern.compile("docs/([A-Za-z0-9_./-]+\\.md)");

  private CliDocs() {}

  /** Prints the page; {@code java -cp ficus.jar dev.ficus.cli.CliDocs > docs/cli.md}. */
  public static void main(String[] args) {
    System.out.print(render());
  }

  public static String render() {
    CommandLine root = Ficus.commandLine(new Ficus());
    StringBuilder md = new StringBuilder();
    md.append("# Command line\n\n");
    md.append("<!-- Generated from the picocli definitions in src/main/java/dev/ficus/cli by CliDocs;"
        + " edit the descriptions there, then run\n"
        + "     mvn -B -q test -Dtest=CliDocsTest -Dgolden.update=true -->\n\n");
    md.append("`ficus COMMAND --help` prints the same as this page, from the same definitions."
        + " Every error is one sentence on standard error, prefixed with `ficus:`; the exit codes"
        + " are at the end.\n\n");
    command(md, root, "ficus");
    for (CommandLine sub : root.getSubcommands().values()) {
      command(md, sub, "ficus " + sub.getCommandName());
    }
    md.append("## Exit codes\n\n| code | meaning |\n|---|---|\n");
    for (Map.Entry<String, String> e : root.getCommandSpec().usageMessage().exitCodeList().entrySet()) {
      md.append("| ").append(e.getKey()).append(" | ").append(cell(e.getValue())).append(" |\n");
    }
    return md.toString();
  }

  private static void command(StringBuilder md, CommandLine cli, String title) {
    CommandSpec spec = cli.getCommandSpec();
    md.append("## ").append(title).append("\n\n");
    String description = String.join("\n\n", spec.usageMessage().description());
    if (!description.isBlank()) {
      md.append(prose(description)).append("\n\n");
    }
    CommandLine.Help help = new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    md.append("```\n").append(help.synopsis(0).stripTrailing()).append("\n```\n\n");
    List<String[]> rows = new ArrayList<>();
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (!p.hidden()) {
        rows.add(new String[] {"`" + p.paramLabel() + "`", text(p)});
      }
    }
    for (OptionSpec o : spec.options()) {
      if (o.hidden() || o.inherited() || (spec.parent() != null && (o.usageHelp() || o.versionHelp()))) {
        continue;
      }
      String names = String.join(", ", java.util.Arrays.stream(o.names()).map(n -> "`" + n + "`").toList());
      if (o.typeInfo().isBoolean()) {
        rows.add(new String[] {names, text(o)});
      } else {
        rows.add(new String[] {names + " `" + o.paramLabel() + "`", text(o)});
      }
    }
    if (!rows.isEmpty()) {
      md.append(spec.parent() == null ? "Options of every command:\n\n" : "");
      md.append("| option | meaning |\n|---|---|\n");
      for (String[] row : rows) {
        md.append("| ").append(row[0]).append(" | ").append(row[1]).append(" |\n");
      }
      md.append('\n');
    }
  }

  private static String text(ArgSpec arg) {
    return cell(String.join(" ", arg.renderedDescription()));
  }

  private static String cell(String text) {
    return prose(text.replace("|", "\\|"));
  }

  /** docs/strategies.md becomes a link, relative to docs/ where the page lives. */
  private static String prose(String text) {
    Matcher m = DOC_REFERENCE.matcher(text);
    return m.replaceAll(r -> Matcher.quoteReplacement("[" + r.group(1) + "](" + r.group(1) + ")"));
  }
}
