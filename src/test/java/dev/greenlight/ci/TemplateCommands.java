package dev.greenlight.ci;

import dev.greenlight.cli.Greenlight;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks the {@code bin/greenlight} and {@code mvn} invocations of a CI script against what the project documents:
 * a greenlight command and each of its options must be in the launcher's {@code --help}; a Maven profile or plugin
 * execution must be in pom.xml; a {@code -Dgreenlight.*} key in README.md or docs/; a {@code -Dgroups} value a suite
 * tag of the README. Anything else on an mvn line must be one of the few standard Maven flags listed here.
 */
final class TemplateCommands {

    /** Standard Maven options and phases the templates use, with no project documentation of their own. */
    private static final Set<String> MAVEN_STANDARD = Set.of("-B", "-ntp", "-q", "verify", "package", "-Dmaven.test.skip=true");
    private static final Set<String> SUITE_TAGS = Set.of("smoke", "critical", "migration", "rollback", "soak");
    private static final Pattern INVOCATION = Pattern.compile("(?:^|[\\s;&|(])(bin/greenlight|mvn)\\s+([^;&|\\n)]*)");

    private final String pom;
    private final String docs;
    private final Map<String, String> help = new HashMap<>();

    TemplateCommands() {
        try (Stream<Path> guides = Files.list(Path.of("docs"))) {
            pom = Files.readString(Path.of("pom.xml"));
            List<String> texts = new ArrayList<>(List.of(Files.readString(Path.of("README.md"))));
            for (Path guide : guides.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                texts.add(Files.readString(guide));
            }
            docs = String.join("\n", texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What in {@code script} (of {@code where}) names a command, option or key the project does not have. */
    List<String> problems(String where, String script) {
        List<String> problems = new ArrayList<>();
        Matcher matcher = INVOCATION.matcher(expressionsAsWords(script));
        while (matcher.find()) {
            List<String> words = words(matcher.group(2));
            if (matcher.group(1).equals("mvn")) {
                words.forEach(word -> maven(word).ifPresent(p -> problems.add(where + ": mvn " + p)));
            } else {
                problems.addAll(greenlight(where, words));
            }
        }
        return problems;
    }

    /** How many invocations of {@code command} ("bin/greenlight" or "mvn") {@code script} has. */
    static long count(String script, String command) {
        return INVOCATION.matcher(expressionsAsWords(script)).results().filter(m -> m.group(1).equals(command)).count();
    }

    private List<String> greenlight(String where, List<String> words) {
        List<String> path = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String word : words) {
            if (word.startsWith("-")) {
                String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                if (!Pattern.compile("(^|[\\s,])" + Pattern.quote(option) + "[\\s=,]").matcher(help(path)).find()) {
                    problems.add(where + ": greenlight " + String.join(" ", path) + ": option " + option + " is not in its --help");
                }
            } else if (path.isEmpty() && !isSubcommand(path, word)) {
                problems.add(where + ": greenlight " + word + ": no such command in greenlight --help");
                return problems;
            } else if (isSubcommand(path, word)) {
                path.add(word);
            }
        }
        return problems;
    }

    private boolean isSubcommand(List<String> parent, String word) {
        return Pattern.compile("(?m)^  " + Pattern.quote(word) + "\\s").matcher(help(parent)).find()
                && help(parent).contains("Commands:");
    }

    private java.util.Optional<String> maven(String word) {
        if (MAVEN_STANDARD.contains(word)) {
            return java.util.Optional.empty();
        }
        if (word.startsWith("-P")) {
            return pom.contains("<id>" + word.substring(2) + "</id>") ? java.util.Optional.empty()
                    : java.util.Optional.of("profile " + word.substring(2) + " is not in pom.xml");
        }
        if (word.contains(":") && word.contains("@") && !word.startsWith("-")) {
            String execution = word.substring(word.indexOf('@') + 1);
            return pom.contains("<id>" + execution + "</id>") ? java.util.Optional.empty()
                    : java.util.Optional.of(word + ": execution " + execution + " is not in pom.xml");
        }
        if (word.startsWith("-Dgroups=")) {
            String tag = word.substring("-Dgroups=".length());
            return SUITE_TAGS.contains(tag) || tag.startsWith("$") ? java.util.Optional.empty()
                    : java.util.Optional.of("-Dgroups=" + tag + ": not a suite tag of the README");
        }
        if (word.startsWith("-Dgreenlight.")) {
            String key = word.substring(2, word.contains("=") ? word.indexOf('=') : word.length());
            return docs.contains(key) ? java.util.Optional.empty() : java.util.Optional.of(key + " is documented neither in README.md nor in docs/");
        }
        return java.util.Optional.of(word + " is not a flag the templates may use (documented or standard Maven)");
    }

    private String help(List<String> path) {
        return help.computeIfAbsent(String.join(" ", path), key -> {
            StringWriter out = new StringWriter();
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Greenlight.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args.toArray(String[]::new));
            return out.toString();
        });
    }

    /** Shell words, quotes removed. */
    static List<String> words(String text) {
        return Stream.of(text.trim().split("\\s+")).filter(w -> !w.isBlank()).map(w -> w.replace("\"", "").replace("'", ""))
                .collect(Collectors.toList());
    }

    /** GitHub's {@code ${{ a || b }}} as one word {@code $[a||b]}: its spaces and bars are not the shell's. */
    private static String expressionsAsWords(String script) {
        return Pattern.compile("\\$\\{\\{([^}]*)}}").matcher(script)
                .replaceAll(m -> Matcher.quoteReplacement("$[" + m.group(1).replaceAll("\\s+", "").replace("|", "/") + "]"));
    }
}
