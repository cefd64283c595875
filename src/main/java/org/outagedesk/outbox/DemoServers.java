package org.outagedesk.outbox;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The demo profile's own SMSC and mail relay, inside the application on loopback (port 0: a free port), so that a
 * demo shows texts going out and receipts coming back without a carrier. The tests use the same servers. Never in
 * prod: there {@code outagedesk.smpp.*} and {@code spring.mail.*} point at the carrier's SMSC and relay.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoServers {

    @Bean(destroyMethod = "stop")
    @ConditionalOnProperty(name = "outagedesk.demo.smsc.enabled", havingValue = "true", matchIfMissing = true)
    SmscSimulator smscSimulator(SmppProperties smpp,
            @Value("${outagedesk.demo.smsc.port:0}") int port,
            @Value("${outagedesk.demo.smsc.fail-share:0.05}") double failShare,
            @Value("${outagedesk.demo.smsc.throttle-share:0.01}") double throttleShare,
            @Value("${outagedesk.demo.smsc.receipt-delay-min-ms:200}") int minDelay,
            @Value("${outagedesk.demo.smsc.receipt-delay-max-ms:2000}") int maxDelay) throws IOException {
        SmscSimulator simulator = new SmscSimulator(new SmscSimulator.Settings(port, smpp.systemId(),
                smpp.password(), failShare, throttleShare, minDelay, maxDelay, 0));
        simulator.start();
        return simulator;
    }

    @Bean(destroyMethod = "stop")
    @ConditionalOnProperty(name = "outagedesk.demo.smtp.enabled", havingValue = "true", matchIfMissing = true)
    GreenMail demoMailServer(@Value("${outagedesk.demo.smtp.port:0}") int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail mail = new GreenMail(port == 0 ? setup.dynamicPort() : setup)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        return mail;
    }

    /** The application's mail sender, pointed at the demo relay (replaces the one spring.mail.* would make). */
    @Bean
    @ConditionalOnProperty(name = "outagedesk.demo.smtp.enabled", havingValue = "true", matchIfMissing = true)
    JavaMailSenderImpl mailSender(GreenMail demoMailServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(demoMailServer.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
        return sender;
    }
}
