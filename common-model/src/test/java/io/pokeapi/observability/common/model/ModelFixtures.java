package io.pokeapi.observability.common.model;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The small valid bodies under {@code src/test/resources/model} (trimmed from real PokéAPI
 * resources), and edits to break them one field at a time.
 */
final class ModelFixtures {

  static final ObjectMapper JSON = new ObjectMapper();

  private ModelFixtures() {}

  /** The raw text of a fixture. */
  static String text(String name) {
    try (InputStream in = ModelFixtures.class.getResourceAsStream("/model/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture model/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh, editable tree of a fixture. */
  static ObjectNode tree(String name) {
    try {
      return (ObjectNode) JSON.readTree(text(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode pikachu() {
    return tree("pokemon-pikachu.json");
  }

  /** Sets the value at {@code pointer} (its parent must exist) and returns the tree. */
  static ObjectNode set(ObjectNode tree, String pointer, JsonNode value) {
    JsonPointer at = JsonPointer.compile(pointer);
    JsonNode parent = tree.at(at.head());
    if (parent instanceof ObjectNode object) {
      object.set(at.last().getMatchingProperty(), value);
    } else if (parent instanceof ArrayNode array) {
      array.set(at.last().getMatchingIndex(), value);
    } else {
      throw new IllegalArgumentException("no parent for " + pointer);
    }
    return tree;
  }

  /** Parses {@code json} and sets it at {@code pointer}. */
  static ObjectNode set(ObjectNode tree, String pointer, String json) {
    try {
      return set(tree, pointer, JSON.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON value from its text. */
  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes the field at {@code pointer} and returns the tree. */
  static ObjectNode remove(ObjectNode tree, String pointer) {
    JsonPointer at = JsonPointer.compile(pointer);
    ((ObjectNode) tree.at(at.head())).remove(at.last().getMatchingProperty());
    return tree;
  }
}
