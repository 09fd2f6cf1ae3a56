package io.tavola.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ValidationExceptionMapperTest {

    @Test
    void javaPropertyNamesBecomeWireNames() {
        assertEquals("table_number", ValidationExceptionMapper.snakeCase("tableNumber"));
        assertEquals("menu_item_id", ValidationExceptionMapper.snakeCase("menuItemId"));
        assertEquals("email", ValidationExceptionMapper.snakeCase("email"));
    }
}
