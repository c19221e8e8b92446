package dev.greenlight.sample.fault;

/** A fault spec that does not parse or does not apply; the message names the item and what was expected. */
public class FaultSpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public FaultSpecException(String message) {
        super(message);
    }
}
