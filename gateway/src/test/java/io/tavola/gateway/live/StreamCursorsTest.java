package io.tavola.gateway.live;

import static io.tavola.gateway.live.StreamCursors.Verdict.GAP;
import static io.tavola.gateway.live.StreamCursors.Verdict.NEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StreamCursorsTest {

    @Test
    void theFirstNumberStartsTheCountAndOnlyTheNextOneIsInOrder() {
        StreamCursors cursors = new StreamCursors();
        assertNull(cursors.last("orders", "r1"));
        assertEquals(NEXT, cursors.observe("orders", "r1", 41));
        assertEquals(NEXT, cursors.observe("orders", "r1", 42));
        assertEquals(GAP, cursors.observe("orders", "r1", 44));
        assertEquals(NEXT, cursors.observe("orders", "r1", 45));
        assertEquals(45, cursors.last("orders", "R1"));
    }

    @Test
    void aNumberThatStartsAgainIsAGapToo() {
        StreamCursors cursors = new StreamCursors();
        cursors.observe("menu", "r1", 9);
        assertEquals(GAP, cursors.observe("menu", "r1", 1));
        assertEquals(NEXT, cursors.observe("menu", "r1", 2));
    }

    @Test
    void eachStreamOfEachRestaurantCountsOnItsOwn() {
        StreamCursors cursors = new StreamCursors();
        cursors.observe("orders", "r1", 5);
        assertEquals(NEXT, cursors.observe("orders", "r2", 1));
        assertEquals(NEXT, cursors.observe("menu", "r1", 1));
        assertEquals(NEXT, cursors.observe("orders", "r1", 6));
    }
}
