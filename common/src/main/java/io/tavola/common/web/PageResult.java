package io.tavola.common.web;

import java.util.List;

/** One page of a list answer: the items, where the page is, and how many there are in all. */
public record PageResult<T>(List<T> items, int page, int size, long total) {}
