package io.pokeapi.observability.common.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnumWireNamesTest {

  @ParameterizedTest
  @EnumSource(FailureType.class)
  void failureTypesAreWrittenLowerSnakeAndReadBack(FailureType type) {
    String json = EventJson.toJson(type);
    assertThat(json).isEqualTo("\"" + type.name().toLowerCase(Locale.ROOT) + "\"");
    assertThat(EventJson.fromJson(json, FailureType.class)).isEqualTo(type);
  }

  @Test
  void theListedFailureTypesHaveTheirAgreedWireNames() {
    assertThat(EventJson.toJson(FailureType.HTTP_5XX)).isEqualTo("\"http_5xx\"");
    assertThat(EventJson.toJson(FailureType.HTTP_4XX)).isEqualTo("\"http_4xx\"");
    assertThat(EventJson.toJson(FailureType.RATE_LIMITED)).isEqualTo("\"rate_limited\"");
    assertThat(EventJson.toJson(FailureType.SCHEMA_VALIDATION)).isEqualTo("\"schema_validation\"");
    assertThat(EventJson.toJson(FailureType.INVALID_JSON)).isEqualTo("\"invalid_json\"");
  }

  @ParameterizedTest
  @EnumSource(CheckStatus.class)
  void checkStatusesAreLowerCase(CheckStatus status) {
    assertThat(EventJson.toJson(status))
        .isEqualTo("\"" + status.name().toLowerCase(Locale.ROOT) + "\"");
  }

  @Test
  void otherEnumsUseTheAgreedWireNames() {
    assertThat(EventJson.toJson(RunTrigger.SCHEDULE)).isEqualTo("\"schedule\"");
    assertThat(EventJson.toJson(RunTrigger.API)).isEqualTo("\"api\"");
    assertThat(EventJson.toJson(RunStatus.CANCELLED)).isEqualTo("\"cancelled\"");
    assertThat(EventJson.toJson(DriftKind.SCHEMA)).isEqualTo("\"schema\"");
  }

  @Test
  void enumsAreCaseSensitiveOnTheWireAndUnknownSpellingsReadAsUnknown() {
    assertThat(EventJson.fromJson("\"HTTP_5XX\"", FailureType.class))
        .isEqualTo(FailureType.UNKNOWN);
    assertThat(EventJson.fromJson("\"gone\"", RunStatus.class)).isEqualTo(RunStatus.UNKNOWN);
  }
}
