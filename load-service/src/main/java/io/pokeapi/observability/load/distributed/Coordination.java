package io.pokeapi.observability.load.distributed;

import java.util.function.Consumer;

/** How replicas reach each other. */
public interface Coordination extends AutoCloseable {

  /** Sends to every replica (this one ignores its own messages). */
  void send(CoordinationMessage message);

  /** Where messages from other replicas go; called on the transport's own thread. */
  void listen(Consumer<CoordinationMessage> listener);

  @Override
  void close();
}
