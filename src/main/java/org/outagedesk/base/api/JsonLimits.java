package org.outagedesk.base.api;

import java.math.BigDecimal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Bounds on what any JSON body may hold, for every endpoint (issue 16, hole 1). {@code 1e-100000000} is twelve
 * characters of JSON but a hundred million digits once written out, and {@code 1e2147483647} as many once given
 * two decimals: such numbers are refused while they are read, before anything turns them into digits.
 * <p>
 * The application's {@link JsonMapper} is built here on a factory with tighter {@link StreamReadConstraints}
 * (Spring Boot 4.0 has no property for them); every {@link JsonMapperBuilderCustomizer} (the {@code spring.jackson.*}
 * properties, problem details) still applies, as in Boot's own auto-configuration, which backs off.
 */
@Configuration(proxyBeanMethods = false)
class JsonLimits {

    /** Characters of one number in the JSON text. */
    static final int MAX_NUMBER_LENGTH = 100;
    /** Characters of one string value (a whole import travels as a file, not as JSON). */
    static final int MAX_STRING_LENGTH = 1_000_000;
    /** Nesting depth of objects and arrays. */
    static final int MAX_NESTING_DEPTH = 64;
    /** Digits after the point, or zeros before it, that a decimal may have: no amount or figure here needs more. */
    static final int MAX_DECIMAL_SCALE = 30;
    /** Significant digits of a decimal. */
    static final int MAX_DECIMAL_PRECISION = 40;

    @Bean
    JsonMapper jsonMapper(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .build()).build();
        JsonMapper.Builder builder = JsonMapper.builder(factory);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        // 1e-100000000 is not an id: a fraction where a whole number is expected is refused, not truncated to 0
        builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        builder.addModule(new SimpleModule("bounded-decimals").addDeserializer(BigDecimal.class,
                new BoundedBigDecimalDeserializer()));
        return builder.build();
    }

    /** Jackson's own decimal reading, then a cheap look at scale and precision (no digits are produced). */
    static final class BoundedBigDecimalDeserializer extends NumberDeserializers.BigDecimalDeserializer {

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            BigDecimal value = super.deserialize(p, ctxt);
            if (value != null && !withinBounds(value)) {
                throw InvalidFormatException.from(p, OUT_OF_RANGE, null, BigDecimal.class);
            }
            return value;
        }
    }

    /** The message of a refused number; {@link ApiProblemHandler} shows it with the field's name. */
    static final String OUT_OF_RANGE = "the number is out of range (at most " + MAX_DECIMAL_PRECISION
            + " digits, " + MAX_DECIMAL_SCALE + " of them after the point)";

    static boolean withinBounds(BigDecimal value) {
        return value.scale() <= MAX_DECIMAL_SCALE && value.scale() >= -MAX_DECIMAL_SCALE
                && value.precision() <= MAX_DECIMAL_PRECISION;
    }
}
