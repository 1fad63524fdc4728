package com.eceops.runbook.technology.powershell;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.eceops.runbook.estate.SecretMasker;
import com.eceops.runbook.operations.OperationFailedException;
import com.xebialabs.overthere.OverthereConnection;

/**
 * The connections of one run. Connecting costs up to half a second, so a host's connection is reused for every
 * command of the run, closed after it has been idle for a while, and never more than {@code perHost} commands
 * run on one host at once. A connection that failed in use is closed, not reused.
 */
public final class RemoteSessions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteSessions.class);

    private final OverthereConnector connector;
    private final Map<String, RemoteTarget> targets;
    private final int perHost;
    private final Duration idle;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
    private final Map<String, Deque<Idle>> pooled = new ConcurrentHashMap<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final ScheduledExecutorService reaper;

    private record Idle(OverthereConnection connection, long since) {
    }

    /** Thrown by work whose connection must not be reused (a killed command, a broken transport). */
    static final class Broken extends RuntimeException {
        Broken(RuntimeException cause) {
            super(cause);
        }
    }

    public RemoteSessions(OverthereConnector connector, Iterable<RemoteTarget> targets, int perHost, Duration idle) {
        this.connector = connector;
        this.targets = new ConcurrentHashMap<>();
        targets.forEach(target -> this.targets.put(target.host().toUpperCase(), target));
        this.perHost = perHost;
        this.idle = idle;
        this.reaper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "remote-sessions-reaper");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(100, idle.toMillis() / 2);
        reaper.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
    }

    /** Runs the work on a connection to the host, waiting while the host's limit of commands is reached. */
    <T> T on(String host, Function<OverthereConnection, T> work) {
        RemoteTarget target = target(host);
        Semaphore semaphore = permits.computeIfAbsent(key(host), k -> new Semaphore(perHost, true));
        semaphore.acquireUninterruptibly();
        try {
            OverthereConnection connection = lease(target);
            try {
                T result = work.apply(connection);
                giveBack(host, connection);
                return result;
            } catch (Broken e) {
                quietlyClose(host, connection);
                throw (RuntimeException) e.getCause();
            } catch (RuntimeException e) {
                giveBack(host, connection);
                throw e;
            }
        } finally {
            semaphore.release();
        }
    }

    public RemoteTarget target(String host) {
        RemoteTarget target = targets.get(key(host));
        if (target == null) {
            throw new OperationFailedException(host, "connect", "the host is not in the estate");
        }
        return target;
    }

    public com.eceops.runbook.estate.Secret secret(com.eceops.runbook.estate.CredentialRef credential) {
        return connector.secret(credential);
    }

    /** How many connections were opened so far: one per host and run is the aim. */
    public int opened() {
        return opened.get();
    }

    private OverthereConnection lease(RemoteTarget target) {
        Deque<Idle> deque = pooled.computeIfAbsent(key(target.host()), k -> new ArrayDeque<>());
        synchronized (deque) {
            Idle idleOne = deque.pollFirst();
            if (idleOne != null) {
                return idleOne.connection();
            }
        }
        OverthereConnection connection = connector.connect(target);
        opened.incrementAndGet();
        LOG.debug("{}: connected", target.host());
        return connection;
    }

    private void giveBack(String host, OverthereConnection connection) {
        Deque<Idle> deque = pooled.computeIfAbsent(key(host), k -> new ArrayDeque<>());
        synchronized (deque) {
            deque.addFirst(new Idle(connection, System.nanoTime()));
        }
    }

    private void closeIdle() {
        long limit = System.nanoTime() - idle.toNanos();
        pooled.forEach((host, deque) -> {
            synchronized (deque) {
                deque.removeIf(entry -> {
                    if (entry.since() < limit) {
                        quietlyClose(host, entry.connection());
                        return true;
                    }
                    return false;
                });
            }
        });
    }

    @Override
    public void close() {
        reaper.shutdownNow();
        pooled.forEach((host, deque) -> {
            synchronized (deque) {
                deque.forEach(entry -> quietlyClose(host, entry.connection()));
                deque.clear();
            }
        });
    }

    private static void quietlyClose(String host, OverthereConnection connection) {
        try {
            connection.close();
        } catch (RuntimeException e) {
            LOG.debug("{}: closing a connection failed: {}", host, SecretMasker.mask(String.valueOf(e.getMessage())));
        }
    }

    private static String key(String host) {
        return host.toUpperCase();
    }
}
