package dev.greenlight.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Pinned packages: exact in package.json, the same in the lockfile")
class PackagePinsTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PRISMA = List.of("prisma", "@prisma/client");

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static JsonNode lock(String prisma, String client, String rootPrisma) throws Exception {
        return json("{'lockfileVersion':3,'packages':{'':{'dependencies':{'prisma':'" + rootPrisma + "','@prisma/client':'7.0.1'}},"
                + "'node_modules/prisma':{'version':'" + prisma + "'},'node_modules/@prisma/client':{'version':'" + client + "'}}}");
    }

    @Test
    @DisplayName("Exact pins that the lockfile agrees with are no finding")
    void shouldAcceptExactPins() throws Exception {
        JsonNode pkg = json("{'dependencies':{'prisma':'7.0.1','@prisma/client':'7.0.1'}}");

        assertThat(PackagePins.findings(pkg, lock("7.0.1", "7.0.1", "7.0.1"), PRISMA, "7.0.1")).as("findings").isEmpty();
    }

    @Test
    @DisplayName("A caret range is a finding, and so is the lockfile's root entry that still says the old spec")
    void shouldNameACaretRange() throws Exception {
        JsonNode pkg = json("{'dependencies':{'prisma':'^7.0.1','@prisma/client':'7.0.1'}}");

        assertThat(PackagePins.findings(pkg, lock("7.0.1", "7.0.1", "7.0.1"), PRISMA, "7.0.1")).as("findings")
                .containsExactly("prisma is \"^7.0.1\" in package.json, not pinned at 7.0.1 (a range: an install may pick another release)",
                        "prisma is \"7.0.1\" in package-lock.json's root entry but \"^7.0.1\" in package.json: the lockfile was not updated (npm install)");
    }

    @Test
    @DisplayName("A lockfile resolving another version, a missing package and a missing lockfile are findings")
    void shouldNameALockfileThatDisagrees() throws Exception {
        JsonNode pkg = json("{'devDependencies':{'prisma':'7.0.1'}}");

        assertThat(PackagePins.findings(pkg, lock("6.19.0", "7.0.1", "7.0.1"), PRISMA, "7.0.1")).as("findings")
                .contains("prisma is locked at 6.19.0 in package-lock.json, not 7.0.1")
                .anySatisfy(finding -> assertThat(finding).startsWith("@prisma/client is not a dependency in package.json"));
        assertThat(PackagePins.findings(json("{'dependencies':{'prisma':'7.0.1','@prisma/client':'7.0.1'}}"), null, PRISMA, "7.0.1"))
                .as("findings without a lockfile").singleElement().asString().contains("no package-lock.json");
    }
}
