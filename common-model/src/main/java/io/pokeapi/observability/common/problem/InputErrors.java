package io.pokeapi.observability.common.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Names what is wrong with a request in the client's terms, for the services' RFC 9457 problem
 * details: the field a Bean Validation violation or a JSON reading error is about, as the client
 * wrote it ({@code suite}, {@code resources[0]}, {@code stages[1].duration}), and why, without
 * Jackson's Java type names.
 */
public final class InputErrors {

  /** A field of the request and what is wrong with it ("is not a known field"). */
  public record FieldError(String field, String message) {

    /** The problem's detail: the field, then the message. */
    public String detail() {
      return field + " " + message;
    }
  }

  private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '([^']{1,64})'");
  private static final Pattern ENUM_VALUES =
      Pattern.compile("not one of the values accepted for Enum class: \\[([^\\]]{0,500})\\]");

  private InputErrors() {}

  /**
   * The field a violation is about: the property path without the method and body parameter names;
   * a query or path parameter by its name ({@code limit}); {@code body} for the whole body.
   */
  public static String field(ConstraintViolation<?> violation) {
    StringBuilder field = new StringBuilder();
    String parameter = null;
    for (Path.Node node : violation.getPropertyPath()) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
        continue;
      }
      if (kind == ElementKind.PARAMETER) {
        parameter = node.getName();
        continue;
      }
      if (kind == ElementKind.CONTAINER_ELEMENT) {
        if (node.getIndex() != null) {
          field.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
          field.append('[').append(node.getKey()).append(']');
        }
        continue;
      }
      if (node.getIndex() != null && field.length() > 0) {
        field.append('[').append(node.getIndex()).append(']');
      }
      if (node.getName() != null) {
        if (field.length() > 0) {
          field.append('.');
        }
        field.append(node.getName());
      }
    }
    if (field.length() == 0) {
      return parameter == null ? "body" : parameter;
    }
    return field.toString();
  }

  /** The field a body that could not be read is about, and why. */
  public static FieldError unreadable(JsonProcessingException e) {
    String field = "body";
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      field =
          mapping.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
    }
    String original = String.valueOf(e.getOriginalMessage());
    Matcher duplicate = DUPLICATE_FIELD.matcher(original);
    if (duplicate.find()) {
      return new FieldError(duplicate.group(1), "is given more than once");
    }
    return new FieldError(field, why(e, original));
  }

  /**
   * Why the body could not be read: Jackson's own messages name Java types ({@code
   * java.util.ArrayList}), which tell a client nothing and leak internals.
   */
  private static String why(JsonProcessingException e, String original) {
    if (e instanceof UnrecognizedPropertyException) {
      return "is not a known field";
    }
    if (original.startsWith("Trailing token")) {
      return "has content after the JSON value";
    }
    if (e instanceof MismatchedInputException mismatched) {
      Class<?> target = mismatched.getTargetType();
      if (target == null) {
        return "has the wrong type";
      }
      if (target == String.class) {
        return "must be a string";
      }
      if (target == Integer.class
          || target == int.class
          || target == Long.class
          || target == long.class) {
        return "must be an integer";
      }
      if (target == Double.class || target == double.class) {
        return "must be a number";
      }
      if (target == Boolean.class || target == boolean.class) {
        return "must be true or false";
      }
      if (Collection.class.isAssignableFrom(target) || target.isArray()) {
        return "must be an array";
      }
      if (target.isEnum()) {
        Matcher accepted = ENUM_VALUES.matcher(original);
        return accepted.find() ? "must be one of " + accepted.group(1) : "is not a known value";
      }
      if (target.isRecord()) {
        return "must be a JSON object";
      }
      return "has the wrong type";
    }
    JsonLocation where = e.getLocation();
    return "is not valid JSON"
        + (where == null
            ? ""
            : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")");
  }
}
