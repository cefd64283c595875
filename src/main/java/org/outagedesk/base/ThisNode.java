package org.outagedesk.base;

import java.io.IOException;
import java.net.InetAddress;
import org.jspecify.annotations.Nullable;
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

    /**
     * Whether a job's owner is certainly a process that has ended: named by default ({@code pid@host}) on this host,
     * with no process of that id running here any more (a node restarted after a crash, whose jobs would otherwise
     * look alive until their lease lapses). A configured name, another host's or a live process: false.
     */
    public boolean ownerEnded(@Nullable String owner) {
        if (owner == null) {
            return false;
        }
        int at = owner.indexOf('@');
        if (at <= 0 || !owner.substring(at + 1).equals(host())) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(owner.substring(0, at));
        } catch (NumberFormatException e) {
            return false;
        }
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
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
