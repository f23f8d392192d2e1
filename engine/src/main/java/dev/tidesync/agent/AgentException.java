package dev.tidesync.agent;

/** Why an agent's hooks could not be set up or taken out, in one sentence; nothing was changed. */
public final class AgentException extends Exception {

    public AgentException(String sentence) {
        super(sentence);
    }
}
