package io.pokeapi.observability.common.model;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Bean Validation's verdict on a mapped model, without its cost: whether a model record and
 * everything it cascades to ({@code @Valid}, including list elements) satisfies its constraints. It
 * answers only valid or not; {@link ModelValidator} asks Hibernate Validator for the exact
 * violations when this says a model breaks a constraint, which is rare.
 *
 * <p>The checks are compiled once per record class from the same annotations Bean Validation reads
 * ({@code @NotNull}, {@code @NotEmpty}, {@code @NotBlank}, {@code @Positive}, {@code
 * PositiveOrZero}, {@code @Min}, {@code @Max}, {@code @Size}, {@code @Pattern}, {@code @Valid}), on
 * the record's fields and on the element type of its lists, with Bean Validation's semantics (every
 * constraint but the not-null ones accepts {@code null}). A constraint annotation it does not know
 * makes building the checks of that class fail, so a new constraint on a model cannot be ignored
 * silently.
 *
 * <p>Thread-safe.
 */
final class ModelConstraints {

  private final Map<Class<?>, List<ComponentCheck>> checksByClass = new ConcurrentHashMap<>();

  /** Whether {@code model} (a record of common-model) satisfies every constraint. */
  boolean hold(Object model) {
    return model != null && recordHolds(model);
  }

  // the walks below index their lists instead of iterating them: the services run on C1 alone
  // (no escape analysis), where every for-each allocates an iterator, millions per sweep
  private boolean recordHolds(Object record) {
    List<ComponentCheck> checks = checksOf(record.getClass());
    for (int i = 0, n = checks.size(); i < n; i++) {
      if (!checks.get(i).holds(this, record)) {
        return false;
      }
    }
    return true;
  }

  /** Whether every element of {@code elements} is {@code null} or a record that holds. */
  private boolean recordsHold(Collection<?> elements) {
    if (elements instanceof List<?> list && list instanceof RandomAccess) {
      for (int i = 0, n = list.size(); i < n; i++) {
        Object element = list.get(i);
        if (element != null && !recordHolds(element)) {
          return false;
        }
      }
      return true;
    }
    for (Object element : elements) {
      if (element != null && !recordHolds(element)) {
        return false;
      }
    }
    return true;
  }

  private List<ComponentCheck> checksOf(Class<?> type) {
    List<ComponentCheck> checks = checksByClass.get(type);
    if (checks == null) {
      checks = checksByClass.computeIfAbsent(type, ModelConstraints::compile);
    }
    return checks;
  }

  private static List<ComponentCheck> compile(Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type + " is not a model record");
    }
    List<ComponentCheck> checks = new ArrayList<>();
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    for (RecordComponent component : type.getRecordComponents()) {
      Field field;
      MethodHandle accessor;
      try {
        field = type.getDeclaredField(component.getName());
        accessor =
            lookup
                .unreflect(component.getAccessor())
                .asType(MethodType.methodType(Object.class, Object.class));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + type.getName() + "." + component, e);
      }
      Rules value = rules(field.getAnnotations(), type, component.getName());
      Rules element = Rules.NONE;
      AnnotatedType annotated = field.getAnnotatedType();
      if (annotated instanceof AnnotatedParameterizedType parameterized) {
        for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
          element = rules(argument.getAnnotations(), type, component.getName() + "[]");
        }
      }
      if (!value.isEmpty() || !element.isEmpty()) {
        checks.add(new ComponentCheck(accessor, value, element));
      }
    }
    return List.copyOf(checks);
  }

  private static Rules rules(Annotation[] annotations, Class<?> owner, String where) {
    List<Predicate<Object>> predicates = new ArrayList<>();
    boolean cascade = false;
    for (Annotation annotation : annotations) {
      if (annotation instanceof Valid) {
        cascade = true;
      } else if (annotation.annotationType().isAnnotationPresent(Constraint.class)) {
        predicates.add(predicate(annotation, owner, where));
      }
    }
    return predicates.isEmpty() && !cascade
        ? Rules.NONE
        : new Rules(List.copyOf(predicates), cascade);
  }

  private static Predicate<Object> predicate(Annotation annotation, Class<?> owner, String where) {
    return switch (annotation) {
      case NotNull n -> v -> v != null;
      case NotEmpty n -> v -> v != null && size(v) > 0;
      case NotBlank n -> v -> v != null && !v.toString().isBlank();
      case Positive p -> v -> v == null || ((Number) v).longValue() > 0;
      case PositiveOrZero p -> v -> v == null || ((Number) v).longValue() >= 0;
      case Min min -> {
        long bound = min.value();
        yield v -> v == null || ((Number) v).longValue() >= bound;
      }
      case Max max -> {
        long bound = max.value();
        yield v -> v == null || ((Number) v).longValue() <= bound;
      }
      case Size size -> {
        int lower = size.min();
        int upper = size.max();
        yield v -> {
          if (v == null) {
            return true;
          }
          int n = size(v);
          return n >= lower && n <= upper;
        };
      }
      case Pattern pattern -> {
        int flags = 0;
        for (Pattern.Flag flag : pattern.flags()) {
          flags |= flag.getValue();
        }
        MatchMemo memo = new MatchMemo(java.util.regex.Pattern.compile(pattern.regexp(), flags));
        yield v -> v == null || memo.matches(v.toString());
      }
      default ->
          throw new IllegalStateException(
              "no fast check for "
                  + annotation.annotationType().getSimpleName()
                  + " on "
                  + owner.getName()
                  + "."
                  + where);
    };
  }

  private static int size(Object value) {
    if (value instanceof Collection<?> collection) {
      return collection.size();
    }
    if (value instanceof CharSequence text) {
      return text.length();
    }
    if (value instanceof Map<?, ?> map) {
      return map.size();
    }
    throw new IllegalStateException("no size for " + value.getClass());
  }

  /**
   * A pattern's verdicts on the strings it has seen: PokéAPI bodies repeat the same names and URLs
   * thousands of times (every move's learn method and version group), and a lookup costs far less
   * than running the regular expression again. Bounded: once full it is emptied and starts over.
   */
  static final class MatchMemo {

    /** Strings remembered per pattern (a few MB at most with PokéAPI's names and URLs). */
    static final int MAX_ENTRIES = 16_384;

    /** Longer strings are matched every time (they are rare, and would bloat the memo). */
    static final int MAX_LENGTH = 256;

    private final java.util.regex.Pattern regex;
    private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();

    MatchMemo(java.util.regex.Pattern regex) {
      this.regex = regex;
    }

    boolean matches(String value) {
      if (value.length() > MAX_LENGTH) {
        return regex.matcher(value).matches();
      }
      Boolean known = verdicts.get(value);
      if (known != null) {
        return known;
      }
      boolean matches = regex.matcher(value).matches();
      if (verdicts.size() >= MAX_ENTRIES) {
        verdicts.clear();
      }
      verdicts.put(value, matches);
      return matches;
    }
  }

  /** The constraints on a value and whether it cascades. */
  private record Rules(List<Predicate<Object>> predicates, boolean cascade) {

    static final Rules NONE = new Rules(List.of(), false);

    boolean isEmpty() {
      return predicates.isEmpty() && !cascade;
    }

    boolean hold(ModelConstraints constraints, Object value) {
      for (int i = 0, n = predicates.size(); i < n; i++) {
        if (!predicates.get(i).test(value)) {
          return false;
        }
      }
      if (!cascade || value == null) {
        return true;
      }
      if (value instanceof Collection<?> elements) {
        return constraints.recordsHold(elements);
      }
      return constraints.recordHolds(value);
    }
  }

  /** One record component: its value's rules and, for a list, its elements' rules. */
  private record ComponentCheck(MethodHandle accessor, Rules value, Rules element) {

    boolean holds(ModelConstraints constraints, Object record) {
      Object v;
      try {
        v = accessor.invokeExact(record);
      } catch (Throwable e) {
        throw new IllegalStateException("cannot read a model component", e);
      }
      if (!value.hold(constraints, v)) {
        return false;
      }
      if (element.isEmpty() || !(v instanceof Collection<?> elements)) {
        return true;
      }
      if (elements instanceof List<?> list && list instanceof RandomAccess) {
        for (int i = 0, n = list.size(); i < n; i++) {
          if (!element.hold(constraints, list.get(i))) {
            return false;
          }
        }
        return true;
      }
      for (Object e : elements) {
        if (!element.hold(constraints, e)) {
          return false;
        }
      }
      return true;
    }
  }
}
