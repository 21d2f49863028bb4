package io.allice.platform.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Credentials that the test contexts configure, and unique names for accounts made in tests. */
public final class TestAccounts {

    public static final String ADMIN_USERNAME = "root-admin";
    public static final String ADMIN_PASSWORD = "admin-password-1";
    public static final String JWT_SECRET = "test-secret-key-that-is-at-least-32-bytes-long";
    public static final String PASSWORD = "correct horse battery";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestAccounts() {
    }

    /** A username no other test uses, within the 50-character limit. */
    public static String uniqueUsername(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet() + "_" + System.nanoTime() % 100000;
    }
}
