package io.pokeapi.observability.diff.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code page} and {@code size} query parameters every list takes. */
public class PageRequest {

  /** The largest page size. */
  public static final int MAX_SIZE = 200;

  @QueryParam("page")
  @DefaultValue("0")
  @Min(value = 0, message = "must be 0 or more")
  @Max(value = 100_000, message = "must be at most 100000")
  @Parameter(description = "Page number, from 0")
  int page;

  @QueryParam("size")
  @DefaultValue("50")
  @Min(value = 1, message = "must be at least 1")
  @Max(value = MAX_SIZE, message = "must be at most " + MAX_SIZE)
  @Parameter(description = "Items per page, 1 to " + MAX_SIZE)
  int size;

  public PageRequest() {}

  PageRequest(int page, int size) {
    this.page = page;
    this.size = size;
  }

  /** The page number, from 0. */
  public int page() {
    return page;
  }

  /** The page size. */
  public int size() {
    return size;
  }

  /** The offset of the page's first item. */
  public int offset() {
    return page * size;
  }

  /** How many rows to fetch: one more than the size, to know whether a next page exists. */
  public int fetchLimit() {
    return size + 1;
  }
}
