package dev.greenlight.critical.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExpectTests {

    @Test
    void shouldAcceptWhatRealAppsAnswerForEachKindOfCall() {
        assertThat(Expect.CREATED.accepts(200)).isTrue();
        assertThat(Expect.CREATED.accepts(201)).isTrue();
        assertThat(Expect.OK.accepts(201)).isFalse();
        assertThat(Expect.DELETED.accepts(204)).isTrue();
        assertThat(Expect.DELETED.accepts(404)).isFalse();
        assertThat(Expect.CREATED.describe()).isEqualTo("200 or 201");
    }

    @Test
    void shouldShowTheCallTheStatusAndTheBodyWhenAnAnswerBreaksTheContract() {
        UnexpectedAnswer answer = new UnexpectedAnswer("PUT /publish/12", 500, Expect.OK.describe(), "{\"error\":\n \"Internal Server Error\"}");

        assertThat(answer).isInstanceOf(AssertionError.class)
                .hasMessage("PUT /publish/12 answered 500, expected 200: {\"error\": \"Internal Server Error\"}");
        assertThat(new UnexpectedAnswer("GET /feed", 502, "200", "").getMessage()).endsWith("(empty body)");
        assertThat(new UnexpectedAnswer("GET /feed", 500, "200", "x".repeat(2000)).getMessage()).hasSizeLessThan(600).endsWith("…");
    }

    @Test
    void shouldReadTheErrorMessageOfARefusal() {
        assertThat(new ApiReply("POST /post", 404, "{\"error\":\"No user with email a@b.test\"}").errorMessage())
                .isEqualTo("No user with email a@b.test");
        assertThat(new ApiReply("POST /post", 400, "{\"error\":{\"message\":\"bad\"}}").errorMessage()).isEqualTo("bad");
        assertThat(new ApiReply("POST /post", 400, "{\"message\":\"Unexpected end of JSON\"}").errorMessage()).isEqualTo("Unexpected end of JSON");
        assertThat(new ApiReply("POST /post", 400, " Bad Request \n").errorMessage()).isEqualTo("Bad Request");
        assertThat(new ApiReply("POST /post", 409, "x").clientError()).isTrue();
        assertThat(new ApiReply("POST /post", 500, "x").clientError()).isFalse();
        assertThat(new ApiReply("POST /post", 500, "{}").describe()).isEqualTo("POST /post → 500 {}");
    }
}
