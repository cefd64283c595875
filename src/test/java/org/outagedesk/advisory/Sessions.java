package org.outagedesk.advisory;

import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/** The running server's own count of the HTTP sessions it ever created (Tomcat's session manager). */
public final class Sessions {

    private Sessions() {
    }

    public static long created(ApplicationContext context) {
        TomcatWebServer server = (TomcatWebServer) ((ServletWebServerApplicationContext) context).getWebServer();
        long total = 0;
        for (var child : server.getTomcat().getHost().findChildren()) {
            Manager manager = ((Context) child).getManager();
            total += manager == null ? 0 : manager.getSessionCounter();
        }
        return total;
    }

    /** The sessions alive now (Tomcat's session manager). */
    public static long active(ApplicationContext context) {
        TomcatWebServer server = (TomcatWebServer) ((ServletWebServerApplicationContext) context).getWebServer();
        long total = 0;
        for (var child : server.getTomcat().getHost().findChildren()) {
            Manager manager = ((Context) child).getManager();
            total += manager == null ? 0 : manager.getActiveSessions();
        }
        return total;
    }
}
