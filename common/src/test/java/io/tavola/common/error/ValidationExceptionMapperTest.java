package io.tavola.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidationExceptionMapperTest {

    record Option(@NotBlank String optionName, @Min(0) int priceDelta) {}

    record Group(@NotBlank String name, List<@Valid Option> options) {}

    record Item(@NotNull String tableNumber, List<@Valid Group> modifierGroups) {}

    @Test
    void javaPropertyNamesBecomeWireNames() {
        assertEquals("table_number", ValidationExceptionMapper.snakeCase("tableNumber"));
        assertEquals("menu_item_id", ValidationExceptionMapper.snakeCase("menuItemId"));
        assertEquals("email", ValidationExceptionMapper.snakeCase("email"));
    }

    @Test
    void nestedListFieldsAreNamedAsTheClientWroteThem() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        Item item = new Item(null, List.of(new Group("Size", List.of(new Option("Small", 0), new Option("", -1)))));
        Set<ConstraintViolation<Item>> violations = validator.validate(item);
        List<String> fields = violations.stream().map(ValidationExceptionMapper::fieldName).sorted().toList();
        assertEquals(List.of("modifier_groups[0].options[1].option_name", "modifier_groups[0].options[1].price_delta",
                "table_number"), fields);
    }
}
