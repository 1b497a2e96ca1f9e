import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

/**
 * Asks a Kafka broker for its cluster metadata, the way a client would. Run by deploy/local/kafka
 * with the broker's own jars: {@code java -cp 'libs/*' BrokerCheck.java BOOTSTRAP TIMEOUT_MS}.
 * Prints {@code cluster=<id> nodes=<host:port,...>} and exits 0, or prints why and exits 1.
 */
public class BrokerCheck {
  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    int timeoutMs = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
            AdminClientConfig.CLIENT_ID_CONFIG, "pokeobs-broker-check");
    try (Admin admin = Admin.create(config)) {
      DescribeClusterResult cluster =
          admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
      String nodes =
          cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS).stream()
              .map(n -> n.host() + ":" + n.port())
              .collect(Collectors.joining(","));
      String clusterId = cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
      if (nodes.isEmpty()) {
        System.out.println("no broker node is registered yet");
        System.exit(1);
      }
      System.out.println("cluster=" + clusterId + " nodes=" + nodes);
    } catch (Exception e) {
      System.out.println("metadata request failed: " + e);
      System.exit(1);
    }
  }
}
