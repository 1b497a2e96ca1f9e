package io.pokeapi.observability.probe.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SecretMaskerPropertiesTest {

  private final SecretMasker masker = new SecretMasker(Optional.of("s3cr3t-api-token"));

  @Example
  void credentialQueryParametersAreMaskedAndTheRestKept() {
    assertThat(masker.mask("https://pokeapi.co/api/v2/pokemon/?limit=20&token=abc&password=p4ss"))
        .isEqualTo("https://pokeapi.co/api/v2/pokemon/?limit=20&token=***&password=***");
    assertThat(masker.mask("https://x/?api_key=k&access_token=t#frag"))
        .isEqualTo("https://x/?api_key=***&access_token=***#frag");
  }

  @Example
  void userInfoPasswordsBearerCredentialsAndTheApiTokenAreMasked() {
    assertThat(masker.mask("https://probe:hunter2@pokeapi.co/api/v2/"))
        .isEqualTo("https://probe:***@pokeapi.co/api/v2/");
    assertThat(masker.mask("Authorization: Bearer abc.def")).isEqualTo("Authorization: Bearer ***");
    assertThat(masker.mask("sent s3cr3t-api-token in a header")).isEqualTo("sent *** in a header");
  }

  @Example
  void textWithoutSecretsIsUnchanged() {
    String url = "https://pokeapi.co/api/v2/pokemon/?offset=20&limit=20";
    assertThat(masker.mask(url)).isEqualTo(url);
    assertThat(masker.mask(null)).isNull();
  }

  @Property(tries = 500)
  void noSecretValueSurvivesInAUrl(
      @ForAll("secretNames") String name,
      @ForAll("secretValues") String value,
      @ForAll("otherQueries") String before,
      @ForAll("trailers") String after) {
    String url = "https://pokeapi.co/api/v2/pokemon/?" + before + name + "=" + value + after;
    String masked = masker.mask(url);
    assertThat(masked).doesNotContain(name + "=" + value).contains(name + "=" + SecretMasker.MASK);
  }

  @Provide
  Arbitrary<String> secretNames() {
    return Arbitraries.of(
        "token",
        "password",
        "api_key",
        "apikey",
        "access_token",
        "client_secret",
        "Token",
        "PASSWORD",
        "x-api-key",
        "auth");
  }

  @Provide
  Arbitrary<String> secretValues() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .numeric()
        .withChars("-_.~%")
        .ofMinLength(1)
        .ofMaxLength(40);
  }

  @Provide
  Arbitrary<String> otherQueries() {
    return Arbitraries.of("", "limit=20&", "offset=0&limit=5&");
  }

  @Provide
  Arbitrary<String> trailers() {
    return Arbitraries.of("", "&limit=20", "#top", "&offset=0&limit=5");
  }
}
