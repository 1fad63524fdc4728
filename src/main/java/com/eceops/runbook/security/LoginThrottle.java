package com.eceops.runbook.security;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Slows password guessing without ever locking anybody out. Failures are counted per key, a client address
 * with a user name: after the n-th failure in a row that key waits {@code initial * 2^(n-1)} (at most
 * {@code max}); an attempt while it waits is refused without checking the password, and does not make the
 * wait longer. A success forgets the key. Another address, or another user name from the same address, is
 * never slowed by it, so nobody can keep the administrator out from elsewhere, and a legitimate user waits
 * at most {@code max}.
 *
 * <p>An admitted attempt from a key that has failed before is charged the key's current wait up front, so a
 * key gets one password check per wait however many requests it sends at once. Memory is bounded: at most
 * {@code trackedKeys} keys, kept in the order of their last failure; the oldest is forgotten first, and a key
 * without a failure for {@code forgetAfter} is forgotten. Nothing is stored: a restart forgets every key.
 */
final class LoginThrottle {

    /** Whether an attempt may check its password now and, if not, how long it must wait. */
    record Admission(boolean admitted, long waitMillis, boolean firstRefusal) {
    }

    /** A failure just recorded: the key's failures in a row, its wait from now and attempts refused meanwhile. */
    record Failure(int failures, long waitMillis, int refusedMeanwhile) {
    }

    private static final class Entry {
        int failures;
        long notBefore;
        long lastFailure;
        int refused;
    }

    private final long initialMillis;
    private final long maxMillis;
    private final int trackedKeys;
    private final long forgetAfterMillis;
    private final LongSupplier clock;
    /** Oldest last failure first: a key is moved to the end on every failure. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    private long evicted;

    LoginThrottle(LoginProperties properties) {
        this(properties, () -> System.nanoTime() / 1_000_000);
    }

    LoginThrottle(LoginProperties properties, LongSupplier millisClock) {
        this.initialMillis = Math.max(1, properties.delayInitial().toMillis());
        this.maxMillis = Math.max(initialMillis, properties.delayMax().toMillis());
        this.trackedKeys = properties.trackedKeys();
        this.forgetAfterMillis = properties.forgetAfter().toMillis();
        this.clock = millisClock;
    }

    /** The key of a user name from a client address; user names are compared without case and outer blanks. */
    static String key(String clientAddress, String userName) {
        String user = userName == null ? "" : userName.strip().toLowerCase(Locale.ROOT);
        if (user.length() > 256) {
            user = user.substring(0, 256);
        }
        return clientAddress + '\u0000' + user;
    }

    synchronized Admission admit(String key) {
        long now = clock.getAsLong();
        forgetOld(now);
        Entry entry = entries.get(key);
        if (entry == null) {
            return new Admission(true, 0, false);
        }
        if (now < entry.notBefore) {
            entry.refused++;
            return new Admission(false, entry.notBefore - now, entry.refused == 1);
        }
        // One password check per wait: parallel attempts from this key are refused until this one is decided.
        entry.notBefore = now + delay(entry.failures);
        return new Admission(true, 0, false);
    }

    synchronized Failure failed(String key) {
        long now = clock.getAsLong();
        forgetOld(now);
        Entry entry = entries.remove(key);
        if (entry == null) {
            entry = new Entry();
        }
        entry.failures = entry.failures == Integer.MAX_VALUE ? entry.failures : entry.failures + 1;
        long wait = delay(entry.failures);
        entry.notBefore = now + wait;
        entry.lastFailure = now;
        int refused = entry.refused;
        entry.refused = 0;
        entries.put(key, entry);
        while (entries.size() > trackedKeys) {
            Iterator<Entry> oldest = entries.values().iterator();
            oldest.next();
            oldest.remove();
            evicted++;
        }
        return new Failure(entry.failures, wait, refused);
    }

    /** Forgets the key; answers how many failures in a row it had. */
    synchronized int succeeded(String key) {
        Entry entry = entries.remove(key);
        return entry == null ? 0 : entry.failures;
    }

    synchronized void forgetAll() {
        entries.clear();
    }

    synchronized int trackedKeys() {
        return entries.size();
    }

    /** Keys forgotten because {@code trackedKeys} were remembered already. */
    synchronized long evicted() {
        return evicted;
    }

    long delay(int failures) {
        if (failures <= 0) {
            return 0;
        }
        int doublings = Math.min(failures - 1, 62);
        long delay = doublings >= Long.numberOfLeadingZeros(initialMillis) - 1 ? maxMillis : initialMillis << doublings;
        return Math.min(delay, maxMillis);
    }

    private void forgetOld(long now) {
        Iterator<Entry> oldestFirst = entries.values().iterator();
        while (oldestFirst.hasNext()) {
            Entry entry = oldestFirst.next();
            if (now - entry.lastFailure < forgetAfterMillis || now < entry.notBefore) {
                return;
            }
            oldestFirst.remove();
        }
    }
}
