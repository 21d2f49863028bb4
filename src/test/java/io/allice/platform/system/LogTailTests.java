package io.allice.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogTailTests {

    private static final int BLOCK_SIZE = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void returnsNothingForMissingFile() throws IOException {
        List<String> lines = LogTail.lastLines(dir.resolve("absent.log"), 10);

        assertThat(lines).isEmpty();
    }

    @Test
    void returnsNothingForEmptyFile() throws IOException {
        Path file = write("");

        List<String> lines = LogTail.lastLines(file, 10);

        assertThat(lines).isEmpty();
    }

    @Test
    void returnsAllLinesWhenFewerThanRequested() throws IOException {
        Path file = write("one\ntwo\nthree\n");

        List<String> lines = LogTail.lastLines(file, 10);

        assertThat(lines).containsExactly("one", "two", "three");
    }

    @Test
    void returnsAllLinesWhenExactlyRequested() throws IOException {
        Path file = write("one\ntwo\nthree\n");

        List<String> lines = LogTail.lastLines(file, 3);

        assertThat(lines).containsExactly("one", "two", "three");
    }

    @Test
    void returnsLastLinesWhenMoreThanRequested() throws IOException {
        Path file = write("one\ntwo\nthree\nfour\nfive\n");

        List<String> lines = LogTail.lastLines(file, 2);

        assertThat(lines).containsExactly("four", "five");
    }

    @Test
    void returnsLastLineWithoutTrailingNewline() throws IOException {
        Path file = write("one\ntwo\nthree");

        List<String> lines = LogTail.lastLines(file, 2);

        assertThat(lines).containsExactly("two", "three");
    }

    @Test
    void treatsTrailingNewlineLikeNone() throws IOException {
        Path withNewline = write("a\nb\nc\n");
        Path withoutNewline = Files.writeString(dir.resolve("other.log"), "a\nb\nc");

        List<String> fromWithNewline = LogTail.lastLines(withNewline, 3);
        List<String> fromWithoutNewline = LogTail.lastLines(withoutNewline, 3);

        assertThat(fromWithNewline).containsExactly("a", "b", "c");
        assertThat(fromWithoutNewline).containsExactly("a", "b", "c");
    }

    @Test
    void returnsSingleLineWithoutNewline() throws IOException {
        Path file = write("only");

        List<String> lines = LogTail.lastLines(file, 1);

        assertThat(lines).containsExactly("only");
    }

    @Test
    void keepsBlankLinesInsideTail() throws IOException {
        Path file = write("a\n\nb\n\n\nc\n");

        List<String> lines = LogTail.lastLines(file, 4);

        assertThat(lines).containsExactly("b", "", "", "c");
    }

    @Test
    void stripsCarriageReturnsOfCrlfLines() throws IOException {
        Path file = write("one\r\ntwo\r\nthree\r\n");

        List<String> lines = LogTail.lastLines(file, 2);

        assertThat(lines).containsExactly("two", "three");
    }

    @Test
    void decodesUtf8Text() throws IOException {
        Path file = write("première\nGrüße 世界 😀\n");

        List<String> lines = LogTail.lastLines(file, 2);

        assertThat(lines).containsExactly("première", "Grüße 世界 😀");
    }

    /** Line counts and lengths that put the requested lines across one, two or many 64 KiB blocks. */
    @ParameterizedTest(name = "{0} lines of {1} characters, last {2}")
    @CsvSource({
            "5000, 40, 3000",
            "5000, 40, 1",
            "5000, 40, 5000",
            "2000, 99, 1999",
            "3, 70000, 2",
            "3, 70000, 3",
            "1, 200000, 1",
            "70000, 0, 10"})
    void readsAcrossBlocks(int lineCount, int lineLength, int requested) throws IOException {
        List<String> written = IntStream.range(0, lineCount).mapToObj(i -> line(i, lineLength)).toList();
        Path file = write(String.join("\n", written) + "\n");

        List<String> lines = LogTail.lastLines(file, requested);

        assertThat(Files.size(file)).isGreaterThan(BLOCK_SIZE);
        assertThat(lines).containsExactlyElementsOf(written.subList(lineCount - requested, lineCount));
    }

    @Test
    void readsExactlyOneBlockFile() throws IOException {
        String line = "x".repeat(1023);
        String content = (line + "\n").repeat(BLOCK_SIZE / 1024);
        Path file = write(content);

        List<String> lines = LogTail.lastLines(file, 64);

        assertThat(Files.size(file)).isEqualTo(BLOCK_SIZE);
        assertThat(lines).hasSize(64).allMatch(line::equals);
    }

    @Test
    void keepsMultibyteCharacterSplitByBlockBoundary() throws IOException {
        String prefix = "a".repeat(BLOCK_SIZE - 10);
        String crossing = "€€€€€€€€";
        Path file = write(prefix + "\n" + crossing + "\nlast\n");

        List<String> lines = LogTail.lastLines(file, 2);

        assertThat(lines).containsExactly(crossing, "last");
    }

    @Test
    void readsCrlfFileLargerThanOneBlock() throws IOException {
        List<String> written = IntStream.range(0, 4000).mapToObj(i -> line(i, 30)).toList();
        Path file = write(String.join("\r\n", written) + "\r\n");

        List<String> lines = LogTail.lastLines(file, 2500);

        assertThat(Files.size(file)).isGreaterThan(BLOCK_SIZE);
        assertThat(lines).containsExactlyElementsOf(written.subList(1500, 4000));
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("allice.log"), content, StandardCharsets.UTF_8);
    }

    /** Builds a line of exactly {@code length} characters that starts with its number when it fits. */
    private static String line(int number, int length) {
        String label = number + ":";
        if (label.length() >= length) {
            return "y".repeat(length);
        }
        return label + "z".repeat(length - label.length());
    }
}
