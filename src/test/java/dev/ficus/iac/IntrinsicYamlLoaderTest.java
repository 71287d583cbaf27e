package dev.ficus.iac;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntrinsicYamlLoaderTest {

  private static String json(String yaml) {
    IntrinsicYamlLoader.Result r = IntrinsicYamlLoader.loadYaml(yaml);
    assertThat(r.ok()).as("parses").isTrue();
    return CfnResolver.json(r.documents().get(0));
  }

  @Test
  void shortFormTagsBecomeTheLongForm() {
    String yaml =
        """
        a: !Ref Table
        b: !Sub "${AWS::StackName}-orders"
        c: !GetAtt Table.StreamArn
        d: !GetAtt [Table, Arn]
        e: !If [IsProd, big, small]
        f: !Join ["-", [a, !Ref Stage]]
        g: !Select [0, !GetAZs ""]
        h: !Split [",", "a,b"]
        i: !FindInMap [Sizes, !Ref Stage, Memory]
        j: !ImportValue shared-table
        k: !Equals [!Ref Stage, prod]
        l: !Not [!Condition IsProd]
        m: !And [!Condition A, !Condition B]
        n: !Or [!Condition A, !Condition B]
        o: !Base64 "#!/bin/bash"
        p: !Cidr ["10.0.0.0/16", 4, 8]
        q: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}
        """;
    assertThat(json(yaml))
        .isEqualTo(
            "{\"a\":{\"Ref\":\"Table\"},"
                + "\"b\":{\"Fn::Sub\":\"${AWS::StackName}-orders\"},"
                + "\"c\":{\"Fn::GetAtt\":[\"Table\",\"StreamArn\"]},"
                + "\"d\":{\"Fn::GetAtt\":[\"Table\",\"Arn\"]},"
                + "\"e\":{\"Fn::If\":[\"IsProd\",\"big\",\"small\"]},"
                + "\"f\":{\"Fn::Join\":[\"-\",[\"a\",{\"Ref\":\"Stage\"}]]},"
                + "\"g\":{\"Fn::Select\":[\"0\",{\"Fn::GetAZs\":\"\"}]},"
                + "\"h\":{\"Fn::Split\":[\",\",\"a,b\"]},"
                + "\"i\":{\"Fn::FindInMap\":[\"Sizes\",{\"Ref\":\"Stage\"},\"Memory\"]},"
                + "\"j\":{\"Fn::ImportValue\":\"shared-table\"},"
                + "\"k\":{\"Fn::Equals\":[{\"Ref\":\"Stage\"},\"prod\"]},"
                + "\"l\":{\"Fn::Not\":[{\"Condition\":\"IsProd\"}]},"
                + "\"m\":{\"Fn::And\":[{\"Condition\":\"A\"},{\"Condition\":\"B\"}]},"
                + "\"n\":{\"Fn::Or\":[{\"Condition\":\"A\"},{\"Condition\":\"B\"}]},"
                + "\"o\":{\"Fn::Base64\":\"#!/bin/bash\"},"
                + "\"p\":{\"Fn::Cidr\":[\"10.0.0.0/16\",\"4\",\"8\"]},"
                + "\"q\":{\"Fn::Transform\":{\"Name\":\"AWS::Include\",\"Parameters\":{\"Location\":\"s3://b/k\"}}}}");
  }

  @Test
  void unknownTagIsAWarningAndTheValueStaysText() {
    IntrinsicYamlLoader.Result r =
        IntrinsicYamlLoader.loadYaml(
            """
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Secret orders
            """);
    assertThat(r.ok()).isTrue();
    assertThat(r.warnings()).extracting(IntrinsicYamlLoader.Problem::line).containsExactly(5);
    assertThat(r.warnings().get(0).message()).contains("!Secret");
    assertThat(CfnResolver.json(r.documents().get(0))).contains("\"TableName\":\"orders\"");
  }

  @Test
  void syntaxErrorCarriesItsLine() {
    IntrinsicYamlLoader.Result r =
        IntrinsicYamlLoader.loadYaml(
            """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: [unclosed
            """);
    assertThat(r.ok()).isFalse();
    assertThat(r.error().line()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void jsonKeepsLinesOfKeys() {
    IntrinsicYamlLoader.Result r =
        IntrinsicYamlLoader.loadJson(
            """
            {
              "Resources": {
                "Fn": {"Type": "AWS::Lambda::Function"}
              }
            }
            """);
    IacNode.Obj resources = ((IacNode.Obj) r.documents().get(0)).obj("Resources");
    assertThat(resources.keyLine("Fn")).isEqualTo(3);
  }

  @Test
  void aliasBombIsRefusedNotExpanded() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 9; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    IntrinsicYamlLoader.Result r = IntrinsicYamlLoader.loadYaml(yaml.toString());
    assertThat(r.ok()).isFalse();
  }
}
