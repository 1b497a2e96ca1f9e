package io.pokeapi.observability.pokeapidouble.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The bytes of one {@code index.json} or {@code index.json.gz} file, read once when the data
 * directory is loaded and kept as stored (gzip stays gzip), so that the double never touches the
 * file system while it serves and later edits to the directory only show after a reload.
 */
public final class SourceFile {

  private final Path path;
  private final byte[] bytes;
  private final boolean gzipped;

  SourceFile(Path path, byte[] bytes, boolean gzipped) {
    this.path = path;
    this.bytes = bytes;
    this.gzipped = gzipped;
  }

  /** Where the bytes came from (for messages only). */
  public Path path() {
    return path;
  }

  /** The stored size in bytes. */
  public int storedSize() {
    return bytes.length;
  }

  /** A stream of the uncompressed JSON. */
  public InputStream open() throws IOException {
    InputStream in = new ByteArrayInputStream(bytes);
    return gzipped ? new GZIPInputStream(in, 8192) : in;
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
