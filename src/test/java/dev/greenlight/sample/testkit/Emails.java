package dev.greenlight.sample.testkit;

import java.util.UUID;

/** Unique email addresses, so tests sharing an app never collide. */
public final class Emails {

    private Emails() {
    }

    public static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
