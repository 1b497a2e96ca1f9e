package io.pokeapi.observability.common.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The differences between two schemas of one endpoint, for example the stored schema and the one
 * inferred from this week's responses. Stateless and thread-safe.
 *
 * <p>At each path the diff compares, independently: the types ({@link ChangeType#TYPE_CHANGED}),
 * the nullability ({@link ChangeType#BECAME_NULLABLE}, {@link ChangeType#BECAME_NON_NULLABLE}), and
 * for the objects seen on both sides the property set ({@link ChangeType#FIELD_ADDED}, {@link
 * ChangeType#FIELD_REMOVED}) and each common property's presence ({@link
 * ChangeType#BECAME_OPTIONAL}, {@link ChangeType#BECAME_REQUIRED}), then recurses into the common
 * properties and, for the arrays seen on both sides, into the element schemas (path token {@code
 * *}, see {@link SchemaChange#path()}). Counts alone never make a change: two schemas inferred from
 * different numbers of documents with the same shape have no difference.
 *
 * <p>The result is symmetric: {@code diff(b, a)} holds the {@link ChangeType#mirror() mirror} of
 * each change of {@code diff(a, b)}, at the same path, with old and new swapped (only the {@code
 * breaking} flag follows its own rule).
 */
public final class SchemaDiff {

  private SchemaDiff() {}

  /**
   * The changes from {@code oldSchema} to {@code newSchema}, parents before children and properties
   * in key order; empty when both have the same shape.
   */
  public static List<SchemaChange> diff(SchemaNode oldSchema, SchemaNode newSchema) {
    List<SchemaChange> changes = new ArrayList<>();
    compare(SchemaPaths.ROOT, oldSchema, newSchema, changes);
    return List.copyOf(changes);
  }

  /** Whether both schemas have the same shape (types, nullability, properties, presence). */
  public static boolean sameShape(SchemaNode a, SchemaNode b) {
    return diff(a, b).isEmpty();
  }

  private static void compare(
      String path, SchemaNode oldNode, SchemaNode newNode, List<SchemaChange> changes) {
    if (!oldNode.types().equals(newNode.types())) {
      changes.add(typeChanged(path, oldNode, newNode));
    }
    if (oldNode.nullable() != newNode.nullable()) {
      changes.add(
          newNode.nullable()
              ? new SchemaChange(ChangeType.BECAME_NULLABLE, path, "non-nullable", "nullable", true)
              : new SchemaChange(
                  ChangeType.BECAME_NON_NULLABLE, path, "nullable", "non-nullable", false));
    }
    if (oldNode.types().contains(SchemaType.OBJECT)
        && newNode.types().contains(SchemaType.OBJECT)) {
      compareProperties(path, oldNode, newNode, changes);
    }
    if (oldNode.types().contains(SchemaType.ARRAY) && newNode.types().contains(SchemaType.ARRAY)) {
      compareItems(path, oldNode.itemsOrNull(), newNode.itemsOrNull(), changes);
    }
  }

  private static void compareProperties(
      String path, SchemaNode oldNode, SchemaNode newNode, List<SchemaChange> changes) {
    Set<String> names = new TreeSet<>(oldNode.properties().keySet());
    names.addAll(newNode.properties().keySet());
    for (String name : names) {
      String childPath = SchemaPaths.property(path, name);
      SchemaNode oldChild = oldNode.properties().get(name);
      SchemaNode newChild = newNode.properties().get(name);
      if (oldChild == null) {
        changes.add(
            new SchemaChange(
                ChangeType.FIELD_ADDED, childPath, null, newChild.describeTypes(true), false));
      } else if (newChild == null) {
        changes.add(
            new SchemaChange(
                ChangeType.FIELD_REMOVED, childPath, oldChild.describeTypes(true), null, true));
      } else {
        boolean wasRequired = oldNode.isRequired(name);
        if (wasRequired != newNode.isRequired(name)) {
          changes.add(
              wasRequired
                  ? new SchemaChange(
                      ChangeType.BECAME_OPTIONAL, childPath, "required", "optional", true)
                  : new SchemaChange(
                      ChangeType.BECAME_REQUIRED, childPath, "optional", "required", false));
        }
        compare(childPath, oldChild, newChild, changes);
      }
    }
  }

  private static void compareItems(
      String path, SchemaNode oldItems, SchemaNode newItems, List<SchemaChange> changes) {
    String itemsPath = SchemaPaths.items(path);
    if (oldItems == null && newItems == null) {
      return;
    }
    if (oldItems == null) {
      changes.add(
          new SchemaChange(
              ChangeType.FIELD_ADDED, itemsPath, null, newItems.describeTypes(true), false));
    } else if (newItems == null) {
      changes.add(
          new SchemaChange(
              ChangeType.FIELD_REMOVED, itemsPath, oldItems.describeTypes(true), null, false));
    } else {
      compare(itemsPath, oldItems, newItems, changes);
    }
  }

  private static SchemaChange typeChanged(String path, SchemaNode oldNode, SchemaNode newNode) {
    return new SchemaChange(
        ChangeType.TYPE_CHANGED,
        path,
        oldNode.describeTypes(false),
        newNode.describeTypes(false),
        isBreakingTypeChange(oldNode.types(), newNode.types()));
  }

  /**
   * A type change breaks a consumer when a new type is not accepted by any old one ({@link
   * SchemaType#accepts}); a place that had no type yet (only nulls seen) breaks nobody.
   */
  static boolean isBreakingTypeChange(Set<SchemaType> oldTypes, Set<SchemaType> newTypes) {
    if (oldTypes.isEmpty()) {
      return false;
    }
    for (SchemaType newType : newTypes) {
      boolean accepted = false;
      for (SchemaType oldType : oldTypes) {
        accepted |= oldType.accepts(newType);
      }
      if (!accepted) {
        return true;
      }
    }
    return false;
  }
}
