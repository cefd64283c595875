package org.outagedesk.advisory;

import java.util.function.ToLongFunction;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/** The running server's own count of HTTP sessions (Tomcat's session managers, summed over its contexts). */
public final class Sessions {

    private Sessions() {
    }

    /** The sessions it ever created. */
    public static long created(ApplicationContext context) {
        return sum(context, Manager::getSessionCounter);
    }

    /** The sessions alive now. */
    public static long active(ApplicationContext context) {
        return sum(context, Manager::getActiveSessions);
    }

    private static long sum(ApplicationContext context, ToLongFunction<Manager> count) {
        TomcatWebServer server = (TomcatWebServer) ((ServletWebServerApplicationContext) context).getWebServer();
        long total = 0;
        for (var child : server.getTomcat().getHost().findChildren()) {
            Manager manager = ((Context) child).getManager();
            total += manager == null ? 0 : count.applyAsLong(manager);
        }
        return total;
    }
}
