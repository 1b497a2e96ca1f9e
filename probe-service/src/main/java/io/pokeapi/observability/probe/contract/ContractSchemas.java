package io.pokeapi.observability.probe.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.pokeapi.observability.common.contract.AssertionDetail;
import io.pokeapi.observability.probe.client.ApiRequest;
import io.pokeapi.observability.probe.client.Endpoints;
import io.pokeapi.observability.probe.config.ProbeConfig;
import io.pokeapi.observability.probe.verdict.PassedBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * PokéAPI's own published JSON Schemas ({@code schema/v2} of the api-data repository), loaded from
 * {@code probe.contract.schema-location} (a directory or a base URL) and applied with the networknt
 * validator. The schemas refer to each other as {@code /schema/v2/...}; those references are mapped
 * onto the configured location, so nothing is fetched from anywhere else.
 *
 * <p>Which schema applies: {@code <endpoint>/<id>/} uses {@code <endpoint>/$id/index.json}, a list
 * {@code <endpoint>/} uses {@code <endpoint>/index.json}, {@code pokemon/<id>/encounters} uses
 * {@code pokemon/$id/encounters/index.json}, the root uses {@code index.json}.
 *
 * <p>A body that conformed once is not validated again against the same schema ({@link
 * PassedBodies}, keyed by the schema and the SHA-256 of the body's bytes): the schemas are loaded
 * once and never change while the service runs, so the same body always gets the same verdict.
 */
@ApplicationScoped
public class ContractSchemas {

  /** Where the schemas say they live; mapped onto the configured location. */
  static final String CANONICAL_BASE = "https://pokeapi.co/schema/v2/";

  /** The meta-schema id the published schemas declare (genson's draft-04 style). */
  static final String PUBLISHED_META_SCHEMA = "http://json-schema.org/schema";

  /** Validation messages kept per response; the count of the rest is reported. */
  static final int MAX_DETAILS = 50;

  private static final Logger LOG = Logger.getLogger(ContractSchemas.class);

  /** The result of validating one body. */
  public record Verdict(String schema, List<AssertionDetail> violations, int total) {
    public boolean valid() {
      return total == 0;
    }
  }

  private final boolean enabled;
  private final String location;
  private final JsonSchemaFactory factory;
  private final SchemaValidatorsConfig validatorsConfig;
  private final Map<String, Optional<JsonSchema>> schemas = new ConcurrentHashMap<>();
  private final PassedBodies passed;

  @Inject
  public ContractSchemas(ProbeConfig config, PassedBodies passed) {
    this(config.contract().enabled(), config.contract().schemaLocation(), passed);
  }

  ContractSchemas(boolean enabled, String schemaLocation) {
    this(enabled, schemaLocation, new PassedBodies(0));
  }

  /** Contract checks against the schemas at {@code schemaLocation}, remembering passes. */
  public ContractSchemas(boolean enabled, String schemaLocation, PassedBodies passed) {
    this.enabled = enabled;
    this.passed = passed;
    this.location = toBaseUri(schemaLocation);
    JsonMetaSchema published =
        JsonMetaSchema.builder(PUBLISHED_META_SCHEMA, JsonMetaSchema.getV4()).build();
    this.factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V4,
            b ->
                b.metaSchema(published)
                    .metaSchema(
                        JsonMetaSchema.builder(PUBLISHED_META_SCHEMA + "#", JsonMetaSchema.getV4())
                            .build())
                    .schemaMappers(m -> m.mapPrefix(CANONICAL_BASE, location)));
    this.validatorsConfig =
        SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(false)
            .build();
  }

  /** Whether contract checks run at all. */
  public boolean enabled() {
    return enabled;
  }

  /** The configured location, as a base URI ending in a slash. */
  public String location() {
    return location;
  }

  /**
   * The schema file (relative to {@code schema/v2}) that applies to the answer of {@code request},
   * if any.
   */
  public static Optional<String> schemaPathFor(ApiRequest request) {
    String path = request.path().replaceAll("/+$", "");
    if (path.isEmpty()) {
      return Optional.of("index.json");
    }
    String[] segments = path.split("/");
    String endpoint = segments[0].toLowerCase(Locale.ROOT);
    if (!Endpoints.isKnown(endpoint) && !endpoint.equals(Endpoints.META)) {
      return Optional.empty();
    }
    return switch (segments.length) {
      case 1 -> Optional.of(endpoint + "/index.json");
      case 2 -> Optional.of(endpoint + "/$id/index.json");
      case 3 -> Optional.of(endpoint + "/$id/" + segments[2] + "/index.json");
      default -> Optional.empty();
    };
  }

  /**
   * Validates {@code body}, the answer of {@code request}, against its published schema (nothing
   * remembered: see {@link #validate(ApiRequest, String, Supplier)}).
   *
   * @return empty when no schema applies or it could not be loaded (logged once)
   */
  public Optional<Verdict> validate(ApiRequest request, JsonNode body) {
    return validate(request, null, () -> body);
  }

  /**
   * Validates the body of the answer of {@code request} against its published schema: {@code body}
   * gives the tree parsed from the bytes whose SHA-256 is {@code bodySha256}. A body that conformed
   * to the same schema before is not parsed ({@code body} is not called) nor validated again.
   *
   * @param bodySha256 lower-case hex SHA-256 of the body's bytes, or {@code null} to remember
   *     nothing
   * @return empty when no schema applies or it could not be loaded (logged once)
   */
  public Optional<Verdict> validate(
      ApiRequest request, String bodySha256, Supplier<JsonNode> body) {
    if (!enabled) {
      return Optional.empty();
    }
    Optional<String> schemaPath = schemaPathFor(request);
    if (schemaPath.isEmpty()) {
      return Optional.empty();
    }
    Optional<JsonSchema> schema = schemas.computeIfAbsent(schemaPath.get(), this::load);
    if (schema.isEmpty()) {
      return Optional.empty();
    }
    PassedBodies.Key key = passed.keyOfDigest("contract:" + schemaPath.get(), bodySha256);
    if (passed.passed(key)) {
      return Optional.of(new Verdict(schemaPath.get(), List.of(), 0));
    }
    List<ValidationMessage> messages =
        schema.get().validate(body.get()).stream()
            .sorted(Comparator.comparing(m -> m.getInstanceLocation().toString()))
            .toList();
    List<AssertionDetail> details =
        messages.stream().limit(MAX_DETAILS).map(ContractSchemas::toDetail).toList();
    if (messages.isEmpty()) {
      passed.rememberPass(key);
    }
    return Optional.of(new Verdict(schemaPath.get(), details, messages.size()));
  }

  private Optional<JsonSchema> load(String schemaPath) {
    String iri = CANONICAL_BASE + schemaPath;
    try {
      JsonSchema schema = factory.getSchema(SchemaLocation.of(iri), validatorsConfig);
      schema.initializeValidators();
      return Optional.of(schema);
    } catch (RuntimeException e) {
      LOG.warnf(
          "No usable JSON Schema %s under %s: contract checks of it are skipped (%s)",
          schemaPath, location, e.toString());
      return Optional.empty();
    }
  }

  private static AssertionDetail toDetail(ValidationMessage message) {
    String pointer = message.getInstanceLocation().toString();
    String expected = schemaExpectation(message);
    JsonNode actual = message.getInstanceNode();
    String actualText = actual == null ? null : abbreviate(actual.toString());
    return new AssertionDetail(pointer, expected, actualText, message.getMessage());
  }

  private static String schemaExpectation(ValidationMessage message) {
    JsonNode schemaNode = message.getSchemaNode();
    String keyword = message.getType();
    if (schemaNode != null && keyword != null && schemaNode.has(keyword)) {
      return keyword + ": " + abbreviate(schemaNode.get(keyword).toString());
    }
    return keyword;
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 197) + "...";
  }

  private static String toBaseUri(String schemaLocation) {
    String trimmed = schemaLocation.trim();
    String uri;
    if (trimmed.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !trimmed.matches("^[a-zA-Z]:\\\\.*")) {
      uri = trimmed;
    } else {
      Path dir = Path.of(trimmed).toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) {
        LOG.warnf("probe.contract.schema-location %s is not a directory", dir);
      }
      uri = dir.toUri().toString();
    }
    return uri.endsWith("/") ? uri : uri + "/";
  }

  /** The location as a URI (for diagnostics). */
  public URI locationUri() {
    return URI.create(location);
  }
}
