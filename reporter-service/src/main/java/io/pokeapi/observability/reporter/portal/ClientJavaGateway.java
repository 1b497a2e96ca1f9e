package io.pokeapi.observability.reporter.portal;

import com.epam.reportportal.listeners.ListenerParameters;
import com.epam.reportportal.service.ReportPortal;
import com.epam.reportportal.service.ReportPortalClient;
import com.epam.reportportal.service.ReportPortalClientV2;
import com.epam.reportportal.utils.http.HttpRequestUtils;
import com.epam.ta.reportportal.ws.model.BatchElementCreatedRS;
import com.epam.ta.reportportal.ws.model.BatchSaveOperatingRS;
import com.epam.ta.reportportal.ws.model.TestItemResource;
import com.epam.ta.reportportal.ws.model.launch.LaunchResource;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import retrofit2.HttpException;

/**
 * Talks to ReportPortal with its official Java client: client-java's Retrofit interface {@link
 * ReportPortalClient} (v1, or {@link ReportPortalClientV2} for the asynchronous endpoints), built
 * by {@link ReportPortal.Builder#buildClient} with client-java's own OkHttp setup (bearer key,
 * project path, timeouts). Its RxJava {@code Maybe}s run on a small executor of their own and are
 * awaited on the reporter's delivery thread, never on a Vert.x event loop.
 */
public final class ClientJavaGateway implements ReportPortalGateway, AutoCloseable {

  private final ReportPortalClient client;
  private final ExecutorService executor;
  private final String endpoint;
  private final String project;

  public ClientJavaGateway(
      String endpoint,
      String project,
      String apiKey,
      Duration timeout,
      boolean async,
      boolean httpLogging) {
    this.endpoint = endpoint;
    this.project = project;
    ListenerParameters params = new ListenerParameters();
    params.setEnable(true);
    params.setBaseUrl(endpoint);
    params.setProjectName(project);
    params.setApiKey(apiKey);
    params.setAsyncReporting(async);
    params.setHttpLogging(httpLogging);
    params.setHttpCallTimeout(timeout);
    params.setHttpConnectTimeout(timeout);
    params.setHttpReadTimeout(timeout);
    params.setHttpWriteTimeout(timeout);
    this.executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "reporter-rp-io");
              t.setDaemon(true);
              return t;
            });
    Class<? extends ReportPortalClient> type =
        async ? ReportPortalClientV2.class : ReportPortalClient.class;
    this.client = new ReportPortal.Builder().buildClient(type, params, executor);
    if (client == null) {
      throw new IllegalArgumentException("client-java could not build a client for " + endpoint);
    }
  }

  @Override
  public void send(RpCall call, boolean maybeDone) throws ReportingException {
    try {
      switch (call) {
        case RpCall.StartLaunch s -> {
          if (maybeDone && launch(s.rq().getUuid()) != null) {
            return;
          }
          client.startLaunch(s.rq()).blockingGet();
        }
        case RpCall.StartItem s -> {
          if (maybeDone && item(s.rq().getUuid()) != null) {
            return;
          }
          if (s.parentUuid() == null) {
            client.startTestItem(s.rq()).blockingGet();
          } else {
            client.startTestItem(s.parentUuid(), s.rq()).blockingGet();
          }
        }
        case RpCall.FinishItem f -> {
          if (maybeDone) {
            TestItemResource item = item(f.uuid());
            if (item != null && !"IN_PROGRESS".equalsIgnoreCase(item.getStatus())) {
              return;
            }
          }
          client.finishTestItem(f.uuid(), f.rq()).blockingGet();
        }
        case RpCall.SaveLog l -> {
          if (l.rq().getFile() == null) {
            client.log(l.rq()).blockingGet();
          } else {
            BatchSaveOperatingRS rs =
                client
                    .log(HttpRequestUtils.buildLogMultiPartRequest(List.of(l.rq())))
                    .blockingGet();
            checkBatch(rs, maybeDone);
          }
        }
        case RpCall.FinishLaunch f -> {
          if (maybeDone) {
            LaunchResource launch = launch(f.uuid());
            if (launch != null && !"IN_PROGRESS".equalsIgnoreCase(launch.getStatus())) {
              return;
            }
          }
          client.finishLaunch(f.uuid(), f.rq()).blockingGet();
        }
        case RpCall.UpdateLaunch u -> {
          LaunchResource launch = client.getLaunchByUuid(u.uuid()).blockingGet();
          client.updateLaunch(String.valueOf(launch.getLaunchId()), u.rq()).blockingGet();
        }
      }
    } catch (RuntimeException e) {
      ReportingException failure = classify(call, e);
      if (failure != null) {
        throw failure;
      }
    }
  }

  private LaunchResource launch(String uuid) {
    try {
      return client.getLaunchByUuid(uuid).blockingGet();
    } catch (RuntimeException e) {
      if (cause(e) instanceof HttpException h && h.code() == 404) {
        return null;
      }
      throw e;
    }
  }

  private TestItemResource item(String uuid) {
    try {
      return client.getItemByUuid(uuid).blockingGet();
    } catch (RuntimeException e) {
      if (cause(e) instanceof HttpException h && h.code() == 404) {
        return null;
      }
      throw e;
    }
  }

  private static void checkBatch(BatchSaveOperatingRS rs, boolean maybeDone)
      throws ReportingException {
    if (rs == null || rs.getResponses() == null) {
      return;
    }
    for (BatchElementCreatedRS element : rs.getResponses()) {
      String message = element.getMessage();
      if (message != null) {
        if (maybeDone && message.toLowerCase(Locale.ROOT).contains("already exists")) {
          continue;
        }
        throw new ReportingException(false, "rejected", "log refused: " + message, null);
      }
    }
  }

  /** The failure as a {@link ReportingException}, or null when it means "already done". */
  private static ReportingException classify(RpCall call, RuntimeException e) {
    Throwable cause = cause(e);
    if (cause instanceof HttpException h) {
      int code = h.code();
      String body = errorBody(h);
      if (code == 409 && !(call instanceof RpCall.FinishItem)) {
        return null; // the reporter's own UUID exists already: the first attempt arrived
      }
      if (code >= 500) {
        return new ReportingException(
            true, "http_5xx", call.kind() + ": HTTP " + code + " " + body, h);
      }
      if (code == 429 || code == 408) {
        return new ReportingException(true, "throttled", call.kind() + ": HTTP " + code, h);
      }
      if (code == 401 || code == 403) {
        return new ReportingException(
            true, "unauthorized", call.kind() + ": HTTP " + code + " (check the API key)", h);
      }
      return new ReportingException(
          false, "rejected", call.kind() + ": HTTP " + code + " " + body, h);
    }
    if (cause instanceof InterruptedIOException) {
      return new ReportingException(true, "timeout", call.kind() + ": " + cause, cause);
    }
    if (cause instanceof IOException) {
      return new ReportingException(true, "unavailable", call.kind() + ": " + cause, cause);
    }
    return new ReportingException(true, "unexpected", call.kind() + ": " + cause, cause);
  }

  private static Throwable cause(Throwable e) {
    Throwable t = e;
    while ((t instanceof RuntimeException && !(t instanceof HttpException))
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static String errorBody(HttpException h) {
    try {
      var response = h.response();
      if (response == null || response.errorBody() == null) {
        return "";
      }
      String text = response.errorBody().string();
      return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  @Override
  public boolean connected() {
    return true;
  }

  @Override
  public String describe() {
    return endpoint + " project " + project;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
