package org.outagedesk.base;

import java.io.IOException;
import java.net.InetAddress;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The name of this application node among the nodes sharing one database: who holds a background job's lease, who
 * claimed an outbox message. {@code outagedesk.node}, else {@code outagedesk.outbox.node} (the older name of the same
 * setting), else the process id and host name, which already differ between nodes.
 */
@Component
public class ThisNode {

    private final String name;

    ThisNode(Environment environment) {
        String configured = environment.getProperty("outagedesk.node",
                environment.getProperty("outagedesk.outbox.node", ""));
        String chosen = configured.isBlank() ? ProcessHandle.current().pid() + "@" + host() : configured.strip();
        this.name = chosen.length() > 128 ? chosen.substring(0, 128) : chosen;
    }

    public String name() {
        return name;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
