package io.pokeapi.observability.probe.rest;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.pokeapi.observability.probe.suite.ResourceRef;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** The value names one resource: {@code endpoint/id-or-name} of a known endpoint. */
@Documented
@Constraint(validatedBy = ResourceReference.Validator.class)
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface ResourceReference {

  String message() default
      "must be endpoint/id-or-name of a PokéAPI endpoint, for example pokemon/25 or type/fire";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the shape and the endpoint. */
  class Validator implements ConstraintValidator<ResourceReference, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      if (!value.matches(ResourceRef.PATTERN)) {
        return false;
      }
      try {
        ResourceRef.parse(value);
        return true;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
  }
}
