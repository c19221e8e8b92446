package dev.greenlight.critical.api;

import io.restassured.response.Response;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What status a successful call may answer, decided once for every API client: real applications differ
 * (a creation answers 200 or 201, a deletion 200, 202 or 204), journeys should not.
 */
public enum Expect {

    /** A read or an update. */
    OK(200),
    /** Something was created. */
    CREATED(200, 201),
    /** Something was deleted. */
    DELETED(200, 202, 204);

    private final int[] statuses;

    Expect(int... statuses) {
        this.statuses = statuses;
    }

    public boolean accepts(int status) {
        return Arrays.stream(statuses).anyMatch(s -> s == status);
    }

    /** Returns the response when its status is one of these; else throws {@link UnexpectedAnswer} showing the exchange. */
    public Response check(String call, Response response) {
        if (!accepts(response.statusCode())) {
            throw new UnexpectedAnswer(call, response.statusCode(), describe(), response.asString());
        }
        return response;
    }

    /** {@code 200 or 201}. */
    public String describe() {
        return Arrays.stream(statuses).mapToObj(String::valueOf).collect(Collectors.joining(" or "));
    }
}
