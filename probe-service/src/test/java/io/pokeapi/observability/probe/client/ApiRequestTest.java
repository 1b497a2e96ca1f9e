package io.pokeapi.observability.probe.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRequestTest {

  @Test
  void pathSegmentsArePercentEncodedAndSlashesKept() {
    assertThat(ApiRequest.of("pokemon/not a pokemon/").encodedPath())
        .isEqualTo("pokemon/not%20a%20pokemon/");
    assertThat(ApiRequest.of("pokemon/%%%/").encodedPath()).isEqualTo("pokemon/%25%25%25/");
    assertThat(ApiRequest.of("/pokemon/25").encodedPath()).isEqualTo("pokemon/25");
  }

  @Test
  void theUrlJoinsBaseUrlPathAndQueryInOrder() {
    assertThat(ApiRequest.page("type", 40, 20).url("https://pokeapi.co/api/v2/"))
        .isEqualTo("https://pokeapi.co/api/v2/type/?offset=40&limit=20");
  }

  @Test
  void theResourceKeyIsTheIdOrNameOrListWithTheQuery() {
    assertThat(ApiRequest.of("pokemon/25/").resourceKey()).isEqualTo("25");
    assertThat(ApiRequest.of("pokemon/Pikachu").resourceKey()).isEqualTo("Pikachu");
    assertThat(ApiRequest.of("pokemon/25/encounters").resourceKey()).isEqualTo("25/encounters");
    assertThat(ApiRequest.page("type", 0, 5).resourceKey()).isEqualTo("list?offset=0&limit=5");
    assertThat(new ApiRequest("", Map.of()).resourceKey()).isEqualTo("index");
    assertThat(new ApiRequest("", Map.of()).endpointName()).isEqualTo("root");
  }
}
