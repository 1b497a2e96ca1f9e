package io.pokeapi.observability.common.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of validating one body: the mapped model when everything holds, otherwise every
 * problem found, ordered by pointer (array indexes by number).
 *
 * @param endpoint the endpoint the body was validated as, for example {@code pokemon}
 * @param value the mapped model; {@code null} unless {@link #valid()}
 * @param errors every problem found, empty when valid
 * @param <T> the model type
 */
public record ValidationReport<T>(String endpoint, T value, List<FieldError> errors) {

  public ValidationReport {
    errors = List.copyOf(errors);
    if (!errors.isEmpty()) {
      value = null;
    }
  }

  /** Whether the body mapped and validated without a single problem. */
  public boolean valid() {
    return errors.isEmpty();
  }

  /** The pointers of all problems, in order (a pointer appears once per problem). */
  public List<String> pointers() {
    return errors.stream().map(FieldError::pointer).toList();
  }

  /** A multi-line summary: one {@code pointer: message} line per problem. */
  public String summary() {
    return valid()
        ? endpoint + ": valid"
        : errors.stream()
            .map(FieldError::toString)
            .collect(
                Collectors.joining(
                    "\n  ", endpoint + ": " + errors.size() + " problem(s)\n  ", ""));
  }
}
