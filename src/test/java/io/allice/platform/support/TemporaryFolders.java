package io.allice.platform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.util.FileSystemUtils;

/**
 * Creates temporary folders that are deleted when the test JVM exits. Spring caches test
 * contexts for the whole run, so the folders that a context's service writes to must outlive
 * each test class, and JUnit's {@code @TempDir} would delete them too early.
 */
public final class TemporaryFolders {

    private static final List<Path> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TemporaryFolders::deleteAll, "delete-temporary-folders"));
    }

    private TemporaryFolders() {
    }

    /** Creates an empty folder in the system's temporary directory, deleted with its contents at exit. */
    public static Path create(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            CREATED.add(folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary folder " + prefix, e);
        }
    }

    private static void deleteAll() {
        for (Path folder : CREATED) {
            try {
                FileSystemUtils.deleteRecursively(folder);
            } catch (IOException e) {
                // The JVM is exiting, so a folder that cannot be deleted is left for the system to clear.
                System.err.println("Could not delete " + folder + ": " + e.getMessage());
            }
        }
    }
}
