package io.allice.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application and can replace its context with a fresh one, which is what the
 * admin restart endpoint does: configuration, pools and caches are rebuilt without a new JVM.
 */
public final class ApplicationRestarter {

    private static final Logger log = LoggerFactory.getLogger(ApplicationRestarter.class);

    private static Class<?> primarySource;
    private static String[] arguments = new String[0];
    private static ConfigurableApplicationContext context;

    private ApplicationRestarter() {
    }

    public static synchronized ConfigurableApplicationContext start(Class<?> source, String[] args) {
        primarySource = source;
        arguments = args.clone();
        context = application(source).run(args);
        return context;
    }

    /**
     * Creates the application with its main class set. Spring Boot otherwise looks for a main
     * method on the calling thread's stack, which the restart thread lacks, and AOT mode needs the
     * main class to find the initializer that the build wrote for it.
     */
    private static SpringApplication application(Class<?> source) {
        SpringApplication application = new SpringApplication(source);
        application.setMainApplicationClass(source);
        return application;
    }

    /** Whether the running context was started through {@link #start}, which a test context is not. */
    public static synchronized boolean isManaged(ConfigurableApplicationContext candidate) {
        return context != null && context == candidate;
    }

    /**
     * Closes the current context and starts a new one on a non-daemon thread, so the JVM stays
     * up between the two. Graceful shutdown lets requests in flight finish first.
     */
    public static synchronized void restartLater() {
        if (primarySource == null) {
            throw new IllegalStateException("The application was not started through ApplicationRestarter");
        }
        Thread restart = new Thread(ApplicationRestarter::restartNow, "allice-restart");
        restart.setDaemon(false);
        restart.start();
    }

    private static synchronized void restartNow() {
        log.info("Restarting the application context");
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.close();
        context = application(primarySource).run(arguments);
        log.info("Application context restarted");
    }
}
