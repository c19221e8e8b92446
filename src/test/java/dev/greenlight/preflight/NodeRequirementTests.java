package dev.greenlight.preflight;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Node.js pin: the lowest version a pin allows, against Prisma 7's 20.19.0")
class NodeRequirementTests {

    @ParameterizedTest(name = "{0} allows {1}: meets 20.19.0 {2}")
    @CsvSource({
            "'>=20.19', 20.19.0, true",
            "'^20.19.0', 20.19.0, true",
            "v22.12.0, 22.12.0, true",
            "'>=18', 18.0.0, false",
            "20, 20.0.0, false",
            "'>=18 <21 || >=22', 18.0.0, false",
            "'~20.18', 20.18.0, false"})
    void shouldFindTheLowestVersionAPinAllows(String spec, String lowest, boolean meets) {
        NodeRequirement pin = NodeRequirement.parse("engines.node", spec);

        assertThat(pin.lowest()).as("lowest version %s allows", spec).hasToString(lowest);
        assertThat(pin.shortOf("20.19.0").isEmpty()).as("whether %s meets 20.19.0 (%s)", spec, pin.shortOf("20.19.0")).isEqualTo(meets);
    }

    @ParameterizedTest(name = "{0} cannot be read")
    @CsvSource({"lts/*", "node"})
    void shouldNameAPinItCannotRead(String spec) {
        assertThat(NodeRequirement.parse(".nvmrc", spec).shortOf("20.19.0")).as("finding for %s", spec).get().asString()
                .contains("not a version or range Greenlight can read");
    }
}
