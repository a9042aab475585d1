package org.pmpledger.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * How request bodies are read, the same for every endpoint of both services: strictly, and within bounds. A field the
 * request does not have, a number where text belongs (or the reverse), a fraction for a whole number, text with
 * control characters, a number or date outside any value the API takes, nesting, names and strings over the limits
 * below: each is a 400 naming the field before any rule or store sees the request. Answers and stored events are
 * written and read by the service's own mapper; only request bodies are read this strictly.
 */
@Configuration(proxyBeanMethods = false)
public class RequestBodies {

    /** The limits of the JSON itself. */
    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(16)
            .maxNumberLength(40)
            .maxNameLength(100)
            .maxStringLength(100_000)
            .maxTokenCount(200_000)
            .build();

    /** Any number of a request: at most 13 digits before the decimal point and 6 after it. */
    static final int INTEGER_DIGITS = 13;

    static final int FRACTION_DIGITS = 6;

    @Bean
    ServerHttpMessageConvertersCustomizer strictRequestBodies() {
        JacksonJsonHttpMessageConverter reader = new JacksonJsonHttpMessageConverter(strictMapper()) {
            @Override
            public boolean canWrite(Class<?> type, MediaType mediaType) {
                return false;
            }

            @Override
            public boolean canWrite(ResolvableType type, Class<?> valueType, MediaType mediaType) {
                return false;
            }
        };
        return converters -> converters.addCustomConverter(reader);
    }

    static JsonMapper strictMapper() {
        SimpleModule bounds = new SimpleModule("request-bounds")
                .addDeserializer(String.class, new PlainText())
                .addDeserializer(BigDecimal.class, new BoundedNumber())
                .addDeserializer(LocalDate.class, new BoundedDate());
        return JsonMapper.builder(
                        JsonFactory.builder().streamReadConstraints(LIMITS).build())
                .enable(
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(bounds)
                .build();
    }

    /** Text without control characters (tab, line feed and carriage return excepted) and without lone surrogates. */
    static final class PlainText extends StdScalarDeserializer<String> {

        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
                boolean loneSurrogate = Character.isHighSurrogate(c)
                        ? i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(++i))
                        : Character.isLowSurrogate(c);
                if (control || loneSurrogate) {
                    return (String) context.reportInputMismatch(
                            this, "must not contain control characters (U+%04X at %d)", (int) c, i);
                }
            }
            return text;
        }
    }

    /** A JSON number within the bounds every number of the API keeps. */
    static final class BoundedNumber extends StdScalarDeserializer<BigDecimal> {

        BoundedNumber() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT) && !parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
            }
            BigDecimal value = parser.getDecimalValue();
            BigDecimal plain = value.stripTrailingZeros();
            int fraction = Math.max(0, plain.scale());
            int integer = Math.max(0, plain.precision() - plain.scale());
            if (integer > INTEGER_DIGITS || fraction > FRACTION_DIGITS) {
                return (BigDecimal) context.reportInputMismatch(
                        this,
                        "must be a number with at most %d digits before " + "and %d after the decimal point",
                        INTEGER_DIGITS,
                        FRACTION_DIGITS);
            }
            return value;
        }
    }

    /** A date as YYYY-MM-DD, in the years the API knows. */
    static final class BoundedDate extends StdScalarDeserializer<LocalDate> {

        BoundedDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            try {
                LocalDate date = LocalDate.parse(parser.getString());
                if (BoundedTime.knownYear(date.getYear())) {
                    return date;
                }
            } catch (DateTimeParseException e) {
                return (LocalDate) context.reportInputMismatch(this, "must be a date written YYYY-MM-DD");
            }
            return (LocalDate) context.reportInputMismatch(
                    this, "must be a date between %d and %d", BoundedTime.FIRST_YEAR, BoundedTime.LAST_YEAR);
        }
    }
}
