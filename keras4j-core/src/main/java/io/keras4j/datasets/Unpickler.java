package io.keras4j.datasets;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small reader of Python pickles (protocols 2 to 5), enough for the object arrays numpy writes in
 * a {@code .npy}: it builds lists, tuples (as lists), ints (as {@code Long}), strings, bytes, dicts
 * and None, and keeps every call ({@code REDUCE}, {@code NEWOBJ}) and {@code BUILD} as a {@link
 * Call} record instead of running anything: nothing in the data is executed or looked up.
 */
final class Unpickler {
  /** A global name ({@code module.name}) the pickle refers to. */
  record Global(String module, String name) {}

  /** A call recorded, not run: the callable, its arguments and the state {@code BUILD} gave. */
  static final class Call {
    final Object callable;
    final List<Object> args;
    Object state;

    Call(Object callable, List<Object> args) {
      this.callable = callable;
      this.args = args;
    }

    @Override
    public String toString() {
      return "Call(" + callable + ", " + args + ")";
    }
  }

  private static final Object NONE = new Object();

  private final ByteBuffer in;
  private final Deque<Integer> marks = new java.util.ArrayDeque<>();
  private final List<Object> list = new ArrayList<>(); // the stack, as a list for marks
  private final Map<Integer, Object> memo = new HashMap<>();

  Unpickler(byte[] bytes, int offset) {
    this.in = ByteBuffer.wrap(bytes, offset, bytes.length - offset).order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * The elements of a numpy object array unpickled as {@code _reconstruct(ndarray, ...)} with the
   * state {@code (version, shape, dtype, fortran, items)}, or null when {@code top} is not one.
   */
  static List<?> objectArrayItems(Object top) {
    if (top instanceof Call c
        && c.callable instanceof Global g
        && g.name().equals("_reconstruct")
        && c.state instanceof List<?> st
        && st.size() == 5
        && st.get(4) instanceof List<?> items) {
      return items;
    }
    return null;
  }

  /**
   * A byte string as Python 2 pickled it ({@code str}, read as bytes), as Python 3 pickles bytes in
   * protocols 3 and up, or as it pickles them in protocol 2 ({@code _codecs.encode(text,
   * "latin1")}); null for anything else.
   */
  static byte[] asBytes(Object v) {
    if (v instanceof byte[] b) {
      return b;
    }
    if (v instanceof Call c
        && c.callable instanceof Global g
        && g.module().equals("_codecs")
        && g.name().equals("encode")
        && c.args.size() == 2
        && c.args.get(0) instanceof String text) {
      byte[] b = new byte[text.length()];
      for (int i = 0; i < b.length; i++) {
        char ch = text.charAt(i);
        if (ch > 0xff) {
          return null;
        }
        b[i] = (byte) ch;
      }
      return b;
    }
    return null;
  }

  /** A dictionary key or name: text, or a byte string read as Latin-1; null for anything else. */
  static String asText(Object v) {
    if (v instanceof String s) {
      return s;
    }
    byte[] b = asBytes(v);
    return b == null ? null : new String(b, StandardCharsets.ISO_8859_1);
  }

  Object load() {
    while (true) {
      int op = in.get() & 0xff;
      switch (op) {
        case 0x80 -> in.get(); // PROTO
        case 0x95 -> in.getLong(); // FRAME
        case '.' -> {
          Object v = pop();
          return v == NONE ? null : v;
        }
        case '(' -> marks.push(list.size());
        case 'N' -> push(NONE);
        case 0x88 -> push(Boolean.TRUE);
        case 0x89 -> push(Boolean.FALSE);
        case 'K' -> push((long) (in.get() & 0xff));
        case 'M' -> push((long) (in.getShort() & 0xffff));
        case 'J' -> push((long) in.getInt());
        case 'I' -> { // INT as text (Python 2): "01" and "00" are True and False
          String v = line();
          push(v.equals("01") ? Boolean.TRUE : v.equals("00") ? Boolean.FALSE : Long.parseLong(v));
        }
        case 0x8a -> push(long1(in.get() & 0xff));
        case 'G' -> {
          in.order(ByteOrder.BIG_ENDIAN);
          double d = in.getDouble();
          in.order(ByteOrder.LITTLE_ENDIAN);
          push(d);
        }
        case 0x8c -> push(string(in.get() & 0xff));
        case 'X' -> push(string(in.getInt()));
        case 0x8d -> push(string(Math.toIntExact(in.getLong())));
        case 'U', 'C' -> push(bytes(in.get() & 0xff));
        case 'T', 'B' -> push(bytes(in.getInt()));
        case ')' -> push(new ArrayList<>());
        case ']' -> push(new ArrayList<>());
        case '}' -> push(new LinkedHashMap<>());
        case 0x85 -> push(tuple(1));
        case 0x86 -> push(tuple(2));
        case 0x87 -> push(tuple(3));
        case 't' -> push(new ArrayList<>(popMark()));
        case 'l' -> push(new ArrayList<>(popMark()));
        case 'a' -> {
          Object v = pop();
          asList(peek()).add(v == NONE ? null : v);
        }
        case 'e' -> {
          List<Object> items = popMark();
          List<Object> target = asList(peek());
          for (Object v : items) {
            target.add(v == NONE ? null : v);
          }
        }
        case 's' -> {
          Object v = pop();
          Object k = pop();
          asMap(peek()).put(k, v);
        }
        case 'u' -> {
          List<Object> items = popMark();
          Map<Object, Object> m = asMap(peek());
          for (int i = 0; i + 1 < items.size(); i += 2) {
            m.put(items.get(i), items.get(i + 1));
          }
        }
        case 'c' -> push(new Global(line(), line()));
        case 0x93 -> {
          String name = (String) pop();
          push(new Global((String) pop(), name));
        }
        case 'R', 0x81 -> {
          Object args = pop();
          push(new Call(pop(), asList(args)));
        }
        case 'b' -> {
          Object state = pop();
          if (!(peek() instanceof Call c)) {
            throw bad("BUILD on " + peek());
          }
          c.state = state;
        }
        case 'q' -> memo.put(in.get() & 0xff, peek());
        case 'r' -> memo.put(in.getInt(), peek());
        case 0x94 -> memo.put(memo.size(), peek());
        case 'h' -> push(memo.get(in.get() & 0xff));
        case 'j' -> push(memo.get(in.getInt()));
        default -> throw bad(String.format("opcode 0x%02x at byte %d", op, in.position() - 1));
      }
    }
  }

  private long long1(int n) {
    byte[] b = bytes(n);
    long v = 0;
    for (int i = n - 1; i >= 0; i--) {
      v = (v << 8) | (b[i] & 0xff);
    }
    if (n > 0 && n < 8 && b[n - 1] < 0) {
      v -= 1L << (8 * n); // two's complement of n bytes
    }
    if (n > 8) {
      throw bad("an integer of " + n + " bytes");
    }
    return v;
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    in.get(b);
    return b;
  }

  private String string(int n) {
    return new String(bytes(n), StandardCharsets.UTF_8);
  }

  private String line() {
    StringBuilder s = new StringBuilder();
    for (byte c = in.get(); c != '\n'; c = in.get()) {
      s.append((char) c);
    }
    return s.toString();
  }

  private void push(Object v) {
    list.add(v);
  }

  private Object pop() {
    if (list.isEmpty()) {
      throw bad("an empty stack");
    }
    return list.remove(list.size() - 1);
  }

  private Object peek() {
    return list.get(list.size() - 1);
  }

  private List<Object> tuple(int n) {
    List<Object> t = new ArrayList<>(list.subList(list.size() - n, list.size()));
    for (int i = 0; i < n; i++) {
      pop();
    }
    t.replaceAll(v -> v == NONE ? null : v);
    return t;
  }

  private List<Object> popMark() {
    if (marks.isEmpty()) {
      throw bad("no MARK");
    }
    int at = marks.pop();
    List<Object> items = new ArrayList<>(list.subList(at, list.size()));
    list.subList(at, list.size()).clear();
    items.replaceAll(v -> v == NONE ? null : v);
    return items;
  }

  @SuppressWarnings("unchecked")
  private List<Object> asList(Object v) {
    if (v == NONE) {
      return new ArrayList<>();
    }
    if (v instanceof List<?> l) {
      return (List<Object>) l;
    }
    throw bad("a list expected, got " + v);
  }

  @SuppressWarnings("unchecked")
  private Map<Object, Object> asMap(Object v) {
    if (v instanceof Map<?, ?> m) {
      return (Map<Object, Object>) m;
    }
    throw bad("a dict expected, got " + v);
  }

  private static IllegalArgumentException bad(String what) {
    return new IllegalArgumentException("unsupported or damaged pickle: " + what);
  }
}
