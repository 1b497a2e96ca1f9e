package io.pokeapi.observability.common.contract;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Size and compression settings that let whole PokéAPI bodies through Kafka, in one place for the
 * services, the deployment and the test support.
 *
 * <p>Why: a pokemon body is 197 KB at the median and 1.34 MB at the largest (pokemon 151, mostly
 * its move list); Kafka's defaults (about 1 MiB per record) would reject the biggest ones, and a
 * future release with more games would grow them further. Kafka checks size in two places:
 *
 * <ol>
 *   <li>the <b>producer</b> checks each serialized record <b>before compression</b> against {@code
 *       max.request.size}, so that limit must fit the raw body (plus the record's other fields);
 *   <li>the <b>broker</b> checks each (compressed) batch against the topic's {@code
 *       max.message.bytes}; compression makes JSON bodies far smaller, but an unusually random body
 *       does not compress, so the topic limit must fit an uncompressed record too.
 * </ol>
 *
 * <p>The limit is {@value #MAX_RECORD_BYTES} bytes (8 MiB): six times the largest body today.
 * Everything here is a {@code Map<String, String>} of standard Kafka property names (the constants
 * are inlined at compile time, so this class needs no kafka-clients at run time). Quarkus services
 * can copy the entries into {@code mp.messaging.[outgoing|incoming].<channel>.<property>}.
 */
public final class KafkaMessageLimits {

  /** Largest serialized record (key, value, headers, uncompressed) a producer will send: 8 MiB. */
  public static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

  /**
   * Largest batch a topic accepts: {@link #MAX_RECORD_BYTES} plus 64 KiB, since a batch holding one
   * incompressible record of the maximum size is a little larger than the record (batch header,
   * compression frame).
   */
  public static final int MAX_MESSAGE_BYTES = MAX_RECORD_BYTES + 64 * 1024;

  /**
   * Producer batch target, 64 KiB of compressed data (the producer fills a batch by its estimate of
   * the compressed size: about nine median pokemon bodies at lz4's 28-fold, which the codec
   * compresses together). A record larger than this gets a buffer of its own size, so this is not a
   * size limit. Each producer keeps every buffer of exactly this size it ever used for reuse (one
   * per partition with a batch open or in flight): at 1 MiB, the probe's three producers kept 22
   * MiB for good, which filled the old generation of a 96 MB heap and made the collector run 72
   * full collections (2.4 s) in one first sweep ({@code deploy/bench/pipeline.sh}).
   */
  public static final int BATCH_BYTES = 64 * 1024;

  /**
   * Producer send buffer, 16 MiB: two maximum-size records. It bounds what a producer holds while
   * Kafka falls behind (each channel has its own producer); 64 MiB per producer did not fit a 256
   * MB container.
   */
  public static final long BUFFER_MEMORY_BYTES = 16L * 1024 * 1024;

  /**
   * How long the producer waits to fill a batch, 20 ms: captures are published seconds apart per
   * resource anyway, and fuller batches compress better.
   */
  public static final int LINGER_MS = 20;

  /**
   * Bytes one consumer fetch may return in total, 16 MiB: a full batch from two partitions at once
   * (compressed, so hundreds of bodies). Not a size limit: a larger first batch is still returned
   * whole, so that the consumer makes progress. Fetched data waits in the heap until polled, so
   * this bounds what a consumer buffers.
   */
  public static final int FETCH_MAX_BYTES = 16 * 1024 * 1024;

  /** The producers' codec: lz4, fast on both ends and light on native memory. */
  public static final String COMPRESSION_TYPE = "lz4";

  private KafkaMessageLimits() {}

  /**
   * Producer properties.
   *
   * <ul>
   *   <li>{@code compression.type=lz4}: a pokemon body shrinks about 28-fold (zstd at level 3:
   *       45-fold, measured body by body on 400 real ones), at a fraction of zstd's CPU: zstd took
   *       6 % of the probe's CPU on a first sweep, and its native buffers count against a 256 MB
   *       container (see {@code deploy/bench/pipeline.sh}).
   *   <li>{@code max.request.size} = {@link #MAX_RECORD_BYTES}: the per-record check, made on the
   *       uncompressed record (the default 1 MiB rejects pokemon 151 with {@code
   *       RecordTooLargeException}).
   *   <li>{@code batch.size} = {@link #BATCH_BYTES}, {@code linger.ms} = {@link #LINGER_MS}:
   *       batches of several bodies compress better, without a heap of pooled 1 MiB buffers.
   *   <li>{@code buffer.memory} = {@link #BUFFER_MEMORY_BYTES}: must exceed {@code
   *       max.request.size}.
   * </ul>
   */
  public static Map<String, String> producerConfig() {
    return Map.of(
        ProducerConfig.COMPRESSION_TYPE_CONFIG, COMPRESSION_TYPE,
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(MAX_RECORD_BYTES),
        ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(BATCH_BYTES),
        ProducerConfig.LINGER_MS_CONFIG, Integer.toString(LINGER_MS),
        ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(BUFFER_MEMORY_BYTES));
  }

  /**
   * Consumer properties. Since KIP-74 a consumer still receives a batch larger than its fetch
   * limits (one at a time, so it cannot get stuck), but sizing the limits for the largest batch
   * keeps large records on the normal path.
   *
   * <ul>
   *   <li>{@code max.partition.fetch.bytes} = {@link #MAX_MESSAGE_BYTES}: one full batch per
   *       partition per fetch.
   *   <li>{@code fetch.max.bytes} = {@link #FETCH_MAX_BYTES}.
   * </ul>
   */
  public static Map<String, String> consumerConfig() {
    return Map.of(
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(MAX_MESSAGE_BYTES),
        ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(FETCH_MAX_BYTES));
  }

  /**
   * Topic properties, to apply when creating every topic of {@link Topics#ALL}.
   *
   * <ul>
   *   <li>{@code max.message.bytes} = {@link #MAX_MESSAGE_BYTES}: the broker's per-batch check,
   *       made on the compressed batch; the broker default (about 1 MiB) rejects an incompressible
   *       1.1 MB body even when the producer lets it through.
   *   <li>{@code compression.type=producer}: keep the producer's compressed batches as they are
   *       instead of recompressing them on the broker.
   * </ul>
   */
  public static Map<String, String> topicConfig() {
    return Map.of(
        TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
        Integer.toString(MAX_MESSAGE_BYTES),
        TopicConfig.COMPRESSION_TYPE_CONFIG,
        "producer");
  }
}
