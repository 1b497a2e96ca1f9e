package io.pokeapi.observability.load.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.pokeapi.observability.load.engine.http.HttpPool;
import io.pokeapi.observability.load.engine.http.RequestTemplate;
import io.pokeapi.observability.load.metrics.LoadMeters;
import io.pokeapi.observability.load.profile.ArrivalClock;
import io.pokeapi.observability.load.profile.LoadModel;
import io.pokeapi.observability.load.profile.LoadPlan;
import io.pokeapi.observability.load.profile.Shares;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.SingleWriterRecorder;
import org.jboss.logging.Logger;

/**
 * The generator on one event loop: its own HTTP connection pool (on this loop's Netty event loop,
 * requests encoded once), its own recorders and counters (single writer: this loop), and the pacing
 * of its share of the load. Everything here runs on the loop's thread except the reads of the
 * recorders, counters and volatile gauges by the run's sampler.
 */
final class LoopWorker extends AbstractVerticle {

  private static final Logger LOG = Logger.getLogger(LoopWorker.class);

  private static final long TICK_MILLIS = 1;
  private static final long MONITOR_MILLIS = 10;
  private static final long MONITOR_NANOS = TimeUnit.MILLISECONDS.toNanos(MONITOR_MILLIS);

  private final LoadPlan plan;
  private final int loop;
  private final int loops;
  private final RunClock runClock;
  private long startNanos;
  private long measureStart;
  private long measureEnd;
  private boolean started;
  private final LoadMeters meters;

  final SingleWriterRecorder latency = Histograms.recorder();
  final SingleWriterRecorder connectionWait = Histograms.recorder();
  final SingleWriterRecorder[] endpointLatency;

  /** [endpoint × status slot] completed measured requests. */
  final AtomicLongArray statusCounts;

  /** [endpoint × failure kind] completed measured requests. */
  final AtomicLongArray kindCounts;

  final AtomicLong dropped = new AtomicLong();
  final AtomicLong warmupRequests = new AtomicLong();
  final AtomicLong maxLoopDelay = new AtomicLong();
  volatile int activeUsers;
  volatile int inFlight;
  volatile boolean finished;

  final byte[] needle;
  final int[] needleFailure;

  private HttpPool client;
  private ByteBuf[][] requests;
  private int[] pick;
  private final SplittableRandom random;
  private final ArrayDeque<Exchange> pool = new ArrayDeque<>();
  private Timer[] timers;
  private Counter[] counters;
  private long tickTimer = -1;
  private long monitorTimer = -1;
  private long lastMonitor;
  private boolean sending = true;
  private boolean aborted;

  // open model
  private ArrivalClock clock;
  private long nextIntended;
  private int maxInFlight;

  // closed model and fixed connections
  private WakeHeap sleeping;
  private int active;
  private int retiring;
  private long thinkMin;
  private long thinkSpan;

  LoopWorker(LoadPlan plan, int loop, int loops, RunClock runClock, LoadMeters meters, long seed) {
    this.plan = plan;
    this.loop = loop;
    this.loops = loops;
    this.runClock = runClock;
    this.measureStart = Long.MAX_VALUE;
    this.measureEnd = Long.MAX_VALUE;
    this.meters = meters;
    int endpoints = plan.endpoints().size();
    this.endpointLatency = new SingleWriterRecorder[endpoints];
    for (int i = 0; i < endpoints; i++) {
      endpointLatency[i] = Histograms.recorder();
    }
    this.statusCounts = new AtomicLongArray(endpoints * StatusSlots.COUNT);
    this.kindCounts = new AtomicLongArray(endpoints * FailureKind.ALL.length);
    this.needle = plan.bodyContains();
    this.needleFailure = needle == null ? null : failureTable(needle);
    this.random = new SplittableRandom(seed);
  }

  @Override
  public void start() {
    context.exceptionHandler(
        error -> LOG.errorf(error, "load worker on event loop %d: unexpected failure", loop));
    int connections = Math.max(1, Shares.split(plan.shareConnections(), loop, loops));
    client =
        new HttpPool(
            ((ContextInternal) context).nettyEventLoop(),
            ((VertxInternal) vertx).transport().channelFactory(false),
            plan.host(),
            plan.port(),
            plan.ssl(),
            connections,
            plan.timeoutMillis());
    requests = new ByteBuf[plan.targets().size()][];
    int weights = 0;
    for (int t = 0; t < plan.targets().size(); t++) {
      LoadPlan.Target target = plan.targets().get(t);
      weights += target.weight();
      requests[t] = new ByteBuf[target.uris().size()];
      for (int u = 0; u < target.uris().size(); u++) {
        requests[t][u] =
            RequestTemplate.encode(
                PooledByteBufAllocator.DEFAULT,
                plan.host(),
                plan.port(),
                plan.ssl(),
                target.uris().get(u),
                plan.headers());
      }
    }
    pick = new int[weights];
    for (int t = 0, i = 0; t < plan.targets().size(); t++) {
      for (int w = 0; w < plan.targets().get(t).weight(); w++) {
        pick[i++] = t;
      }
    }
    int endpoints = plan.endpoints().size();
    timers = new Timer[endpoints];
    for (int e = 0; e < endpoints; e++) {
      timers[e] = meters.duration(plan.endpoints().get(e));
    }
    counters = new Counter[endpoints * StatusSlots.COUNT];
    if (plan.model() == LoadModel.OPEN) {
      double replicaScale = 1.0 / plan.shareCount();
      double offset = (loop + (double) plan.shareIndex() / plan.shareCount()) / loops;
      clock = new ArrivalClock(plan.schedule(), replicaScale / loops, offset);
      maxInFlight =
          Math.max(
              1,
              Shares.split(
                  Math.max(
                      1, Shares.split(plan.maxInFlight(), plan.shareIndex(), plan.shareCount())),
                  loop,
                  loops));
    } else {
      int peak =
          Shares.split(
              Shares.split(
                  (int) Math.ceil(plan.schedule().peak()), plan.shareIndex(), plan.shareCount()),
              loop,
              loops);
      sleeping = new WakeHeap(peak + 1);
      thinkMin = plan.thinkMinNanos();
      thinkSpan = plan.thinkMaxNanos() - plan.thinkMinNanos();
    }
    lastMonitor = System.nanoTime();
    monitorTimer = vertx.setPeriodic(MONITOR_MILLIS, id -> monitor());
    tickTimer = vertx.setPeriodic(TICK_MILLIS, id -> tick());
  }

  @Override
  public void stop() {
    aborted = true;
    sending = false;
    vertx.cancelTimer(tickTimer);
    vertx.cancelTimer(monitorTimer);
    if (client != null) {
      client.close();
    }
    if (requests != null) {
      for (ByteBuf[] target : requests) {
        for (ByteBuf request : target) {
          if (request != null) {
            request.release();
          }
        }
      }
      requests = null;
    }
  }

  /** Stops sending (from any thread); what is in flight may still complete. */
  void stopSending() {
    context.runOnContext(
        v -> {
          sending = false;
          finished = true;
        });
  }

  private void monitor() {
    long now = System.nanoTime();
    long late = now - lastMonitor - MONITOR_NANOS;
    lastMonitor = now;
    if (late > maxLoopDelay.get()) {
      maxLoopDelay.set(late);
    }
    // timeouts without a timer per request: what waited or went unanswered too long fails here
    client.expire(now);
  }

  private void tick() {
    long now = System.nanoTime();
    if (!started) {
      long start = runClock.startNanos();
      if (start == 0 || now < start) {
        return;
      }
      begin(start);
    }
    if (now < startNanos || !sending) {
      return;
    }
    // what fell due before the end is sent even when this tick comes late (a busy machine)
    long horizon = Math.min(now, measureEnd - 1);
    if (clock != null) {
      paceArrivals(horizon);
    } else {
      paceUsers(horizon);
    }
    if (now >= measureEnd) {
      sending = false;
      finished = true;
    }
  }

  /** The run's clock is known: every loop measures from the same start. */
  private void begin(long start) {
    started = true;
    startNanos = start;
    measureStart = start + plan.schedule().warmupNanos();
    measureEnd = start + plan.schedule().endNanos();
    if (clock != null) {
      long first = clock.next();
      nextIntended = first == ArrivalClock.NONE ? Long.MAX_VALUE : startNanos + first;
    }
  }

  private void paceArrivals(long now) {
    while (nextIntended <= now) {
      long intended = nextIntended;
      if (inFlight >= maxInFlight) {
        if (intended >= measureStart) {
          dropped.lazySet(dropped.get() + 1);
        }
      } else {
        send(intended);
      }
      long next = clock.next();
      nextIntended = next == ArrivalClock.NONE ? Long.MAX_VALUE : startNanos + next;
    }
  }

  private void paceUsers(long now) {
    double level = plan.schedule().valueAt(now - startNanos);
    int total = (int) Math.floor(level + 1e-9);
    int target =
        Shares.split(Shares.split(total, plan.shareIndex(), plan.shareCount()), loop, loops);
    while (active - retiring < target) {
      if (retiring > 0) {
        retiring--;
      } else {
        active++;
        sleeping.push(now);
      }
    }
    while (active - retiring > target) {
      retiring++;
    }
    while (sleeping.size() > 0 && sleeping.peek() <= now) {
      long wake = sleeping.pop();
      if (retiring > 0) {
        retiring--;
        active--;
        continue;
      }
      send(wake);
    }
    activeUsers = active;
  }

  private void send(long intended) {
    int t = pick[pick.length == 1 ? 0 : random.nextInt(pick.length)];
    ByteBuf[] choices = requests[t];
    ByteBuf request = choices[choices.length == 1 ? 0 : random.nextInt(choices.length)];
    Exchange exchange = pool.pollFirst();
    if (exchange == null) {
      exchange = new Exchange(this);
    }
    exchange.reset(plan.targets().get(t).endpoint(), intended, request);
    inFlight++;
    client.send(exchange);
  }

  /** A request ended (answered, or failed); called once per request on this loop. */
  void complete(Exchange exchange, int slot) {
    if (exchange.done) {
      return;
    }
    exchange.done = true;
    long end = System.nanoTime();
    inFlight--;
    long intended = exchange.intended;
    if (!aborted) {
      if (intended >= measureStart && intended < measureEnd) {
        record(exchange, slot, end, intended);
      } else if (intended < measureStart) {
        warmupRequests.lazySet(warmupRequests.get() + 1);
      }
    }
    pool.addFirst(exchange);
    if (clock == null && !aborted) {
      userDone(end);
    }
  }

  private void record(Exchange exchange, int slot, long end, long intended) {
    int e = exchange.endpoint;
    long micros = Histograms.micros(end - intended);
    latency.recordValue(micros);
    endpointLatency[e].recordValue(micros);
    long acquired = exchange.acquired == 0 ? end : exchange.acquired;
    connectionWait.recordValue(
        Math.max(0, Math.min((acquired - intended) / 1000, Histograms.HIGHEST_MICROS)));
    int statusIndex = e * StatusSlots.COUNT + slot;
    statusCounts.lazySet(statusIndex, statusCounts.get(statusIndex) + 1);
    int kindIndex = e * FailureKind.ALL.length + kind(slot, exchange).ordinal();
    kindCounts.lazySet(kindIndex, kindCounts.get(kindIndex) + 1);
    timers[e].record(end - intended, TimeUnit.NANOSECONDS);
    Counter counter = counters[statusIndex];
    if (counter == null) {
      counter = meters.requests(plan.endpoints().get(e), StatusSlots.label(slot));
      counters[statusIndex] = counter;
    }
    counter.increment();
  }

  private FailureKind kind(int slot, Exchange exchange) {
    if (slot == StatusSlots.TIMEOUT) {
      return FailureKind.TIMEOUT;
    }
    if (slot == StatusSlots.CONNECTION) {
      return FailureKind.CONNECTION;
    }
    int status = slot + 100;
    boolean passes =
        plan.passingStatuses() != null
            ? plan.passingStatuses()[status]
            : status >= 200 && status < 400;
    if (passes) {
      return exchange.bodyMatched() ? FailureKind.OK : FailureKind.ASSERTION;
    }
    if (status == 429) {
      return FailureKind.RATE_LIMITED;
    }
    if (status >= 400 && status < 500) {
      return FailureKind.HTTP_4XX;
    }
    if (status >= 500) {
      return FailureKind.HTTP_5XX;
    }
    return FailureKind.ASSERTION;
  }

  private void userDone(long now) {
    if (retiring > 0) {
      retiring--;
      active--;
      activeUsers = active;
      return;
    }
    if (!sending || now >= measureEnd) {
      return;
    }
    if (thinkMin == 0 && thinkSpan == 0) {
      send(now);
    } else {
      long think = thinkSpan == 0 ? thinkMin : thinkMin + random.nextLong(thinkSpan + 1);
      sleeping.push(now + think);
    }
  }

  private static int[] failureTable(byte[] needle) {
    int[] fail = new int[needle.length];
    int k = 0;
    for (int i = 1; i < needle.length; i++) {
      while (k > 0 && needle[k] != needle[i]) {
        k = fail[k - 1];
      }
      if (needle[k] == needle[i]) {
        k++;
      }
      fail[i] = k;
    }
    return fail;
  }
}
