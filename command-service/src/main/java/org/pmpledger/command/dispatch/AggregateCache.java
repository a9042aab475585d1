package org.pmpledger.command.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The most recently used aggregates, kept in memory between commands (Axon's caching repository: a plan's
 * events are not read and replayed for every command). Bounded: {@code pmp.aggregates.cached} entries
 * (default 2,000), least recently used dropped first.
 *
 * <p>Axon updates an entry when a command's unit of work commits, before the request's database transaction
 * commits; the aggregate stays locked until that transaction has ended ({@link CommandTransactions}), so no other
 * command reads the entry before then, and {@link CommandTransactions} evicts every stream of a transaction that does
 * not commit. Running several instances of the command service against one event store needs no more than that:
 * a stale entry makes the append collide on (stream, sequence), Axon refuses with a concurrency conflict and
 * evicts it.
 */
@Component("aggregateCache")
public class AggregateCache implements Cache {

    private final Map<Object, Object> entries;

    AggregateCache(@Value("${pmp.aggregates.cached:2000}") int capacity) {
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Forgets a stream's cached aggregate: the next command loads it from the event store. */
    void evict(String streamId) {
        remove(streamId);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, k -> valueSupplier.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (k, v) -> update.apply((V) v));
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener entryListener) {
        return () -> true; // no listeners: entries change only through the repository and CommandTransactions
    }
}
