package io.pokeapi.observability.pokeapidouble.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * What the data directory holds for one endpoint: its index file (paged when it has the list
 * shape), its resources by id, their encounters, and the name-to-id map taken from the list.
 */
public final class EndpointData {

  private final String name;
  private final int ordinal;
  private final Document index;
  private final ListIndex list;
  private final int[] ids;
  private final Document[] resources;
  private final Document[] encounters;
  private final Map<String, Integer> idsByName;

  EndpointData(
      String name,
      int ordinal,
      Document index,
      ListIndex list,
      int[] ids,
      Document[] resources,
      Document[] encounters,
      Map<String, Integer> idsByName) {
    this.name = name;
    this.ordinal = ordinal;
    this.index = index;
    this.list = list;
    this.ids = ids;
    this.resources = resources;
    this.encounters = encounters;
    this.idsByName = Collections.unmodifiableMap(new HashMap<>(idsByName));
  }

  /** The endpoint name, e.g. {@code pokemon}. */
  public String name() {
    return name;
  }

  /** The position of this endpoint in {@link DataSet#endpoints()}. */
  public int ordinal() {
    return ordinal;
  }

  /** The index file ({@code api/v2/<endpoint>/index.json}), or null when absent. */
  public Document index() {
    return index;
  }

  /** The index file when it has the list shape, or null. */
  public ListIndex list() {
    return list;
  }

  /** How many resource files the endpoint has. */
  public int resourceCount() {
    return ids.length;
  }

  /** The ids of the resource files, ascending. */
  public int[] ids() {
    return ids.clone();
  }

  /** The names the list file maps to ids. */
  public Map<String, Integer> idsByName() {
    return idsByName;
  }

  /**
   * The position of the resource a lower-cased id or name stands for, or -1 when the data has no
   * such resource file.
   */
  public int find(String key) {
    int id = ApiDataLayout.canonicalId(key);
    if (id < 0) {
      Integer named = idsByName.get(key);
      if (named == null) {
        return -1;
      }
      id = named;
    }
    int position = Arrays.binarySearch(ids, id);
    return position >= 0 ? position : -1;
  }

  /** The resource at a position {@link #find} returned. */
  public Document resource(int position) {
    return resources[position];
  }

  /** The encounters document of the resource at a position, or null when the data has none. */
  public Document encounters(int position) {
    return encounters[position];
  }
}
