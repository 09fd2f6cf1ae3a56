package io.tavola.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.tavola.common.error.RefusedText;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * What every service reads from a JSON body, strictly, so a careless client hears about its mistake
 * (400 problem+json through common's mappers) instead of being half-understood:
 * a key given twice, a field the endpoint does not know, {@code 1.5} or {@code "2"} for a whole number,
 * {@code "true"} for a boolean, a number for an enum, and text carrying control characters (NUL, which
 * PostgreSQL cannot store, and the rest of C0 but tab and line breaks) or an unpaired UTF-16 surrogate.
 * The REST clients share this mapper: their answer records say {@code @JsonIgnoreProperties(ignoreUnknown =
 * true)}, because another service's answer may grow.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        for (LogicalType type : new LogicalType[] { LogicalType.Integer, LogicalType.Float, LogicalType.Boolean }) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.registerModule(new SimpleModule("tavola-strict-text").addDeserializer(String.class, new Text()));
    }

    /** The one place a text value is accepted: a JSON string, without characters no column should hold. */
    static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String value = p.getText();
            String problem = RefusedText.problem(value);
            if (problem != null) {
                return (String) ctxt.handleWeirdStringValue(String.class, value, problem);
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }
}
