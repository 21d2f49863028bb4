package io.allice.platform.system;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads the last lines of a file by scanning backwards from its end in blocks, so a large log
 * costs only what is returned.
 */
final class LogTail {

    private static final int BLOCK_SIZE = 64 * 1024;

    private LogTail() {
    }

    static List<String> lastLines(Path file, int count) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile input = new RandomAccessFile(file.toFile(), "r")) {
            long end = input.length();
            long position = end;
            int newlines = 0;
            // Stop once count + 1 line breaks are behind us: the first one may end a partial line.
            while (position > 0 && newlines <= count) {
                int length = (int) Math.min(BLOCK_SIZE, position);
                position -= length;
                byte[] block = new byte[length];
                input.seek(position);
                input.readFully(block);
                for (int i = length - 1; i >= 0; i--) {
                    if (block[i] == '\n' && position + i != end - 1) {
                        newlines++;
                    }
                }
            }
            byte[] tail = new byte[(int) (end - position)];
            input.seek(position);
            input.readFully(tail);
            List<String> lines = new ArrayList<>(List.of(new String(tail, StandardCharsets.UTF_8).split("\r?\n", -1)));
            if (!lines.isEmpty() && lines.getLast().isEmpty()) {
                lines.removeLast();
            }
            int from = Math.max(0, lines.size() - count);
            return Collections.unmodifiableList(lines.subList(from, lines.size()));
        }
    }
}
