import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain download the pipeline benchmark compares with: the same resources the probe's sweep
 * fetches (ids discovered from the list endpoints in pages of 1,000), with the same number of
 * requests in flight, by a bare JDK HTTP client that keeps nothing but a byte count.
 *
 * <pre>
 * java deploy/bench/PlainSweep.java BASE_URL CONCURRENCY ENDPOINT...
 * </pre>
 *
 * Prints one line: {@code resources=N bytes=B seconds=S cpu=C peak_mb=M} (the list pages are
 * fetched first and not counted; {@code cpu} is the CPU seconds the client used while measured,
 * {@code peak_mb} its peak RSS).
 */
public final class PlainSweep {

  private static final Pattern URL = Pattern.compile("\"url\":\"([^\"]+)\"");
  private static final Pattern COUNT = Pattern.compile("\"count\":(\\d+)");

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: java PlainSweep.java BASE_URL CONCURRENCY ENDPOINT...");
      System.exit(2);
    }
    String base = args[0].replaceAll("/+$", "");
    int concurrency = Integer.parseInt(args[1]);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    List<String> urls = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      urls.addAll(discover(http, base, args[i]));
    }

    AtomicLong bytes = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    Semaphore inFlight = new Semaphore(concurrency);
    List<Future<?>> pending = new ArrayList<>(urls.size());
    long start = System.nanoTime();
    long cpuStart = cpuNanos();
    try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (String url : urls) {
        inFlight.acquire();
        pending.add(
            workers.submit(
                () -> {
                  try {
                    HttpResponse<byte[]> response = http.send(get(url), HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() == 200) {
                      bytes.addAndGet(response.body().length);
                    } else {
                      failures.incrementAndGet();
                    }
                  } catch (Exception e) {
                    failures.incrementAndGet();
                  } finally {
                    inFlight.release();
                  }
                }));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = (cpuNanos() - cpuStart) / 1e9;
    if (failures.get() > 0) {
      System.err.println(failures.get() + " requests failed");
      System.exit(1);
    }
    System.out.printf(
        Locale.ROOT,
        "resources=%d bytes=%d seconds=%.3f cpu=%.1f peak_mb=%d%n",
        urls.size(),
        bytes.get(),
        seconds,
        cpu,
        peakMegabytes());
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** VmHWM of this process, 0 where /proc is missing. */
  private static long peakMegabytes() {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (Exception e) {
      // not Linux
    }
    return 0;
  }

  /** The resource urls of an endpoint, from its list pages. */
  private static List<String> discover(HttpClient http, String base, String endpoint)
      throws Exception {
    List<String> urls = new ArrayList<>();
    long count = Long.MAX_VALUE;
    for (int offset = 0; offset < count; offset += 1000) {
      String page =
          http.send(
                  get(base + "/" + endpoint + "/?offset=" + offset + "&limit=1000"),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher total = COUNT.matcher(page);
      if (!total.find()) {
        throw new IllegalStateException("no count in the list of " + endpoint);
      }
      count = Long.parseLong(total.group(1));
      Matcher url = URL.matcher(page);
      int found = 0;
      while (url.find()) {
        urls.add(url.group(1));
        found++;
      }
      if (found == 0) {
        break;
      }
    }
    return urls;
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build();
  }
}
