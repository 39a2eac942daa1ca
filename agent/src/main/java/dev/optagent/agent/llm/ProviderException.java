package dev.optagent.agent.llm;

/** The language model could not answer (after retries); the message says which provider and why. */
public class ProviderException extends RuntimeException {

    private final boolean retriable;

    public ProviderException(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    public boolean retriable() {
        return retriable;
    }
}
