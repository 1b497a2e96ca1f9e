package io.pokeapi.observability.probe.suite;

import io.pokeapi.observability.common.contract.AssertionDetail;
import io.pokeapi.observability.common.model.FieldError;
import io.pokeapi.observability.common.model.ModelValidator;
import io.pokeapi.observability.common.model.ValidationReport;
import io.pokeapi.observability.probe.client.HttpAnswer;
import io.pokeapi.observability.probe.verdict.PassedBodies;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Validates bodies against the typed models of common-model ({@code Pokemon}, {@code
 * PokemonSpecies}, {@code Type}, {@code Ability}) through its {@link ModelValidator}, which reports
 * every field error with its JSON Pointer. A body that passed once is not validated again ({@link
 * PassedBodies}): the same bytes always give the same verdict.
 */
@ApplicationScoped
public class ModelValidation {

  /** Field errors kept per body; the count of the rest is in the check's message. */
  static final int MAX_DETAILS = 50;

  private final ModelValidator validator = new ModelValidator();
  private final PassedBodies passed;

  @Inject
  public ModelValidation(PassedBodies passed) {
    this.passed = passed;
  }

  /** Validation without a memo: every body is validated. */
  public ModelValidation() {
    this(new PassedBodies(0));
  }

  /** Whether {@code endpoint} has a model. */
  public boolean supports(String endpoint) {
    return ModelValidator.modelType(endpoint) != null;
  }

  /**
   * Every field-level problem of {@code json} as a resource of {@code endpoint}, each with its JSON
   * Pointer; empty when the body is valid or no model applies.
   */
  public List<AssertionDetail> validate(String endpoint, String json) {
    if (!supports(endpoint)) {
      return List.of();
    }
    PassedBodies.Key key = json == null ? null : passed.keyOf(kindOf(endpoint), json);
    return validate(key, () -> validator.validate(endpoint, json));
  }

  /**
   * Every field-level problem of {@code answer}'s body as a resource of {@code endpoint}, as {@link
   * #validate(String, String)}; a body whose SHA-256 (computed once when it was received) passed
   * before is neither copied to text nor validated again.
   */
  public List<AssertionDetail> validate(String endpoint, HttpAnswer answer) {
    if (!supports(endpoint)) {
      return List.of();
    }
    return validate(
        passed.keyOfDigest(kindOf(endpoint), answer.bodySha256()),
        () -> validator.validate(endpoint, answer.body()));
  }

  private List<AssertionDetail> validate(
      PassedBodies.Key key, Supplier<ValidationReport<?>> validation) {
    if (passed.passed(key)) {
      return List.of();
    }
    ValidationReport<?> report = validation.get();
    if (report.errors().isEmpty()) {
      passed.rememberPass(key);
    }
    return report.errors().stream().limit(MAX_DETAILS).map(ModelValidation::toDetail).toList();
  }

  private static String kindOf(String endpoint) {
    return "model:" + endpoint;
  }

  private static AssertionDetail toDetail(FieldError error) {
    return new AssertionDetail(
        error.pointer(),
        "valid " + error.kind().name().toLowerCase(Locale.ROOT),
        null,
        error.message());
  }

  @PreDestroy
  void close() {
    validator.close();
  }
}
