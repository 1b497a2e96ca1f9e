package io.pokeapi.observability.pokeapidouble.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pokeapi.observability.pokeapidouble.support.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a data directory in the api-data layout. */
class DataDirectoryLoaderTest {

  @TempDir Path temp;

  @Test
  void readsEndpointsResourcesNamesAndMeta() {
    DataSet data = DataDirectoryLoader.load(Fixtures.dataDir());

    assertThat(data.hash()).isEqualTo("fixture0hash0000000000000000000000000001");
    assertThat(data.deployDate()).isEqualTo("1786004122");
    assertThat(data.endpoint("pokemon").ids()).containsExactly(1, 25, 487, 10001);
    assertThat(data.endpoint("pokemon").list().size()).isEqualTo(46);
    assertThat(data.endpoint("pokemon").idsByName()).containsEntry("pikachu", 25);
    assertThat(data.endpoint("machine").idsByName()).isEmpty();
    assertThat(data.endpoint("version-group")).as("a live endpoint without data").isNotNull();
    assertThat(data.endpoint("version-group").index()).isNull();
    assertThat(data.endpoint("pokemons")).isNull();
    assertThat(data.root()).isNotNull();
  }

  @Test
  void aDirectoryWithoutApiV2IsRejected() {
    assertThatThrownBy(() -> DataDirectoryLoader.load(temp))
        .isInstanceOf(InvalidDataDirectoryException.class)
        .hasMessageContaining("api/v2");
  }

  @Test
  void aBrokenIndexFileIsRejected() throws IOException {
    Path data = Fixtures.copyTo(temp.resolve("data"));
    Files.writeString(data.resolve("api/v2/ability/index.json"), "{\"count\": ");

    assertThatThrownBy(() -> DataDirectoryLoader.load(data))
        .isInstanceOf(InvalidDataDirectoryException.class)
        .hasMessageContaining("ability");
  }

  @Test
  void foldersThatAreNotCanonicalIdsAreIgnored() throws IOException {
    Path data = Fixtures.copyTo(temp.resolve("data"));
    Files.createDirectories(data.resolve("api/v2/pokemon/007"));
    Files.writeString(data.resolve("api/v2/pokemon/007/index.json"), "{}");

    assertThat(DataDirectoryLoader.load(data).endpoint("pokemon").ids()).doesNotContain(7);
  }
}
