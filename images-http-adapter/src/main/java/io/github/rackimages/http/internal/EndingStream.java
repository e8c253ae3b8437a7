package io.github.rackimages.http.internal;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Collector;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A stream that runs {@code onEnd} when its terminal operation returns or throws, also when that operation ended
 * early ({@code findFirst}, {@code anyMatch}, after {@code limit}): so that a walk can cancel the page it asked
 * ahead for, which no spliterator hears of. Intermediate operations keep the wrapping; those that leave for a
 * primitive stream, and {@link #iterator()} and {@link #spliterator()}, do not: there only {@link #close()} runs
 * {@code onEnd} (through {@code onClose}). Sequential streams only.
 */
public final class EndingStream<T> implements Stream<T> {

  private final Stream<T> d;
  private final Runnable onEnd;

  private EndingStream(Stream<T> d, Runnable onEnd) {
    this.d = d;
    this.onEnd = onEnd;
  }

  /** {@code stream}, running {@code onEnd} after its terminal operation and when it is closed. */
  public static <T> Stream<T> of(Stream<T> stream, Runnable onEnd) {
    Objects.requireNonNull(onEnd, "onEnd");
    return new EndingStream<>(stream.onClose(onEnd), onEnd);
  }

  private <R> Stream<R> wrap(Stream<R> s) {
    return new EndingStream<>(s, onEnd);
  }

  private <R> R end(Supplier<R> terminal) {
    try {
      return terminal.get();
    } finally {
      onEnd.run();
    }
  }

  @Override public Stream<T> filter(Predicate<? super T> p) { return wrap(d.filter(p)); }
  @Override public <R> Stream<R> map(Function<? super T, ? extends R> f) { return wrap(d.map(f)); }
  @Override public IntStream mapToInt(ToIntFunction<? super T> f) { return d.mapToInt(f); }
  @Override public LongStream mapToLong(ToLongFunction<? super T> f) { return d.mapToLong(f); }
  @Override public DoubleStream mapToDouble(ToDoubleFunction<? super T> f) { return d.mapToDouble(f); }

  @Override
  public <R> Stream<R> flatMap(Function<? super T, ? extends Stream<? extends R>> f) {
    return wrap(d.flatMap(f));
  }

  @Override
  public IntStream flatMapToInt(Function<? super T, ? extends IntStream> f) { return d.flatMapToInt(f); }

  @Override
  public LongStream flatMapToLong(Function<? super T, ? extends LongStream> f) { return d.flatMapToLong(f); }

  @Override
  public DoubleStream flatMapToDouble(Function<? super T, ? extends DoubleStream> f) {
    return d.flatMapToDouble(f);
  }

  @Override
  public <R> Stream<R> mapMulti(BiConsumer<? super T, ? super Consumer<R>> m) { return wrap(d.mapMulti(m)); }

  @Override public Stream<T> distinct() { return wrap(d.distinct()); }
  @Override public Stream<T> sorted() { return wrap(d.sorted()); }
  @Override public Stream<T> sorted(Comparator<? super T> c) { return wrap(d.sorted(c)); }
  @Override public Stream<T> peek(Consumer<? super T> a) { return wrap(d.peek(a)); }
  @Override public Stream<T> limit(long n) { return wrap(d.limit(n)); }
  @Override public Stream<T> skip(long n) { return wrap(d.skip(n)); }
  @Override public Stream<T> takeWhile(Predicate<? super T> p) { return wrap(d.takeWhile(p)); }
  @Override public Stream<T> dropWhile(Predicate<? super T> p) { return wrap(d.dropWhile(p)); }

  @Override
  public void forEach(Consumer<? super T> a) {
    end(() -> {
      d.forEach(a);
      return null;
    });
  }

  @Override
  public void forEachOrdered(Consumer<? super T> a) {
    end(() -> {
      d.forEachOrdered(a);
      return null;
    });
  }

  @Override public Object[] toArray() { return end(d::toArray); }
  @Override public <A> A[] toArray(IntFunction<A[]> g) { return end(() -> d.toArray(g)); }
  @Override public T reduce(T identity, BinaryOperator<T> op) { return end(() -> d.reduce(identity, op)); }
  @Override public Optional<T> reduce(BinaryOperator<T> op) { return end(() -> d.reduce(op)); }

  @Override
  public <U> U reduce(U identity, BiFunction<U, ? super T, U> acc, BinaryOperator<U> combiner) {
    return end(() -> d.reduce(identity, acc, combiner));
  }

  @Override
  public <R> R collect(Supplier<R> supplier, BiConsumer<R, ? super T> acc, BiConsumer<R, R> combiner) {
    return end(() -> d.collect(supplier, acc, combiner));
  }

  @Override public <R, A> R collect(Collector<? super T, A, R> c) { return end(() -> d.collect(c)); }
  @Override public List<T> toList() { return end(d::toList); }
  @Override public Optional<T> min(Comparator<? super T> c) { return end(() -> d.min(c)); }
  @Override public Optional<T> max(Comparator<? super T> c) { return end(() -> d.max(c)); }
  @Override public long count() { return end(d::count); }
  @Override public boolean anyMatch(Predicate<? super T> p) { return end(() -> d.anyMatch(p)); }
  @Override public boolean allMatch(Predicate<? super T> p) { return end(() -> d.allMatch(p)); }
  @Override public boolean noneMatch(Predicate<? super T> p) { return end(() -> d.noneMatch(p)); }
  @Override public Optional<T> findFirst() { return end(d::findFirst); }
  @Override public Optional<T> findAny() { return end(d::findAny); }
  @Override public Iterator<T> iterator() { return d.iterator(); }
  @Override public Spliterator<T> spliterator() { return d.spliterator(); }
  @Override public boolean isParallel() { return d.isParallel(); }
  @Override public Stream<T> sequential() { return wrap(d.sequential()); }
  @Override public Stream<T> parallel() { return wrap(d.parallel()); }
  @Override public Stream<T> unordered() { return wrap(d.unordered()); }
  @Override public Stream<T> onClose(Runnable h) { return wrap(d.onClose(h)); }
  @Override public void close() { d.close(); }
}
