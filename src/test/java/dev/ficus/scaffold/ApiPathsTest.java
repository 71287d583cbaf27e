package dev.ficus.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiPathsTest {

  @Test
  void siblingVariablesTakeTheNameMostRoutesUse() {
    assertThat(
            ApiPaths.unify(
                List.of("/orders/{id}", "/orders/{id}/items", "/orders/{orderId}/pay", "/orders")))
        .containsEntry("/orders/{orderId}/pay", "/orders/{id}/pay")
        .containsEntry("/orders/{id}", "/orders/{id}")
        .containsEntry("/orders", "/orders");
  }

  @Test
  void variablesUnderDifferentParentsKeepTheirNames() {
    assertThat(ApiPaths.unify(List.of("/owners/{ownerId}", "/pets/{petId}", "/owners/{ownerId}/pets/{petId}")))
        .containsEntry("/owners/{ownerId}/pets/{petId}", "/owners/{ownerId}/pets/{petId}")
        .containsEntry("/pets/{petId}", "/pets/{petId}");
  }

  @Test
  void aTieGoesToTheFirstNameAlphabeticallyAndDeeperLevelsFollowTheUnifiedParent() {
    assertThat(ApiPaths.unify(List.of("/a/{y}/b/{p}", "/a/{x}/b/{q}")))
        .containsEntry("/a/{y}/b/{p}", "/a/{x}/b/{p}")
        .containsEntry("/a/{x}/b/{q}", "/a/{x}/b/{p}");
  }

  @Test
  void greedyVariablesAreLeftAsTheyAre() {
    assertThat(ApiPaths.unify(List.of("/files/{proxy+}", "/files/{name}")))
        .containsEntry("/files/{proxy+}", "/files/{proxy+}")
        .containsEntry("/files/{name}", "/files/{name}");
  }
}
