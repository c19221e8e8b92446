package dev.greenlight.preflight;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Prisma 7 asks of a project, read from its files (upgrade guide, "Upgrade to Prisma ORM 7"): a
 * {@code prisma.config.ts} (the datasource URL moved there, and the CLI no longer loads {@code .env} by itself), the
 * {@code prisma-client} generator with an explicit {@code output} (the client is no longer generated into
 * {@code node_modules}), and ESM: {@code "type": "module"} in package.json or the generator's {@code moduleFormat}.
 */
public final class PrismaSetup {

    private static final Pattern GENERATOR = Pattern.compile("(?ms)^\\s*generator\\s+(\\w+)\\s*\\{(.*?)^\\s*}");
    private static final Pattern FIELD = Pattern.compile("(?m)^\\s*(\\w+)\\s*=\\s*(\"[^\"]*\"|\\S+)");

    private PrismaSetup() {
    }

    /** The fields of each {@code generator} block of a schema, by generator name, comments left out. */
    static Map<String, Map<String, String>> generators(String schema) {
        String code = schema.replaceAll("(?m)//.*$", "");
        Map<String, Map<String, String>> generators = new LinkedHashMap<>();
        Matcher block = GENERATOR.matcher(code);
        while (block.find()) {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher field = FIELD.matcher(block.group(2));
            while (field.find()) {
                fields.put(field.group(1), field.group(2).replaceAll("^\"|\"$", ""));
            }
            generators.put(block.group(1), fields);
        }
        return generators;
    }

    /**
     * @param schema          the schema's text, or null when the file is missing
     * @param schemaPath      where it was looked for, for messages
     * @param configPresent   whether the Prisma config file exists
     * @param configPath      where it was looked for
     * @param packageJson     the project's package.json
     * @return one line per problem
     */
    public static List<String> findings(String schema, String schemaPath, boolean configPresent, String configPath, JsonNode packageJson) {
        List<String> findings = new ArrayList<>();
        if (!configPresent) {
            findings.add(configPath + " is missing: Prisma 7 reads the datasource URL from it and no longer loads .env by itself");
        }
        if (schema == null) {
            findings.add("the Prisma schema " + schemaPath + " is missing");
            return findings;
        }
        Map<String, Map<String, String>> generators = generators(schema);
        List<Map.Entry<String, Map<String, String>>> clients = generators.entrySet().stream()
                .filter(g -> "prisma-client".equals(g.getValue().get("provider"))).toList();
        if (clients.isEmpty()) {
            findings.add(schemaPath + " has no generator with provider = \"prisma-client\" (found: "
                    + generators.values().stream().map(g -> g.getOrDefault("provider", "?")).toList()
                    + "): Prisma 7's client generator is prisma-client; prisma-client-js is the old one");
            return findings;
        }
        boolean esm = "module".equals(packageJson.path("type").asText(null));
        for (Map.Entry<String, Map<String, String>> client : clients) {
            Map<String, String> fields = client.getValue();
            if (!fields.containsKey("output")) {
                findings.add("generator " + client.getKey() + " in " + schemaPath
                        + " has no output: the prisma-client generator needs an explicit output path");
            }
            String format = fields.get("moduleFormat");
            if (!esm && format == null) {
                findings.add("package.json has no \"type\": \"module\" and generator " + client.getKey()
                        + " sets no moduleFormat: Prisma 7's client is ESM (set \"type\": \"module\", or moduleFormat = \"cjs\")");
            }
        }
        return findings;
    }
}
