package io.pokeapi.observability.diff.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code page} and {@code size} query parameters every list takes. They are read as text and
 * parsed here, so that a value that is not a number gets a 400 naming the parameter (JAX-RS would
 * answer 404 for a query parameter it cannot convert).
 */
public class PageRequest {

  /** The largest page size. */
  public static final int MAX_SIZE = 200;

  /** The largest page number. */
  public static final int MAX_PAGE = 100_000;

  private static final int DEFAULT_SIZE = 50;

  @QueryParam("page")
  @Parameter(
      description = "Page number, from 0",
      schema =
          @Schema(
              type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER,
              minimum = "0",
              maximum = "100000",
              defaultValue = "0"))
  String page;

  @QueryParam("size")
  @Parameter(
      description = "Items per page, 1 to " + MAX_SIZE,
      schema =
          @Schema(
              type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER,
              minimum = "1",
              maximum = "200",
              defaultValue = "50"))
  String size;

  public PageRequest() {}

  PageRequest(int page, int size) {
    this.page = Integer.toString(page);
    this.size = Integer.toString(size);
  }

  /** The page number, from 0. */
  public int page() {
    return QueryParams.integer("page", page, 0, 0, MAX_PAGE);
  }

  /** The page size. */
  public int size() {
    return QueryParams.integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
  }

  /** The offset of the page's first item. */
  public int offset() {
    return page() * size();
  }

  /** How many rows to fetch: one more than the size, to know whether a next page exists. */
  public int fetchLimit() {
    return size() + 1;
  }

  /** Checks both parameters, so that a bad one is reported before any query runs. */
  public PageRequest checked() {
    page();
    size();
    return this;
  }
}
