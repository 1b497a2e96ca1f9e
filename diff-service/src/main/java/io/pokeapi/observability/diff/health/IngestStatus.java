package io.pokeapi.observability.diff.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the ingestion is doing, for readiness: whether the captures consumer holds its place in the
 * consumer group, whether the database refuses to answer, how many records were kept as dead
 * letters.
 */
@ApplicationScoped
public class IngestStatus {

  /** The consumer group membership of the captures consumer. */
  public enum Membership {
    /** Started, the group has not given this instance its partitions yet. */
    JOINING,
    /** The group assigned partitions (possibly none, when other replicas hold them all). */
    ASSIGNED,
    /** Partitions were taken away and not handed back yet (a rebalance under way). */
    REBALANCING
  }

  private final AtomicReference<Membership> membership = new AtomicReference<>(Membership.JOINING);
  private final Set<String> partitions = new TreeSet<>();
  private final AtomicReference<Instant> storeUnavailableSince = new AtomicReference<>();
  private final AtomicReference<String> storeFailure = new AtomicReference<>();
  private final AtomicLong deadLetters = new AtomicLong();

  /** The group (re)assigned partitions to this instance: {@code added} are new. */
  public synchronized void assigned(Collection<String> added) {
    partitions.addAll(added);
    membership.set(Membership.ASSIGNED);
  }

  /** The group took partitions away; a rebalance is under way. */
  public synchronized void revoked(Collection<String> removed) {
    partitions.removeAll(removed);
    membership.set(Membership.REBALANCING);
  }

  /** The consumer's membership. */
  public Membership membership() {
    return membership.get();
  }

  /** The partitions this instance holds. */
  public synchronized List<String> partitions() {
    return List.copyOf(partitions);
  }

  /** The database did not answer; ingestion waits. */
  public void storeUnavailable(Throwable failure) {
    storeUnavailableSince.compareAndSet(null, Instant.now());
    storeFailure.set(String.valueOf(failure));
  }

  /** The database answered again. */
  public void storeAvailable() {
    if (storeUnavailableSince.getAndSet(null) != null) {
      storeFailure.set(null);
    }
  }

  /** Since when ingestion waits for the database, or {@code null} when it does not. */
  public Instant storeUnavailableSince() {
    return storeUnavailableSince.get();
  }

  /** The last failure seen while the database was unavailable. */
  public String storeFailure() {
    return storeFailure.get();
  }

  /** Sets the number of dead letters found in the store. */
  public void deadLettersStored(long count) {
    deadLetters.accumulateAndGet(count, Math::max);
  }

  /** One more dead letter. */
  public void deadLetter() {
    deadLetters.incrementAndGet();
  }

  /** How many records are kept as dead letters. */
  public long deadLetters() {
    return deadLetters.get();
  }
}
