package dev.ficus.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AwsEffectTest {

  private static final SourceRef SITE = new SourceRef("src/main/java/com/acme/Links.java", 55);
  private static final ResourceRef OBJECTS =
      new ResourceRef("s3:object", "acme-bills/*", "arn:${AWS::Partition}:s3:::acme-bills/*", "literal", null);

  private static AwsEffect effect(String action, String caller) {
    return new AwsEffect("s3", "GetObject", List.of(action), OBJECTS,
        List.of(new CallFrame(caller, SITE), new CallFrame("com.acme.Links#sign", SITE)));
  }

  @Test
  void aSortedSetKeepsOneCallsDifferentActionsOnOneResource() {
    TreeSet<AwsEffect> set = new TreeSet<>(List.of(effect("s3:GetObject", "a"), effect("s3:PutObject", "a")));
    assertThat(set).extracting(e -> e.iamActions().get(0)).containsExactly("s3:GetObject", "s3:PutObject");
  }

  @Test
  void aSortedSetKeepsOneEffectPerCallWhateverChainReachesIt() {
    TreeSet<AwsEffect> set = new TreeSet<>(List.of(effect("s3:GetObject", "a"), effect("s3:GetObject", "b")));
    assertThat(set).hasSize(1);
  }
}
