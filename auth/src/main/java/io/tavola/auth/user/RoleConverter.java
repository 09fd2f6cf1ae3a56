package io.tavola.auth.user;

import io.tavola.common.security.Role;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores roles as their wire names ({@code restaurant_admin}), as the check constraint expects. */
@Converter
public class RoleConverter implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.wire();
    }

    @Override
    public Role convertToEntityAttribute(String value) {
        return value == null ? null : Role.fromWire(value);
    }
}
