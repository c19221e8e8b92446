package dev.greenlight.report;

import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.TestResult;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes into an Allure results directory what does not come from a running test: results Greenlight makes
 * itself (run setup, one per go/no-go criterion), their attachments, {@code environment.properties},
 * {@code executor.json} and {@code categories.json}. Writes files directly, leaving the test lifecycle alone.
 */
public final class AllureResults {

    private final Path dir;
    private final FileSystemResultsWriter writer;

    private AllureResults(Path dir) {
        this.dir = dir;
        this.writer = new FileSystemResultsWriter(dir);
    }

    public static AllureResults at(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Allure results directory " + dir, e);
        }
        return new AllureResults(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Stores {@code content} as an attachment file and returns the reference to put on a result or step. */
    public Attachment attach(String name, String mimeType, String extension, byte[] content) {
        String source = UUID.randomUUID() + "-attachment." + extension;
        writer.write(source, new ByteArrayInputStream(content));
        return new Attachment().setName(name).setType(mimeType).setSource(source);
    }

    public Attachment attachText(String name, String mimeType, String extension, String content) {
        return attach(name, mimeType, extension, content.getBytes(StandardCharsets.UTF_8));
    }

    public void write(TestResult result) {
        if (result.getUuid() == null) {
            result.setUuid(UUID.randomUUID().toString());
        }
        writer.write(result);
    }

    /** Merges {@code entries} into {@code environment.properties} (shown on the report's overview). */
    public synchronized void environment(Map<String, String> entries) {
        Path file = dir.resolve("environment.properties");
        Properties properties = new Properties();
        try {
            if (Files.exists(file)) {
                try (var in = Files.newInputStream(file)) {
                    properties.load(in);
                }
            }
            entries.forEach((key, value) -> {
                if (value != null) {
                    properties.setProperty(key, value);
                }
            });
            StringBuilder out = new StringBuilder();
            new TreeMap<>(properties).forEach((key, value) -> out.append(escape(key.toString()).replace(" ", "\\ ")).append('=')
                    .append(escape(value.toString())).append('\n'));
            Files.writeString(file, out.toString(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes a JSON file of its own, e.g. {@code executor.json} or {@code categories.json}. */
    public void writeJson(String fileName, String json) {
        try {
            Files.writeString(dir.resolve(fileName), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(fileName), e);
        }
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '=' || c == ':' || c == '#' || c == '!') {
                out.append('\\').append(c);
            } else if (c > 0xff) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (c == '\n') {
                out.append("\\n");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
