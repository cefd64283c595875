package org.outagedesk.base.api;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * An address under {@code /api/} that no endpoint serves is a 404 problem, not the console's HTML page (issue 16,
 * hole 5). Vaadin maps every address it is not told to leave alone ({@code /**}, order
 * {@code Integer.MAX_VALUE - 1}); this mapping comes after the controllers (order 0, which also answer 405 for a
 * known address with another method) and before Vaadin. Access: as the API chain says ({@code /api/**} needs a
 * signed-in user), so nobody learns which addresses exist without signing in.
 */
@Configuration(proxyBeanMethods = false)
class UnknownApiPaths {

    @Bean
    SimpleUrlHandlerMapping unknownApiPathMapping() {
        HttpRequestHandler notFound = (request, response) -> ProblemResponses.write(response, 404, "Not found",
                "There is no API endpoint at this address; see /swagger-ui.html for the ones there are");
        // the OpenAPI description's addresses too, when springdoc is turned off (prod): a 404, not the console
        HttpRequestHandler noDocs = (request, response) -> ProblemResponses.write(response, 404, "Not found",
                "The API description is turned off here (outagedesk.api-docs.enabled)");
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/api/**", notFound,
                "/v3/api-docs", noDocs, "/v3/api-docs/**", noDocs, "/swagger-ui.html", noDocs));
        mapping.setOrder(1);
        return mapping;
    }
}
