package io.pokeapi.observability.probe.rest;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.pokeapi.observability.probe.client.Endpoints;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** The value is one of PokéAPI's endpoint names ({@link Endpoints#ALL}). */
@Documented
@Constraint(validatedBy = KnownEndpoint.Validator.class)
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface KnownEndpoint {

  String message() default "must be a PokéAPI endpoint such as pokemon, type or ability";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the name against {@link Endpoints#ALL}. */
  class Validator implements ConstraintValidator<KnownEndpoint, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || Endpoints.isKnown(value);
    }
  }
}
