package dev.greenlight.preflight;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether each package is pinned at exactly the candidate version in {@code package.json} and resolved to it in the
 * lockfile. A range ({@code ^7.0.1}, {@code ~7.0.1}, {@code >=7}, {@code latest}) lets the next install pick another
 * release than the one staging was judged on; a lockfile that disagrees means the checkout was not installed from what
 * it declares. Both are findings.
 */
public final class PackagePins {

    private static final List<String> SECTIONS = List.of("dependencies", "devDependencies", "optionalDependencies");

    private PackagePins() {
    }

    /**
     * @param packageJson the project's {@code package.json}
     * @param lockfile    its {@code package-lock.json}, or null when there is none
     * @param packages    the packages that must be pinned
     * @param candidate   the version, e.g. {@code 7.0.1}
     * @return one line per problem, naming the package, the file and what it says
     */
    public static List<String> findings(JsonNode packageJson, JsonNode lockfile, List<String> packages, String candidate) {
        List<String> findings = new ArrayList<>();
        if (lockfile == null) {
            findings.add("there is no package-lock.json beside package.json: an install resolves every version afresh");
        }
        for (String name : packages) {
            String declared = declared(packageJson, name);
            if (declared == null) {
                findings.add(name + " is not a dependency in package.json (expected \"" + name + "\": \"" + candidate + "\")");
                continue;
            }
            if (!declared.equals(candidate)) {
                findings.add(name + " is \"" + declared + "\" in package.json, not pinned at " + candidate
                        + (declared.matches("[~^].*|.*[<>=*x ].*|latest|next") ? " (a range: an install may pick another release)" : ""));
            }
            if (lockfile != null) {
                String locked = locked(lockfile, name);
                if (locked == null) {
                    findings.add(name + " is not in package-lock.json: the lockfile does not match package.json");
                } else if (!locked.equals(candidate)) {
                    findings.add(name + " is locked at " + locked + " in package-lock.json, not " + candidate);
                }
                String rootSpec = lockfile.path("packages").path("").path(section(packageJson, name)).path(name).asText(null);
                if (rootSpec != null && !rootSpec.equals(declared)) {
                    findings.add(name + " is \"" + rootSpec + "\" in package-lock.json's root entry but \"" + declared
                            + "\" in package.json: the lockfile was not updated (npm install)");
                }
            }
        }
        return findings;
    }

    private static String declared(JsonNode packageJson, String name) {
        for (String section : SECTIONS) {
            JsonNode spec = packageJson.path(section).get(name);
            if (spec != null && spec.isTextual()) {
                return spec.asText();
            }
        }
        return null;
    }

    private static String section(JsonNode packageJson, String name) {
        return SECTIONS.stream().filter(section -> packageJson.path(section).has(name)).findFirst().orElse("dependencies");
    }

    /** The installed version: lockfile v2/v3 {@code packages["node_modules/<name>"]}, else v1 {@code dependencies[name]}. */
    private static String locked(JsonNode lockfile, String name) {
        JsonNode entry = lockfile.path("packages").get("node_modules/" + name);
        if (entry == null) {
            entry = lockfile.path("dependencies").get(name);
        }
        return entry == null ? null : entry.path("version").asText(null);
    }
}
