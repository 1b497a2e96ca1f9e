package io.pokeapi.observability.load.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad profiles are refused with every field at fault named as the client wrote it. */
class ProfileValidatorTest {

  private final ProfileValidator validator = new ProfileValidator(Duration.ofHours(24));

  private List<String> fields(LoadProfile profile) {
    return validator.validate(profile, "profile.", "profile.baseUrl").stream()
        .map(FieldViolation::field)
        .toList();
  }

  private static LoadProfile.Builder open() {
    return LoadProfile.builder(LoadModel.OPEN)
        .baseUrl("http://127.0.0.1:8080/api/v2")
        .requests(RequestSpec.ofRange("/pokemon/{id}", 1, 1, 151))
        .rate(10)
        .duration(Duration.ofSeconds(5));
  }

  @Test
  void everyPresetIsValid() {
    Presets.all("http://127.0.0.1:8080/api/v2")
        .forEach((name, p) -> assertThat(fields(p)).as(name).isEmpty());
  }

  @Test
  void aPlainFixedConnectionsProfileIsValid() {
    LoadProfile p =
        LoadProfile.builder(LoadModel.FIXED_CONNECTIONS)
            .baseUrl("http://127.0.0.1:8089")
            .requests(RequestSpec.of("/pokemon.json"))
            .connections(64)
            .duration(Duration.ofSeconds(10))
            .warmup(Duration.ofSeconds(2))
            .build();
    assertThat(fields(p)).isEmpty();
  }

  @Test
  void missingModelBaseUrlAndRequestsAreEachNamed() {
    LoadProfile p =
        new LoadProfile(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null);
    assertThat(fields(p))
        .containsExactlyInAnyOrder("profile.model", "profile.baseUrl", "profile.requests");
  }

  @Test
  void badEntriesOfTheMixAreNamedByIndex() {
    LoadProfile p =
        open()
            .requests(
                new RequestSpec("pokemon", 1, null, null, null),
                new RequestSpec("/pokemon/{id}", 0, null, null, null),
                new RequestSpec("/type/{id}", 1, new IdRange(9L, 3L), null, null),
                new RequestSpec("/ability", 1, new IdRange(1L, 3L), null, "bad label!"))
            .build();
    assertThat(fields(p))
        .containsExactlyInAnyOrder(
            "profile.requests[0].path",
            "profile.requests[1].weight",
            "profile.requests[1].idRange",
            "profile.requests[2].idRange",
            "profile.requests[3].path",
            "profile.requests[3].endpoint");
  }

  @Test
  void stagesNameTheStageAtFault() {
    LoadProfile p =
        LoadProfile.builder(LoadModel.CLOSED)
            .baseUrl("http://127.0.0.1:8080")
            .requests(RequestSpec.of("/"))
            .stages(
                new Stage(Duration.ofSeconds(10), 5.0),
                new Stage(Duration.ZERO, 5.0),
                new Stage(Duration.ofSeconds(1), 2.5),
                new Stage(Duration.ofSeconds(1), null))
            .thinkTime(Duration.ofSeconds(3), Duration.ofSeconds(1))
            .build();
    assertThat(fields(p))
        .containsExactlyInAnyOrder(
            "profile.stages[1].duration",
            "profile.stages[2].target",
            "profile.stages[3].target",
            "profile.thinkTime");
  }

  @Test
  void fieldsOfAnotherModelAreRefused() {
    LoadProfile p = open().users(10).thinkTime(Duration.ZERO, Duration.ZERO).connections(3).build();
    assertThat(fields(p))
        .containsExactlyInAnyOrder("profile.users", "profile.thinkTime", "profile.connections");
  }

  @Test
  void openNeedsARateAboveZeroAndADuration() {
    LoadProfile p =
        LoadProfile.builder(LoadModel.OPEN)
            .baseUrl("http://127.0.0.1:1")
            .requests(RequestSpec.of("/"))
            .rate(0)
            .build();
    assertThat(fields(p)).containsExactlyInAnyOrder("profile.rate", "profile.duration");
  }

  @Test
  void aBaseUrlMustBeHttpWithAHostAndNoQuery() {
    assertThat(fields(open().baseUrl("ftp://example.org").build()))
        .containsExactly("profile.baseUrl");
    assertThat(fields(open().baseUrl("http:///nohost").build())).containsExactly("profile.baseUrl");
    assertThat(fields(open().baseUrl("http://h/?a=1").build())).containsExactly("profile.baseUrl");
  }

  @Test
  void checksAndHeadersAreChecked() {
    LoadProfile p =
        open().checks(new Checks(List.of(200, 99), "")).headers(Map.of("Bad Header", "x")).build();
    assertThat(fields(p))
        .containsExactlyInAnyOrder(
            "profile.checks.status[1]",
            "profile.checks.bodyContains",
            "profile.headers.Bad Header");
  }

  @Test
  void aRunLongerThanTheLimitIsRefusedSayingTheLimit() {
    ProfileValidator strict = new ProfileValidator(Duration.ofMinutes(1));
    List<FieldViolation> violations =
        strict.validate(
            open().duration(Duration.ofSeconds(50)).warmup(Duration.ofSeconds(20)).build(),
            "profile.",
            "baseUrl");
    assertThat(violations).extracting(FieldViolation::field).containsExactly("profile.duration");
    assertThat(violations.get(0).message()).contains("70s").contains("1m");
  }
}
