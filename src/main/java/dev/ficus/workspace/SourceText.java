package dev.ficus.workspace;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a file's bytes into source text the way javac would accept it in practice: UTF-8 with or
 * without a byte order mark, falling back to ISO-8859-1 (every byte is a character there) for the
 * older code bases still written in it. Binary content is refused.
 */
public final class SourceText {

  /** The decoded text and whether the fallback charset was needed. */
  public record Decoded(String text, boolean latin1) {}

  private SourceText() {}

  static boolean looksBinary(byte[] bytes) {
    int limit = Math.min(bytes.length, 8192);
    for (int i = 0; i < limit; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  public static Decoded decode(byte[] bytes) {
    int offset = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      offset = 3;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(buffer)
              .toString();
      return new Decoded(text, false);
    } catch (CharacterCodingException e) {
      return new Decoded(new String(bytes, offset, bytes.length - offset, StandardCharsets.ISO_8859_1), true);
    }
  }
}
