package io.tavola.common.web;

import io.tavola.common.error.RefusedText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    record Line(Integer quantity, String note, Boolean isAvailable, List<String> tags) {}

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void wellFormedInputStillReads() throws Exception {
        Line line = mapper.readValue("{\"quantity\": 2, \"note\": \"no onions,\\n\\tplease \\ud83c\\udf55\", "
                + "\"is_available\": true, \"tags\": [\"vegan\"]}", Line.class);
        assertEquals(2, line.quantity());
        assertEquals("no onions,\n\tplease \ud83c\udf55", line.note());
        assertEquals(List.of("vegan"), line.tags());
    }

    @Test
    void carelessInputIsRefused() {
        assertThrows(JsonParseException.class, () -> mapper.readValue("{\"note\": \"a\", \"note\": \"b\"}", Line.class));
        assertThrows(UnrecognizedPropertyException.class, () -> mapper.readValue("{\"unit_price\": 1}", Line.class));
        assertThrows(UnrecognizedPropertyException.class, () -> mapper.readValue("{\"isAvailable\": true}", Line.class));
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"quantity\": 1.5}", Line.class));
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"quantity\": \"2\"}", Line.class));
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"quantity\": \"\"}", Line.class));
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"is_available\": \"true\"}", Line.class));
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"note\": 5}", Line.class));
        assertThrows(InvalidFormatException.class, () -> mapper.readValue("{\"note\": \"a\\u0000b\"}", Line.class));
        assertThrows(InvalidFormatException.class, () -> mapper.readValue("{\"note\": \"\\ud800\"}", Line.class));
        assertThrows(InvalidFormatException.class, () -> mapper.readValue("{\"tags\": [\"\\u0007\"]}", Line.class));
    }

    @Test
    void theTextRule() {
        assertNull(RefusedText.problem("Trattoria \"Roma\"\r\n\t\ud83c\udf55"));
        assertEquals("must not contain control characters", RefusedText.problem("a\u0000"));
        assertEquals("must not contain control characters", RefusedText.problem("\u007f"));
        assertEquals("must be valid Unicode text", RefusedText.problem("\udc00a"));
        assertEquals("must be valid Unicode text", RefusedText.problem("a\ud800"));
    }
}
