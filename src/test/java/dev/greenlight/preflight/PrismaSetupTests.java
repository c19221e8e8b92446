package dev.greenlight.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Prisma 7 setup: prisma.config.ts, the prisma-client generator with an output, ESM")
class PrismaSetupTests {

    private static final String PRISMA7 = """
            // the candidate
            generator client {
              provider     = "prisma-client"
              output       = "../generated/prisma"
              moduleFormat = "esm"
            }
            datasource db {
              provider = "postgresql"
            }
            """;

    private static JsonNode pkg(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    @DisplayName("A Prisma 7 project set up as the upgrade guide says has no finding")
    void shouldAcceptAPrisma7Project() throws Exception {
        assertThat(PrismaSetup.findings(PRISMA7, "prisma/schema.prisma", true, "prisma.config.ts", pkg("{\"type\":\"module\"}")))
                .as("findings").isEmpty();
    }

    @Test
    @DisplayName("Prisma 6's generator, no config file, no output and no ESM are each named")
    void shouldNameWhatPrisma7Lacks() throws Exception {
        String prisma6 = "generator client {\n  provider = \"prisma-client-js\"\n}\n";
        String noOutput = "generator client {\n  provider = \"prisma-client\"\n}\n";

        assertThat(PrismaSetup.findings(prisma6, "prisma/schema.prisma", false, "prisma.config.ts", pkg("{}"))).as("Prisma 6 project")
                .anySatisfy(f -> assertThat(f).startsWith("prisma.config.ts is missing"))
                .anySatisfy(f -> assertThat(f).contains("no generator with provider = \"prisma-client\" (found: [prisma-client-js])"));
        assertThat(PrismaSetup.findings(noOutput, "prisma/schema.prisma", true, "prisma.config.ts", pkg("{}"))).as("no output, CommonJS")
                .anySatisfy(f -> assertThat(f).contains("has no output"))
                .anySatisfy(f -> assertThat(f).contains("Prisma 7's client is ESM"));
    }
}
