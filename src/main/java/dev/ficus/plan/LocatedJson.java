package dev.ficus.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree that remembers the line of every value, so that an error in a file a person edited
 * can say where to look. Jackson's own tree forgets locations; this reads the token stream.
 *
 * @param value a {@code Map<String, LocatedJson>}, a {@code List<LocatedJson>}, a String, a
 *     Number, a Boolean, or null
 * @param line 1-based line where the value starts
 */
record LocatedJson(Object value, int line) {

  private static final JsonFactory FACTORY = new JsonFactory();

  /** Thrown for text that is not JSON, with the line where reading stopped. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;

    SyntaxError(String message, int line) {
      super(message);
      this.line = line;
    }
  }

  static LocatedJson parse(String text) throws SyntaxError {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new SyntaxError("the file is empty", 1);
      }
      LocatedJson result = read(parser, token);
      if (parser.nextToken() != null) {
        throw new SyntaxError("unexpected text after the end of the JSON object", parser.currentLocation().getLineNr());
      }
      return result;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new SyntaxError(e.getOriginalMessage(), line);
    } catch (IOException e) {
      throw new SyntaxError(e.getMessage(), 0);
    }
  }

  private static LocatedJson read(JsonParser parser, JsonToken token) throws IOException {
    int line = parser.currentTokenLocation().getLineNr();
    switch (token) {
      case START_OBJECT -> {
        Map<String, LocatedJson> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          map.put(name, read(parser, parser.nextToken()));
        }
        return new LocatedJson(map, line);
      }
      case START_ARRAY -> {
        List<LocatedJson> list = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          list.add(read(parser, next));
        }
        return new LocatedJson(list, line);
      }
      case VALUE_STRING -> {
        return new LocatedJson(parser.getText(), line);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new LocatedJson(parser.getNumberValue(), line);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new LocatedJson(parser.getBooleanValue(), line);
      }
      default -> {
        return new LocatedJson(null, line);
      }
    }
  }

  @SuppressWarnings("unchecked")
  Map<String, LocatedJson> object() {
    return value instanceof Map<?, ?> m ? (Map<String, LocatedJson>) m : null;
  }

  @SuppressWarnings("unchecked")
  List<LocatedJson> array() {
    return value instanceof List<?> l ? (List<LocatedJson>) l : null;
  }

  String string() {
    return value instanceof String s ? s : null;
  }
}
