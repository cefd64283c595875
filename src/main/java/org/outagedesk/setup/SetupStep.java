package org.outagedesk.setup;

/**
 * One thing a new installation needs before it can run an outage: what it is, whether it is there, and the screen
 * (route) where it is done.
 */
public record SetupStep(String key, String title, String help, boolean done, String route) {
}
