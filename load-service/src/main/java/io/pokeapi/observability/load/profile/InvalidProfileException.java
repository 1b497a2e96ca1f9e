package io.pokeapi.observability.load.profile;

import java.util.List;
import java.util.stream.Collectors;

/** A profile or load-run request that cannot run, with every field at fault. */
public class InvalidProfileException extends RuntimeException {

  private final transient List<FieldViolation> violations;

  public InvalidProfileException(List<FieldViolation> violations) {
    super(
        violations.stream()
            .map(v -> v.field() + " " + v.message())
            .collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public InvalidProfileException(String field, String message) {
    this(List.of(new FieldViolation(field, message)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
