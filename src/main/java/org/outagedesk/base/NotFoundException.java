package org.outagedesk.base;

/** A record that was asked for by its key does not exist. Shown as 404 on the API and as a message on screen. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object key) {
        super(what + " " + key + " does not exist");
    }
}
