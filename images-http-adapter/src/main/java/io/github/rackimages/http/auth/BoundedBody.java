package io.github.rackimages.http.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads a response body into memory, but never more than a cap: a hostile or broken identity service must not
 * exhaust the heap. Keeps the status and headers, so that a failure while reading the body can still report
 * them.
 */
final class BoundedBody implements HttpResponse.BodyHandler<byte[]> {

  /** The body was longer than the cap (by its {@code Content-Length}, or while it streamed). */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(long max) {
      super("the body is larger than " + max + " bytes");
    }
  }

  private final long max;
  private final AtomicReference<HttpResponse.ResponseInfo> info = new AtomicReference<>();

  BoundedBody(long max) {
    this.max = max;
  }

  /** The status and headers, once they arrived. */
  HttpResponse.ResponseInfo responseInfo() {
    return info.get();
  }

  @Override
  public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo responseInfo) {
    info.set(responseInfo);
    long declared = responseInfo.headers().firstValueAsLong("Content-Length").orElse(-1L);
    return new Subscriber(max, declared > max);
  }

  private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final long max;
    private final boolean declaredTooLarge;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    Subscriber(long max, boolean declaredTooLarge) {
      this.max = max;
      this.declaredTooLarge = declaredTooLarge;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      this.subscription = s;
      if (declaredTooLarge) {
        // Refuse before reading a byte of it.
        s.cancel();
        result.completeExceptionally(new TooLargeException(max));
        return;
      }
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        if ((long) buffer.size() + item.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(new TooLargeException(max));
          return;
        }
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        buffer.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable failure) {
      result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      result.complete(buffer.toByteArray());
    }
  }
}
