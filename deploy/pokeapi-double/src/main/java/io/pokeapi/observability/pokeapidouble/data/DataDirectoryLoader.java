package io.pokeapi.observability.pokeapidouble.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a data directory in the api-data layout into a {@link DataSet}. Resource files are kept as
 * stored and only parsed when first served; the index files are parsed here, to learn the list
 * shape, the names and the {@code meta} values.
 */
public final class DataDirectoryLoader {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern ENDPOINT_FOLDER = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern RESOURCE_URL = Pattern.compile(".*/api/v2/[^/]+/(\\d+)/?$");

  private DataDirectoryLoader() {}

  /**
   * Loads {@code dataDir}, the directory that holds {@code api/v2}.
   *
   * @throws InvalidDataDirectoryException when there is no {@code api/v2} folder or an index file
   *     is not JSON
   */
  public static DataSet load(Path dataDir) {
    Path absolute = dataDir.toAbsolutePath().normalize();
    Path api = absolute.resolve(ApiDataLayout.API_ROOT);
    if (!Files.isDirectory(api)) {
      throw new InvalidDataDirectoryException(
          "not a data directory in the api-data layout (no " + api + ")");
    }
    try {
      return new Loading(absolute, api).run();
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidDataDirectoryException("cannot read " + absolute + ": " + e.getMessage(), e);
    }
  }

  private static final class Loading {
    private final Path dataDir;
    private final Path api;
    private final AtomicInteger documentSlots = new AtomicInteger();
    private final AtomicInteger listSlots = new AtomicInteger();
    private final AtomicLong storedBytes = new AtomicLong();
    private String hash;
    private String deployDate;

    Loading(Path dataDir, Path api) {
      this.dataDir = dataDir;
      this.api = api;
    }

    DataSet run() throws IOException {
      Document root = document(ApiDataLayout.indexFile(api)).orElse(null);
      TreeSet<String> names = new TreeSet<>(ApiDataLayout.LIVE_ENDPOINTS);
      try (Stream<Path> children = Files.list(api)) {
        children
            .filter(Files::isDirectory)
            .map(p -> p.getFileName().toString())
            .filter(n -> ENDPOINT_FOLDER.matcher(n).matches())
            .forEach(names::add);
      }
      List<EndpointData> endpoints = new ArrayList<>();
      for (String name : names) {
        endpoints.add(endpoint(name, endpoints.size()));
      }
      return new DataSet(
          dataDir,
          endpoints,
          root,
          hash,
          deployDate,
          documentSlots.get(),
          listSlots.get(),
          storedBytes.get(),
          Instant.now());
    }

    private EndpointData endpoint(String name, int ordinal) throws IOException {
      Path folder = api.resolve(name);
      Optional<Path> indexFile =
          Files.isDirectory(folder) ? ApiDataLayout.indexFile(folder) : Optional.empty();
      Document index = null;
      ListIndex list = null;
      Map<String, Integer> idsByName = new HashMap<>();
      if (indexFile.isPresent()) {
        SourceFile source = read(indexFile.get());
        index = new Document(documentSlots.getAndIncrement(), source);
        JsonNode json = parse(source);
        if (isListShaped(json)) {
          list = new ListIndex(listSlots.getAndIncrement(), source, json.get("results").size());
          collectNames(json.get("results"), idsByName);
        }
        if ("meta".equals(name) && json.isObject()) {
          hash = text(json.get("hash"));
          deployDate = text(json.get("deploy_date"));
        }
      }
      TreeMap<Integer, Path> resourceFolders = new TreeMap<>();
      if (Files.isDirectory(folder)) {
        try (Stream<Path> children = Files.list(folder)) {
          children
              .filter(Files::isDirectory)
              .forEach(
                  child -> {
                    int id = ApiDataLayout.canonicalId(child.getFileName().toString());
                    if (id >= 0) {
                      resourceFolders.put(id, child);
                    }
                  });
        }
      }
      List<Integer> ids = new ArrayList<>();
      List<Document> resources = new ArrayList<>();
      List<Document> encounters = new ArrayList<>();
      for (Map.Entry<Integer, Path> entry : resourceFolders.entrySet()) {
        Optional<Document> resource = document(ApiDataLayout.indexFile(entry.getValue()));
        if (resource.isEmpty()) {
          continue;
        }
        ids.add(entry.getKey());
        resources.add(resource.get());
        Path encountersFolder = entry.getValue().resolve(ApiDataLayout.ENCOUNTERS);
        encounters.add(
            Files.isDirectory(encountersFolder)
                ? document(ApiDataLayout.indexFile(encountersFolder)).orElse(null)
                : null);
      }
      return new EndpointData(
          name,
          ordinal,
          index,
          list,
          ids.stream().mapToInt(Integer::intValue).toArray(),
          resources.toArray(Document[]::new),
          encounters.toArray(Document[]::new),
          idsByName);
    }

    private Optional<Document> document(Optional<Path> file) throws IOException {
      if (file.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Document(documentSlots.getAndIncrement(), read(file.get())));
    }

    private SourceFile read(Path file) throws IOException {
      SourceFile source = ApiDataLayout.read(file);
      storedBytes.addAndGet(source.storedSize());
      return source;
    }
  }

  /** The test the live function applies before paging a body. */
  static boolean isListShaped(JsonNode json) {
    return json.isObject()
        && json.has("count")
        && json.has("next")
        && json.has("previous")
        && json.has("results")
        && json.get("results").isArray();
  }

  private static void collectNames(JsonNode results, Map<String, Integer> idsByName) {
    for (JsonNode entry : results) {
      JsonNode name = entry.get("name");
      JsonNode url = entry.get("url");
      if (name == null || !name.isTextual() || url == null || !url.isTextual()) {
        continue;
      }
      Matcher matcher = RESOURCE_URL.matcher(url.asText());
      if (matcher.matches()) {
        int id = ApiDataLayout.canonicalId(matcher.group(1));
        if (id >= 0) {
          idsByName.putIfAbsent(name.asText(), id);
        }
      }
    }
  }

  private static JsonNode parse(SourceFile source) {
    try (InputStream in = source.open()) {
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new InvalidDataDirectoryException(
          "not valid JSON: " + source.path() + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
