/**
 * Tenancy in one place: {@link io.tavola.common.tenancy.TenantScope} (which restaurants the current request
 * or event may read, decided once) and {@link io.tavola.common.tenancy.TenantFilter} (the Hibernate filter
 * that applies it to every query). docs/architecture.md, "Tenancy".
 */
@FilterDef(name = TenantFilter.NAME, autoEnabled = true, applyToLoadByKey = true,
        defaultCondition = TenantFilter.CONDITION,
        parameters = {
                @ParamDef(name = TenantFilter.RESTAURANT, type = UUID.class, resolver = TenantFilter.Restaurant.class),
                @ParamDef(name = TenantFilter.UNRESTRICTED, type = Boolean.class,
                        resolver = TenantFilter.Unrestricted.class) })
package io.tavola.common.tenancy;

import java.util.UUID;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;
