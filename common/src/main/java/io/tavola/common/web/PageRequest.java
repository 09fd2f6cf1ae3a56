package io.tavola.common.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * {@code ?page=0&size=20} on list endpoints; pages count from 0, at most 100 items a page, and at most
 * {@value #MAX_PAGE} pages deep (so the offset always fits: {@code page=2147483647} is a 400, not an
 * overflowed offset the database refuses).
 */
public class PageRequest {

    public static final int MAX_PAGE = 100_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(100)
    public int size;

    public int offset() {
        return page * size;
    }
}
