package io.pokeapi.observability.common.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** What a client reads in a 400: the field as it wrote it and why, never a Java type name. */
class InputErrorsTest {

  enum Mode {
    OPEN,
    CLOSED
  }

  record Step(@NotBlank String path, @Min(1) int weight) {}

  record Profile(String name, Mode mode, int connections, boolean ssl, List<@Valid Step> steps) {}

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  private static InputErrors.FieldError read(String body) {
    JsonProcessingException e =
        catchThrowableOfType(
            JsonProcessingException.class, () -> JSON.readValue(body, Profile.class));
    assertThat(e).as("reading %s fails", body).isNotNull();
    return InputErrors.unreadable(e);
  }

  @Test
  void namesTheFieldAsTheClientWroteIt() {
    assertThat(read("{\"steps\": [{\"path\": \"/a\", \"weight\": \"x\"}]}"))
        .isEqualTo(new InputErrors.FieldError("steps[0].weight", "must be an integer"));
    assertThat(read("{\"nmae\": \"x\"}"))
        .isEqualTo(new InputErrors.FieldError("nmae", "is not a known field"));
    assertThat(read("{\"name\": \"a\", \"name\": \"b\"}"))
        .isEqualTo(new InputErrors.FieldError("name", "is given more than once"));
    assertThat(read("{\"steps\": {}}"))
        .isEqualTo(new InputErrors.FieldError("steps", "must be an array"));
    assertThat(read("{\"ssl\": \"yes\"}"))
        .isEqualTo(new InputErrors.FieldError("ssl", "must be true or false"));
    assertThat(read("{\"name\": \"a\"} {}"))
        .isEqualTo(new InputErrors.FieldError("body", "has content after the JSON value"));
    assertThat(read("{\"name\": ").field()).isEqualTo("body");
    assertThat(read("{\"name\": ").message()).startsWith("is not valid JSON (line 1");
  }

  @Test
  void saysWhichValuesAnEnumAccepts() {
    InputErrors.FieldError error = read("{\"mode\": \"stampede\"}");
    assertThat(error.field()).isEqualTo("mode");
    assertThat(error.message()).isEqualTo("must be one of OPEN, CLOSED");
  }

  @Test
  void namesTheFieldOfAViolation() {
    Profile profile =
        new Profile("p", Mode.OPEN, 1, false, List.of(new Step("/a", 1), new Step(" ", 0)));
    Set<String> fields =
        VALIDATOR.validate(profile).stream().map(InputErrors::field).collect(Collectors.toSet());
    assertThat(fields).containsExactlyInAnyOrder("steps[1].path", "steps[1].weight");
  }

  @Property(tries = 300)
  void neverLeaksAJavaTypeName(@ForAll("wrongBodies") String body) {
    InputErrors.FieldError error = read(body);
    assertThat(error.detail()).doesNotContain("java.", "`", "class ", "io.pokeapi");
    assertThat(error.field()).isNotBlank();
  }

  @Provide
  Arbitrary<String> wrongBodies() {
    Arbitrary<String> field = Arbitraries.of("name", "mode", "connections", "ssl", "steps", "x");
    Arbitrary<String> value =
        Arbitraries.of("1", "-1.5", "\"s\"", "true", "null", "[]", "{}", "[1,2]", "{\"a\":1}");
    return field
        .tuple2()
        .flatMap(
            names ->
                value
                    .tuple2()
                    .map(
                        v ->
                            "{\""
                                + names.get1()
                                + "\": "
                                + v.get1()
                                + ", \""
                                + names.get2()
                                + "\": "
                                + v.get2()
                                + "}"))
        .filter(
            body -> {
              try {
                JSON.readValue(body, Profile.class);
                return false;
              } catch (JsonProcessingException e) {
                return true;
              }
            });
  }
}
