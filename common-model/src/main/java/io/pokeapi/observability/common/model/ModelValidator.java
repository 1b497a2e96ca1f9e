package io.pokeapi.observability.common.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.validator.HibernateValidator;

/**
 * Maps a raw PokéAPI body onto its model and validates it, reporting <b>every</b> problem with the
 * RFC 6901 JSON Pointer of the offending value. It never throws for bad input: malformed JSON,
 * wrong JSON types, missing or null required fields, out-of-range numbers and badly formatted names
 * all end up in the {@link ValidationReport}.
 *
 * <p>How all problems are found, not just the first: a valid body is mapped in one streaming pass.
 * When mapping fails, the body is parsed into a tree and mapped again; each type error is recorded
 * with its pointer, the offending value is replaced by {@code null} in the tree, and mapping is
 * retried, up to {@value #MAX_TYPE_ERRORS} type errors. Then the constraints of the mapped model
 * are checked in one walk over it ({@link ModelConstraints}); only when one breaks does Bean
 * Validation (Hibernate Validator) run to report every violation, with property paths named after
 * the JSON fields. A constraint violation at a pointer that already has a type error (the {@code
 * null} put there) is not reported twice.
 *
 * <p>Values are never coerced: {@code "25"} is not an integer, {@code 1} is not a boolean, {@code
 * 1.5} is not an integer and {@code 25} is not a string. Duplicate keys and trailing content make a
 * body malformed.
 *
 * <p>Thread-safe; building one is costly (Bean Validation metadata), so share an instance.
 */
public final class ModelValidator implements AutoCloseable {

  /** After this many type errors in one body, validation stops and says so. */
  public static final int MAX_TYPE_ERRORS = 100;

  private static final Map<String, Class<? extends PokeApiResource>> MODELS = models();
  private static final Pattern SOURCE_IN_MESSAGE = Pattern.compile("\\[Source: .*?; line");
  private static final Comparator<FieldError> BY_POINTER =
      Comparator.comparing((FieldError e) -> JsonPointers.segments(e.pointer()), JsonPointers.ORDER)
          .thenComparing(FieldError::kind)
          .thenComparing(FieldError::message);

  private final ObjectMapper mapper;
  private final ValidatorFactory validatorFactory;
  private final Validator validator;
  private final ModelConstraints constraints;

  /** A validator with its own strict mapper and Bean Validation factory. */
  public ModelValidator() {
    this(new ModelConstraints());
  }

  /**
   * A validator that runs Hibernate Validator on every mapped model, as this class did before
   * {@link ModelConstraints}; tests compare the two.
   */
  static ModelValidator withBeanValidationOnly() {
    return new ModelValidator(null);
  }

  private ModelValidator(ModelConstraints constraints) {
    this.constraints = constraints;
    this.mapper = strictMapper();
    this.validatorFactory =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .propertyNodeNameProvider(new JsonPropertyNodeNameProvider(mapper))
            .defaultLocale(Locale.ENGLISH)
            .buildValidatorFactory();
    this.validator = validatorFactory.getValidator();
  }

  /**
   * The endpoints with a model: {@code pokemon}, {@code pokemon-species}, {@code ability}, {@code
   * type}.
   */
  public static Set<String> endpoints() {
    return MODELS.keySet();
  }

  /** The model class of an endpoint, or {@code null} when it has none. */
  public static Class<? extends PokeApiResource> modelType(String endpoint) {
    return endpoint == null ? null : MODELS.get(endpoint.strip().toLowerCase(Locale.ROOT));
  }

  /**
   * Validates a body of one of the {@link #endpoints()}.
   *
   * @param endpoint the endpoint, for example {@code pokemon}
   * @param json the raw body; may be anything, including {@code null}
   * @return the report; for an endpoint without a model, a report with one {@link
   *     FieldError.Kind#INCOMPLETE} error
   */
  public ValidationReport<PokeApiResource> validate(String endpoint, String json) {
    Class<? extends PokeApiResource> type = modelType(endpoint);
    if (type == null) {
      return new ValidationReport<>(
          endpoint,
          null,
          List.of(
              new FieldError(
                  "",
                  "no model for endpoint '" + endpoint + "'; models exist for " + endpoints(),
                  FieldError.Kind.INCOMPLETE)));
    }
    ValidationReport<? extends PokeApiResource> report = validate(endpoint, json, type);
    return new ValidationReport<>(report.endpoint(), report.value(), report.errors());
  }

  /**
   * Validates a body of one of the {@link #endpoints()} given as the UTF-8 bytes received, as
   * {@link #validate(String, String)} does its text: the same verdict and errors. A valid body is
   * mapped straight from the bytes (no text copy of it is made); any other is validated as text.
   */
  public ValidationReport<PokeApiResource> validate(String endpoint, byte[] utf8) {
    Class<? extends PokeApiResource> type = modelType(endpoint);
    if (type != null && startsAsUtf8Object(utf8)) {
      try {
        PokeApiResource value = mapper.readValue(utf8, type);
        if (constraints != null && constraints.hold(value)) {
          return new ValidationReport<>(endpoint, value, List.of());
        }
      } catch (IOException | RuntimeException e) {
        // not valid as it is: the text path finds and reports every problem
      }
    }
    return validate(endpoint, utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8));
  }

  /**
   * Whether {@code bytes} start like a UTF-8 JSON object: its first byte is '{' and the second not
   * a zero byte (Jackson would read UTF-16 or UTF-32 from bytes, never from text).
   */
  private static boolean startsAsUtf8Object(byte[] bytes) {
    return bytes != null && bytes.length > 1 && bytes[0] == '{' && bytes[1] != 0;
  }

  /**
   * Validates a body against a model class.
   *
   * @param endpoint the endpoint name to put in the report
   * @param json the raw body; may be anything, including {@code null}
   * @param type the model class, for example {@code Pokemon.class}
   */
  public <T> ValidationReport<T> validate(String endpoint, String json, Class<T> type) {
    if (json == null || json.isBlank()) {
      return new ValidationReport<>(
          endpoint,
          null,
          List.of(
              new FieldError(
                  "", "empty body, expected a JSON object", FieldError.Kind.MALFORMED_JSON)));
    }
    try {
      T value = mapper.readValue(json, type);
      return report(endpoint, value, new ArrayList<>(), Set.of());
    } catch (JsonProcessingException | RuntimeException firstFailure) {
      return validateTree(endpoint, json, type);
    }
  }

  private <T> ValidationReport<T> validateTree(String endpoint, String json, Class<T> type) {
    JsonNode tree;
    try {
      tree = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      return new ValidationReport<>(endpoint, null, List.of(malformed(e)));
    }
    List<FieldError> errors = new ArrayList<>();
    Set<String> typeErrorPointers = new HashSet<>();
    while (true) {
      try {
        T value = mapper.treeToValue(tree, type);
        return report(endpoint, value, errors, typeErrorPointers);
      } catch (JsonProcessingException | RuntimeException e) {
        String pointer = pointerOf(e);
        errors.add(
            new FieldError(pointer, typeMessage(e, tree.at(pointer)), FieldError.Kind.WRONG_TYPE));
        typeErrorPointers.add(pointer);
        if (errors.size() >= MAX_TYPE_ERRORS) {
          errors.add(
              new FieldError(
                  "",
                  "stopped after " + MAX_TYPE_ERRORS + " type errors; constraints not checked",
                  FieldError.Kind.INCOMPLETE));
          return sorted(endpoint, errors);
        }
        if (!replaceWithNull(tree, pointer)) {
          return sorted(endpoint, errors);
        }
      }
    }
  }

  private <T> ValidationReport<T> report(
      String endpoint, T value, List<FieldError> errors, Set<String> typeErrorPointers) {
    if (constraints != null && constraints.hold(value)) {
      return errors.isEmpty()
          ? new ValidationReport<>(endpoint, value, List.of())
          : sorted(endpoint, errors);
    }
    for (ConstraintViolation<T> violation : validator.validate(value)) {
      String pointer = pointerOf(violation.getPropertyPath());
      if (!typeErrorPointers.contains(pointer)) {
        errors.add(new FieldError(pointer, violation.getMessage(), FieldError.Kind.CONSTRAINT));
      }
    }
    return errors.isEmpty()
        ? new ValidationReport<>(endpoint, value, List.of())
        : sorted(endpoint, errors);
  }

  private static <T> ValidationReport<T> sorted(String endpoint, List<FieldError> errors) {
    errors.sort(BY_POINTER);
    return new ValidationReport<>(endpoint, null, errors);
  }

  @Override
  public void close() {
    validatorFactory.close();
  }

  /** The mapper settings: no coercion, unknown fields allowed, strict parsing. */
  static ObjectMapper strictMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    for (CoercionInputShape shape :
        List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    for (LogicalType scalar :
        List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
      mapper
          .coercionConfigFor(scalar)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    return mapper;
  }

  private static FieldError malformed(JsonProcessingException e) {
    String pointer = "";
    if (e instanceof StreamReadException read && read.getProcessor() instanceof JsonParser parser) {
      pointer = pointerOf(parser.getParsingContext());
    }
    String message = SOURCE_IN_MESSAGE.matcher(e.getOriginalMessage()).replaceAll("[line");
    if (e.getLocation() != null) {
      message +=
          " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")";
    }
    return new FieldError(pointer, "malformed JSON: " + message, FieldError.Kind.MALFORMED_JSON);
  }

  private static String pointerOf(Exception e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      JsonPointer pointer = JsonPointer.empty();
      for (JsonMappingException.Reference reference : mapping.getPath()) {
        pointer =
            reference.getFieldName() != null
                ? pointer.appendProperty(reference.getFieldName())
                : pointer.appendIndex(Math.max(reference.getIndex(), 0));
      }
      return pointer.toString();
    }
    if (e instanceof JsonProcessingException processing
        && processing.getProcessor() instanceof JsonParser parser) {
      return pointerOf(parser.getParsingContext());
    }
    return "";
  }

  private static String pointerOf(JsonStreamContext context) {
    return context == null ? "" : context.pathAsPointer().toString();
  }

  private static String pointerOf(Path path) {
    JsonPointer pointer = JsonPointer.empty();
    for (Path.Node node : path) {
      if (node.getIndex() != null) {
        pointer = pointer.appendIndex(node.getIndex());
      } else if (node.getKey() != null) {
        pointer = pointer.appendProperty(String.valueOf(node.getKey()));
      }
      if (node.getKind() == ElementKind.PROPERTY) {
        pointer = pointer.appendProperty(node.getName());
      }
    }
    return pointer.toString();
  }

  private static String typeMessage(Exception e, JsonNode found) {
    InputCoercionException coercion = coercionCause(e);
    if (coercion != null && coercion.getTargetType() != null) {
      return "expected an integer within "
          + coercion.getTargetType().getSimpleName()
          + " range but found "
          + JsonTypes.describe(found);
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "expected "
          + JsonTypes.expected(mismatch.getTargetType())
          + " but found "
          + JsonTypes.describe(found);
    }
    String message =
        e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
    return "cannot map " + JsonTypes.describe(found) + ": " + message;
  }

  private static InputCoercionException coercionCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InputCoercionException coercion) {
        return coercion;
      }
    }
    return null;
  }

  /** Replaces the value at {@code pointer} by null; false when there is nothing to replace. */
  private static boolean replaceWithNull(JsonNode tree, String pointer) {
    if (pointer.isEmpty()) {
      return false;
    }
    JsonPointer at = JsonPointer.compile(pointer);
    JsonNode current = tree.at(at);
    if (current.isMissingNode() || current.isNull()) {
      return false;
    }
    JsonNode parent = tree.at(at.head());
    String last = at.last().getMatchingProperty();
    if (parent instanceof ObjectNode object) {
      object.set(last, NullNode.getInstance());
      return true;
    }
    if (parent instanceof ArrayNode array && at.last().mayMatchElement()) {
      array.set(at.last().getMatchingIndex(), NullNode.getInstance());
      return true;
    }
    return false;
  }

  private static Map<String, Class<? extends PokeApiResource>> models() {
    Map<String, Class<? extends PokeApiResource>> models = new LinkedHashMap<>();
    models.put("pokemon", Pokemon.class);
    models.put("pokemon-species", PokemonSpecies.class);
    models.put("ability", Ability.class);
    models.put("type", Type.class);
    return Collections.unmodifiableMap(models);
  }

  /** Names of JSON types for messages. */
  private static final class JsonTypes {

    static String expected(Class<?> target) {
      if (Number.class.isAssignableFrom(target)
          || target.isPrimitive() && target != boolean.class) {
        return target == Double.class || target == Float.class ? "number" : "integer";
      }
      if (target == Boolean.class || target == boolean.class) {
        return "boolean";
      }
      if (CharSequence.class.isAssignableFrom(target)) {
        return "string";
      }
      if (Collection.class.isAssignableFrom(target)
          || target.isArray()
          || target == ArrayNode.class) {
        return "array";
      }
      return "object";
    }

    static String describe(JsonNode node) {
      if (node == null || node.isMissingNode()) {
        return "nothing";
      }
      return switch (node.getNodeType()) {
        case STRING -> "string " + abbreviate(node.toString());
        case NUMBER ->
            (node.isIntegralNumber() ? "integer " : "number ") + abbreviate(node.toString());
        case BOOLEAN -> "boolean " + node.asText();
        case NULL -> "null";
        case ARRAY -> "array";
        case OBJECT -> "object";
        default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
      };
    }

    private static String abbreviate(String text) {
      return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
  }
}
