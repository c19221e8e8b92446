package dev.greenlight.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Masking: no secret reaches a log or an attachment")
class MaskerTests {

    private final Masker masker = Masker.of(List.of("hunter2-known"));

    @Test
    void shouldMaskKnownSecretValuesWherever() {
        assertThat(masker.mask("connecting with hunter2-known now")).isEqualTo("connecting with ****** now");
    }

    @Test
    void shouldMaskCredentialsInUrls() {
        assertThat(masker.mask("postgresql://app:pa55word@127.0.0.1:5432/app?schema=public"))
                .isEqualTo("postgresql://app:******@127.0.0.1:5432/app?schema=public");
    }

    @Test
    void shouldMaskTokensInQueriesAndHeadersAndJson() {
        assertThat(masker.mask("GET /feed?access_token=abc123&take=5")).isEqualTo("GET /feed?access_token=******&take=5");
        assertThat(masker.mask("Authorization: Bearer eyJhbGciOi.payload.sig")).isEqualTo("Authorization: Bearer ******");
        assertThat(masker.mask("{\"email\":\"a@b.c\",\"password\":\"p@ss \\\"w\\\"\"}"))
                .isEqualTo("{\"email\":\"a@b.c\",\"password\":\"******\"}");
        assertThat(masker.mask("kubectl logs --token=abcdef deploy/app")).isEqualTo("kubectl logs --token=****** deploy/app");
    }

    @Test
    void shouldLeaveOrdinaryTextAlone() {
        String text = "GET /feed?searchString=token&take=5 answered 200";
        assertThat(masker.mask(text)).isEqualTo(text);
    }
}
