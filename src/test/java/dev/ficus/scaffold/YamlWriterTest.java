package dev.ficus.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.scaffold.YamlWriter.Mapping;
import dev.ficus.scaffold.YamlWriter.Sequence;
import dev.ficus.scaffold.YamlWriter.Tagged;
import dev.ficus.scaffold.YamlWriter.Text;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamlWriterTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/a: b # c 'd' \"e\" {f} [g] ü 日本 😀",
        "/orders/{id}",
        "{proxy+}",
        "- leading dash",
        "yes", "No", "null", "~", "1024", "0x1F", "1e3", ".inf", "2010-09-09",
        "trailing:", "a::b", "@at", "`tick`", "%percent", "&anchor", "*alias", "!tag", "|", ">",
        "tab\there", "new\nline", "back\\slash", "bell\u0007", "nel\u0085", "ls\u2028", "bom\uFEFF",
        "  spaces around  ", "", "#hash", "a #b", "?question", ",comma"
      })
  void everyStringRoundTripsThroughAYamlParser(String value) {
    Mapping root = new Mapping().put(value, value).put("list", Sequence.ofTexts(List.of(value)));
    root.put("sub", Tagged.sub(value));
    Map<String, Object> parsed = CfnYaml.load(YamlWriter.write(root));
    assertThat(parsed).containsEntry(value, value);
    assertThat(parsed.get("list")).isEqualTo(List.of(value));
    assertThat(parsed.get("sub")).isEqualTo(Map.of("Fn::Sub", value));
  }

  @Test
  void safeWordsStayPlainAndEverythingElseIsDoubleQuoted() {
    assertThat(YamlWriter.scalar("dynamodb:GetItem")).isEqualTo("dynamodb:GetItem");
    assertThat(YamlWriter.scalar("/orders")).isEqualTo("/orders");
    assertThat(YamlWriter.scalar("/orders/{id}")).isEqualTo("\"/orders/{id}\"");
    assertThat(YamlWriter.scalar("true")).isEqualTo("\"true\"");
    assertThat(YamlWriter.scalar("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
  }

  @Test
  void commentsSitAboveTheirEntryAndCannotBreakOutOfTheirLine() {
    Mapping statement =
        new Mapping()
            .put("Effect", "Allow")
            .put("Resource", Text.of("*"), "because\nResource: evil");
    String yaml = YamlWriter.write(new Mapping().put("Statement", new Sequence(List.of(statement))));
    assertThat(yaml)
        .isEqualTo(
            """
            Statement:
              - Effect: Allow
                # because
                # Resource: evil
                Resource: "*"
            """);
    assertThat(CfnYaml.load(yaml)).isEqualTo(Map.of("Statement", List.of(Map.of("Effect", "Allow", "Resource", "*"))));
  }

  @Test
  void aCommentOnTheFirstEntryOfAListItemStaysInsideTheItem() {
    Mapping item = new Mapping().put("A", Text.of("1"), "first").put("B", "2");
    String yaml = YamlWriter.write(new Mapping().put("L", new Sequence(List.of(item))));
    assertThat(yaml).isEqualTo("L:\n    # first\n  - A: \"1\"\n    B: \"2\"\n");
    assertThat(CfnYaml.load(yaml)).isEqualTo(Map.of("L", List.of(Map.of("A", "1", "B", "2"))));
  }
}
