package dev.greenlight.sample.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;

/** A short, useful description of why a JSON body did not parse: the parser's reason and where. */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static String describe(IOException e) {
        if (!(e instanceof JsonProcessingException json)) {
            return e.getMessage();
        }
        String reason = json.getOriginalMessage();
        int cut = reason.indexOf(" (start marker");
        if (cut < 0) {
            cut = reason.indexOf('\n');
        }
        if (cut > 0) {
            reason = reason.substring(0, cut);
        }
        JsonLocation at = json.getLocation();
        return at == null ? reason : reason + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
