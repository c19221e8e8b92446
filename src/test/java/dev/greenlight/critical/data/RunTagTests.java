package dev.greenlight.critical.data;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RunTagTests {

    private final RunTag tag = new RunTag("gl", "20261125-184501-k3f9", "greenlight.test");

    @Test
    void shouldRecogniseTaggedEmailsOfAnyRunInTheTestDomainOnly() {
        assertThat(tag.tokenOfEmail("gl-20261125-184501-k3f9-j3-author@greenlight.test")).contains("gl-20261125-184501-k3f9-j3-author");
        assertThat(tag.tokenOfEmail("GL-20240101-000000-soak@Greenlight.Test")).as("emails are case-insensitive").isPresent();
        assertThat(tag.tokenOfEmail("gl-20261125-184501-k3f9-j3-author@example.com")).as("another domain").isEmpty();
        assertThat(tag.tokenOfEmail("alice.gl-20261125@greenlight.test")).as("tag not at the start").isEmpty();
        assertThat(tag.tokenOfEmail("gl-@greenlight.test")).as("prefix without a run id").isEmpty();
        assertThat(tag.tokenOfEmail(null)).isEmpty();
    }

    @Test
    void shouldRecogniseTitlesThatStartWithATagAndASpace() {
        assertThat(tag.tokenOfTitle("gl-20261125-184501-k3f9-j3 Draft about pools")).contains("gl-20261125-184501-k3f9-j3");
        assertThat(tag.tokenOfTitle("gl-20261125-184501-k3f9")).as("the tag alone").contains("gl-20261125-184501-k3f9");
        assertThat(tag.tokenOfTitle("Release notes gl-20261125-184501-k3f9")).as("tag in the middle").isEmpty();
        assertThat(tag.tokenOfTitle("gl-20261125:draft")).as("tag followed by something else than a space").isEmpty();
        assertThat(tag.tokenOfTitle("glx-20261125 title")).as("another prefix").isEmpty();
    }

    @Test
    void shouldOwnItsTagAndWhatExtendsIt() {
        assertThat(tag.owns("gl-20261125-184501-k3f9")).isTrue();
        assertThat(tag.owns("gl-20261125-184501-k3f9-j12-author")).isTrue();
        assertThat(tag.owns("gl-20261125-184501-k3f9-b")).as("a soak baseline of this run").isTrue();
        assertThat(tag.owns("gl-20261125-184501-k3f90")).as("a longer run id").isFalse();
        assertThat(tag.owns("gl-20261125-184501-zzzz")).as("another run in the same second").isFalse();
    }

    @Test
    void shouldReadTheRunStartFromDefaultFormRunIdsOnly() {
        assertThat(tag.startOf("gl-20261125-184501-k3f9-j1-author")).contains(Instant.parse("2026-11-25T18:45:01Z"));
        assertThat(tag.startOf("gl-20261125-184501")).as("the Maven build timestamp form").contains(Instant.parse("2026-11-25T18:45:01Z"));
        assertThat(tag.startOf("gl-build-1234")).isEmpty();
        assertThat(tag.startOf("gl-20261399-999999-x")).as("not a date").isEmpty();
        assertThat(tag.startOf("gl-202611251845011")).as("digits running on").isEmpty();
    }

    @Test
    void shouldGroupTokensOfOneRunByItsStart() {
        assertThat(tag.runOf("gl-20261125-184501-k3f9-soak")).isEqualTo("gl-20261125-184501");
        assertThat(tag.runOf("gl-20261125-184501-k3f9")).isEqualTo("gl-20261125-184501");
        assertThat(tag.runOf("gl-build-1234-j2")).as("no start: the token is its own run").isEqualTo("gl-build-1234-j2");
    }
}
