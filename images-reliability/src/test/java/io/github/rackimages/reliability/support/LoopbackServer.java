package io.github.rackimages.reliability.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on raw sockets bound to {@code 127.0.0.1} only (an ephemeral port), whose handler may answer
 * anything at all: a proper response (keep-alive, Content-Length), raw bytes, a connection reset, or no answer.
 * No HTTP server library sends a body shorter than its Content-Length or resets mid-body on purpose; this one
 * does. Every request is recorded; every connection is served by its own daemon thread whose name starts with
 * {@link #THREAD_PREFIX}, so that thread-leak checks can tell them apart from the client's.
 */
public final class LoopbackServer implements AutoCloseable {

  /** The prefix of this server's thread names. */
  public static final String THREAD_PREFIX = "loopback-";

  /** Answers one request. */
  @FunctionalInterface
  public interface Handler {
    /** Answers {@code request} through {@code reply}; an exception closes the connection. */
    void handle(Request request, Reply reply) throws IOException;
  }

  private static final int MAX_HEAD = 256 * 1024;

  private final String name;
  private final ServerSocket socket;
  private final Thread acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger threads = new AtomicInteger();
  private volatile Handler handler;
  private volatile boolean closed;

  private LoopbackServer(String name, Handler handler) throws IOException {
    this.name = name;
    this.handler = handler;
    this.socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, THREAD_PREFIX + name + "-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A started server. */
  public static LoopbackServer start(String name, Handler handler) {
    try {
      return new LoopbackServer(name, handler);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a loopback server", e);
    }
  }

  /** Replaces the handler for requests from now on. */
  public void handler(Handler handler) {
    this.handler = handler;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI origin() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  /** The port. */
  public int port() {
    return socket.getLocalPort();
  }

  /** The requests received so far, in order of arrival. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Forgets the requests received so far. */
  public void clearRequests() {
    requests.clear();
  }

  /** How many connections were accepted. */
  public int connections() {
    return connections.get();
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      // Closing anyway.
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // Closing anyway.
      }
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = socket.accept();
      } catch (IOException e) {
        return;
      }
      connections.incrementAndGet();
      open.add(s);
      Thread t = new Thread(() -> serve(s), THREAD_PREFIX + name + "-" + threads.incrementAndGet());
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket s) {
    try (s) {
      s.setTcpNoDelay(true);
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      while (!closed) {
        Request request = readRequest(in);
        if (request == null) {
          return;
        }
        requests.add(request);
        Reply reply = new Reply(s, out);
        handler.handle(request, reply);
        if (!reply.keepAlive()) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      // The client went away, or the handler chose to drop the connection.
    } finally {
      open.remove(s);
    }
  }

  private static Request readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      if (head.size() > MAX_HEAD) {
        throw new IOException("request head too large");
      }
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\r\n");
    String[] start = lines[0].split(" ", 3);
    if (start.length < 3) {
      throw new IOException("malformed request line");
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    byte[] body = new byte[0];
    List<String> length = headers.get("content-length");
    if (length != null) {
      body = in.readNBytes(Integer.parseInt(length.get(0)));
    }
    return new Request(start[0], start[1], headers, body);
  }

  /** How the handler answers. Each method but {@link #send} ends the connection. */
  public static final class Reply {
    private final Socket socket;
    private final OutputStream out;
    private boolean keepAlive;
    private boolean answered;

    Reply(Socket socket, OutputStream out) {
      this.socket = socket;
      this.out = out;
    }

    boolean keepAlive() {
      return keepAlive;
    }

    /** A proper response with Content-Length; the connection stays open for the next request. */
    public void send(int status, Map<String, String> headers, byte[] body) throws IOException {
      StringBuilder h = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
      headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
      h.append("Content-Length: ").append(body.length).append("\r\n\r\n");
      out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      answered = true;
      keepAlive = true;
    }

    /** Writes these bytes as they are (status line, headers and body), then closes the connection. */
    public void raw(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
      answered = true;
      socket.shutdownOutput();
    }

    /** Writes these bytes, then resets the connection (TCP RST) instead of closing it in order. */
    public void rawThenReset(byte[] bytes) throws IOException {
      if (bytes.length > 0) {
        out.write(bytes);
        out.flush();
      }
      reset();
    }

    /** Resets the connection (TCP RST) without a byte. */
    public void reset() throws IOException {
      answered = true;
      socket.setSoLinger(true, 0);
      socket.close();
    }

    /** Writes these bytes, then answers nothing more until the client gives up (or the server closes). */
    public void rawThenStall(byte[] bytes) throws IOException {
      if (bytes.length > 0) {
        out.write(bytes);
        out.flush();
      }
      stall();
    }

    /** Answers nothing; returns when the client closes the connection or the server is closed. */
    public void stall() throws IOException {
      answered = true;
      InputStream in = socket.getInputStream();
      try {
        while (in.read() >= 0) {
          // Drain whatever the client sends until it hangs up.
        }
      } catch (SocketException e) {
        // Closed under us: that ends the stall too.
      }
    }

    /** Whether an answer was given. */
    public boolean answered() {
      return answered;
    }
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 203 -> "Non-Authoritative Information";
      case 302 -> "Found";
      case 307 -> "Temporary Redirect";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 404 -> "Not Found";
      case 413 -> "Request Entity Too Large";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Status";
    };
  }
}
