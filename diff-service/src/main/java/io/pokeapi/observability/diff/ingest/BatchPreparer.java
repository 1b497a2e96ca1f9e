package io.pokeapi.observability.diff.ingest;

import io.pokeapi.observability.common.schema.SchemaChange;
import io.pokeapi.observability.diff.drift.DocumentDrift;
import io.pokeapi.observability.diff.drift.SchemaCache.CurrentSchema;
import io.pokeapi.observability.diff.storage.KnownContent;
import io.pokeapi.observability.diff.storage.ResourceKeyRepository.KeyedContent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CPU part of ingesting a batch, done before the transaction: resolves each document to its
 * resource, parses only the bodies not stored yet (an unchanged sweep parses nothing), and checks
 * them against the current schema of their scope. A 304 Not Modified stands for the current body of
 * the resource its key answered with before.
 */
@ApplicationScoped
public class BatchPreparer {

  private final DocumentParser parser;

  public BatchPreparer(DocumentParser parser) {
    this.parser = parser;
  }

  /**
   * Prepares a batch.
   *
   * @param captures the captures, in capture order
   * @param known the stored snapshots with the same endpoint and body hash as some capture
   * @param notModified the current bodies of the resources behind the keys of the 304 captures
   * @param schemas the current schemas of the scopes that have one
   */
  public PreparedBatch prepare(
      List<Capture> captures,
      List<KnownContent> known,
      List<KeyedContent> notModified,
      Map<String, CurrentSchema> schemas) {
    Map<String, List<KnownContent>> knownByContent = new HashMap<>();
    for (KnownContent k : known) {
      knownByContent
          .computeIfAbsent(k.endpoint() + " " + k.sha256(), x -> new ArrayList<>())
          .add(k);
    }
    Map<String, Optional<ParsedDocument>> parsedByContent = new HashMap<>();
    Map<String, List<SchemaChange>> driftByContent = new HashMap<>();
    List<DocumentCapture> documents = new ArrayList<>();
    Map<String, KnownContent> currentByKey = new HashMap<>();
    for (KeyedContent k : notModified) {
      currentByKey.put(k.current().endpoint() + "/" + k.resourceKey(), k.current());
    }
    Set<Capture> invalid = new HashSet<>();
    for (Capture c : captures) {
      if (c.isNotModified()) {
        KnownContent current = currentByKey.get(c.endpoint() + "/" + c.resourceKey());
        if (current != null) {
          documents.add(
              new DocumentCapture(
                  c.withSha256(current.sha256()),
                  new ResourceRef(c.endpoint(), current.resourceId()),
                  current,
                  null,
                  current.shape(),
                  List.of()));
        }
        continue;
      }
      if (!c.hasDocument()) {
        continue;
      }
      String contentKey = c.endpoint() + " " + c.sha256();
      KnownContent match = match(knownByContent.get(contentKey), c.resourceKey());
      if (match != null) {
        documents.add(
            new DocumentCapture(
                c,
                new ResourceRef(c.endpoint(), match.resourceId()),
                match,
                null,
                match.shape(),
                List.of()));
        continue;
      }
      Optional<ParsedDocument> parsed =
          parsedByContent.computeIfAbsent(contentKey + " " + c.resourceKey(), k -> parser.parse(c));
      if (parsed.isEmpty()) {
        invalid.add(c);
        continue;
      }
      ParsedDocument document = parsed.get();
      CurrentSchema schema = schemas.get(c.schemaScope());
      List<SchemaChange> drift =
          schema == null
              ? List.of()
              : driftByContent.computeIfAbsent(
                  c.schemaScope() + " " + c.sha256(),
                  k -> DocumentDrift.check(schema.schema(), document.json()));
      documents.add(
          new DocumentCapture(
              c, document.identity().ref(), null, document, document.fingerprint(), drift));
    }
    return new PreparedBatch(captures, documents, invalid, schemas);
  }

  /**
   * The stored snapshot a capture's body belongs to. A body with an {@code id} belongs to that
   * resource whatever key it was requested under; a body without one belongs to the resource of the
   * same key only (two empty encounter lists of different pokémon are different resources).
   */
  private static KnownContent match(List<KnownContent> candidates, String resourceKey) {
    if (candidates == null) {
      return null;
    }
    for (KnownContent k : candidates) {
      if (k.idFromBody() || k.resourceId().equals(resourceKey)) {
        return k;
      }
    }
    return null;
  }
}
