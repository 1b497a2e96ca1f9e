package io.pokeapi.observability.diff.ingest;

import io.pokeapi.observability.common.schema.SchemaChange;
import io.pokeapi.observability.diff.drift.DocumentDrift;
import io.pokeapi.observability.diff.drift.SchemaCache.CurrentSchema;
import io.pokeapi.observability.diff.storage.KnownContent;
import io.pokeapi.observability.diff.storage.LatencySampleRepository.UrlAnswer;
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
 * them against the current schema of their scope. A 304 Not Modified stands for the body its URL
 * answered with last (what the probe's ETag cache holds for that URL), from the batch or stored.
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
   * @param notModified the current bodies of the resources behind the keys of the 304 captures (for
   *     a 304 whose URL has no stored answer before it)
   * @param urlAnswers for 304 captures, the stored body their URL answered with last before them
   * @param schemas the current schemas of the scopes that have one
   */
  public PreparedBatch prepare(
      List<Capture> captures,
      List<KnownContent> known,
      List<KeyedContent> notModified,
      Map<Capture, UrlAnswer> urlAnswers,
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
    Map<String, DocumentCapture> lastAnswerByUrl = new HashMap<>();
    Set<Capture> invalid = new HashSet<>();
    for (Capture c : captures) {
      String url = c.endpoint() + " " + c.sampleUrl();
      if (c.isNotModified()) {
        DocumentCapture confirmed =
            confirmed(
                c,
                lastAnswerByUrl.get(url),
                urlAnswers.get(c),
                currentByKey.get(c.endpoint() + "/" + c.resourceKey()));
        if (confirmed != null) {
          documents.add(confirmed);
          lastAnswerByUrl.put(url, confirmed);
        }
        continue;
      }
      if (!c.hasDocument()) {
        continue;
      }
      String contentKey = c.endpoint() + " " + c.sha256();
      KnownContent match = match(knownByContent.get(contentKey), c.resourceKey());
      if (match != null) {
        DocumentCapture document =
            new DocumentCapture(
                c,
                new ResourceRef(c.endpoint(), match.resourceId()),
                match,
                null,
                match.shape(),
                List.of());
        documents.add(document);
        lastAnswerByUrl.put(url, document);
        continue;
      }
      Optional<ParsedDocument> parsed =
          parsedByContent.computeIfAbsent(contentKey + " " + c.resourceKey(), k -> parser.parse(c));
      if (parsed.isEmpty()) {
        invalid.add(c);
        continue;
      }
      ParsedDocument tree = parsed.get();
      CurrentSchema schema = schemas.get(c.schemaScope());
      List<SchemaChange> drift =
          schema == null
              ? List.of()
              : driftByContent.computeIfAbsent(
                  c.schemaScope() + " " + c.sha256(),
                  k -> DocumentDrift.check(schema.schema(), tree.json()));
      // the batch keeps the document until it commits: without its tree, parsed again if needed
      ParsedDocument document = tree.withoutTree(() -> parser.read(c.event().body()));
      parsedByContent.put(contentKey + " " + c.resourceKey(), Optional.of(document));
      DocumentCapture captured =
          new DocumentCapture(
              c, document.identity().ref(), null, document, document.fingerprint(), drift);
      documents.add(captured);
      lastAnswerByUrl.put(url, captured);
    }
    return new PreparedBatch(captures, documents, invalid, schemas);
  }

  /**
   * The body a 304 Not Modified confirmed: the body of its URL's last answer, from this batch or
   * stored, whichever is later; without one, the current body of the resource its key answered with
   * before; {@code null} when nothing is known (only its latency is kept).
   */
  private static DocumentCapture confirmed(
      Capture c, DocumentCapture inBatch, UrlAnswer stored, KnownContent currentOfKey) {
    if (inBatch != null
        && (stored == null || !inBatch.capture().capturedAt().isBefore(stored.answeredAt()))) {
      return new DocumentCapture(
          c.withSha256(inBatch.capture().sha256()),
          inBatch.resource(),
          inBatch.known(),
          inBatch.parsed(),
          inBatch.fingerprint(),
          List.of());
    }
    KnownContent content = stored != null ? stored.content() : currentOfKey;
    if (content == null) {
      return null;
    }
    return new DocumentCapture(
        c.withSha256(content.sha256()),
        new ResourceRef(c.endpoint(), content.resourceId()),
        content,
        null,
        content.shape(),
        List.of());
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
