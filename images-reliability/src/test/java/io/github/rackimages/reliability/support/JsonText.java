package io.github.rackimages.reliability.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Small tools to take a realistic JSON body apart and put it back with one thing changed: a value replaced by raw
 * bytes (which need not be JSON, nor UTF-8), a key duplicated, a value removed. Paths are lists of object keys
 * and array indexes.
 */
public final class JsonText {

  /** A placeholder string that cannot occur in a generated body; replaced by raw bytes after writing. */
  static final String HOLE = "@@hole-7f3a9c@@";

  private JsonText() {}

  /** Parses a body written by the adapter's own writer. */
  public static JsonValue parse(byte[] body) {
    // From text: a reader of bytes must guess the encoding, and cannot from a value of one or two bytes.
    try (JsonReader r = Json.createReader(new java.io.StringReader(new String(body, StandardCharsets.UTF_8)))) {
      return r.readValue();
    }
  }

  /** The UTF-8 bytes of a JSON value. */
  public static byte[] write(JsonValue value) {
    StringWriter w = new StringWriter();
    Json.createWriter(w).write(value);
    return w.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Every path to a value inside {@code root} (objects' members and arrays' elements), root excluded. */
  public static List<List<Object>> paths(JsonValue root) {
    List<List<Object>> out = new ArrayList<>();
    collect(root, new ArrayList<>(), out);
    return out;
  }

  private static void collect(JsonValue v, List<Object> at, List<List<Object>> out) {
    if (v instanceof JsonObject o) {
      for (Map.Entry<String, JsonValue> e : o.entrySet()) {
        List<Object> p = new ArrayList<>(at);
        p.add(e.getKey());
        out.add(p);
        collect(e.getValue(), p, out);
      }
    } else if (v instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        List<Object> p = new ArrayList<>(at);
        p.add(i);
        out.add(p);
        collect(a.get(i), p, out);
      }
    }
  }

  /** {@code root} with the value at {@code path} replaced by {@code raw}, written as it is. */
  public static byte[] replace(JsonValue root, List<Object> path, byte[] raw) {
    return fill(write(with(root, path, 0, Json.createValue(HOLE))), "\"" + HOLE + "\"", raw);
  }

  /** {@code root} with the member at {@code path} (an object key) removed. */
  public static byte[] remove(JsonValue root, List<Object> path) {
    return write(with(root, path, 0, null));
  }

  /**
   * {@code root} with the object member at {@code path} written twice: first with {@code firstRaw}, then with its
   * real value.
   */
  public static byte[] duplicateKey(JsonValue root, List<Object> path, byte[] firstRaw) {
    String key = (String) path.get(path.size() - 1);
    List<Object> parent = path.subList(0, path.size() - 1);
    JsonObject holder = (JsonObject) get(root, parent);
    JsonObjectBuilder b = Json.createObjectBuilder();
    b.add(HOLE, HOLE);
    holder.forEach(b::add);
    byte[] written = write(with(root, parent, 0, b.build()));
    ByteArrayOutputStream dup = new ByteArrayOutputStream();
    dup.writeBytes(("\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\":").getBytes(StandardCharsets.UTF_8));
    dup.writeBytes(firstRaw);
    return fill(written, "\"" + HOLE + "\":\"" + HOLE + "\"", dup.toByteArray());
  }

  /** The value at {@code path}. */
  public static JsonValue get(JsonValue root, List<Object> path) {
    JsonValue v = root;
    for (Object step : path) {
      v = step instanceof String k ? v.asJsonObject().get(k) : v.asJsonArray().get((Integer) step);
    }
    return v;
  }

  private static JsonValue with(JsonValue v, List<Object> path, int depth, JsonValue replacement) {
    if (depth == path.size()) {
      return replacement;
    }
    Object step = path.get(depth);
    if (v instanceof JsonObject o) {
      JsonObjectBuilder b = Json.createObjectBuilder();
      for (Map.Entry<String, JsonValue> e : o.entrySet()) {
        if (e.getKey().equals(step)) {
          JsonValue changed = with(e.getValue(), path, depth + 1, replacement);
          if (changed != null) {
            b.add(e.getKey(), changed);
          }
        } else {
          b.add(e.getKey(), e.getValue());
        }
      }
      return b.build();
    }
    JsonArray a = v.asJsonArray();
    JsonArrayBuilder b = Json.createArrayBuilder();
    for (int i = 0; i < a.size(); i++) {
      if (step.equals(i)) {
        JsonValue changed = with(a.get(i), path, depth + 1, replacement);
        if (changed != null) {
          b.add(changed);
        }
      } else {
        b.add(a.get(i));
      }
    }
    return b.build();
  }

  /** Replaces the first occurrence of {@code marker}'s UTF-8 bytes in {@code body} by {@code raw}. */
  static byte[] fill(byte[] body, String marker, byte[] raw) {
    byte[] m = marker.getBytes(StandardCharsets.UTF_8);
    int at = indexOf(body, m);
    if (at < 0) {
      throw new IllegalStateException("marker not found: " + marker);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + raw.length);
    out.write(body, 0, at);
    out.writeBytes(raw);
    out.write(body, at + m.length, body.length - at - m.length);
    return out.toByteArray();
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Where a truncation can fall, by what it cuts. */
  public enum Cut {
    INSIDE_KEY,
    INSIDE_STRING_VALUE,
    INSIDE_NUMBER,
    INSIDE_LITERAL,
    BETWEEN_TOKENS,
    MID_UTF8_SEQUENCE
  }

  /**
   * Classifies every offset {@code 1..length-1} of a JSON text by what a cut there would split. A cut at offset
   * {@code i} keeps bytes {@code [0, i)}.
   */
  public static Map<Cut, List<Integer>> cutOffsets(byte[] body) {
    Map<Cut, List<Integer>> out = new java.util.EnumMap<>(Cut.class);
    for (Cut c : Cut.values()) {
      out.put(c, new ArrayList<>());
    }
    int i = 0;
    while (i < body.length) {
      byte b = body[i];
      if (b == '"') {
        int start = i;
        int j = i + 1;
        while (j < body.length && body[j] != '"') {
          j += body[j] == '\\' ? 2 : 1;
        }
        int k = j + 1;
        while (k < body.length && (body[k] == ' ' || body[k] == '\n' || body[k] == '\r' || body[k] == '\t')) {
          k++;
        }
        boolean key = k < body.length && body[k] == ':';
        for (int o = start + 1; o <= j; o++) {
          if ((body[o] & 0xC0) == 0x80) {
            out.get(Cut.MID_UTF8_SEQUENCE).add(o);
          } else {
            out.get(key ? Cut.INSIDE_KEY : Cut.INSIDE_STRING_VALUE).add(o);
          }
        }
        i = j + 1;
      } else if (b == '-' || (b >= '0' && b <= '9')) {
        int j = i;
        while (j < body.length && "+-0123456789.eE".indexOf(body[j]) >= 0) {
          j++;
        }
        for (int o = i + 1; o < j; o++) {
          out.get(Cut.INSIDE_NUMBER).add(o);
        }
        i = j;
      } else if (b == 't' || b == 'f' || b == 'n') {
        int j = i;
        while (j < body.length && Character.isLetter(body[j])) {
          j++;
        }
        for (int o = i + 1; o < j; o++) {
          out.get(Cut.INSIDE_LITERAL).add(o);
        }
        i = j;
      } else {
        if (i > 0) {
          out.get(Cut.BETWEEN_TOKENS).add(i);
        }
        i++;
      }
    }
    return out;
  }
}
