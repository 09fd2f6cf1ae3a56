package io.tavola.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tavola.common.security.Revocation.Kind;
import org.junit.jupiter.api.Test;

/** The deny-list's rule, with its negative cases: an entry refuses exactly the tokens it names. */
class RevocationTest {

    private static final TokenFacts GUEST = new TokenFacts("jti-1", "sub-1", 1_000, null, "table-1", 2);
    private static final TokenFacts STAFF = new TokenFacts("jti-2", "sub-2", 1_000, "family-2", null, 0);

    @Test
    void aTokenEntryRefusesThatTokenOnly() {
        Revocation entry = new Revocation(Kind.TOKEN, "jti-1", 1);
        assertTrue(entry.refuses(GUEST));
        assertFalse(entry.refuses(STAFF));
    }

    @Test
    void aUserEntryRefusesTokensIssuedBeforeItsNotBeforeOnly() {
        assertTrue(new Revocation(Kind.USER, "sub-2", 1_001).refuses(STAFF));
        assertFalse(new Revocation(Kind.USER, "sub-2", 1_000).refuses(STAFF), "issued at the not-before: valid");
        assertFalse(new Revocation(Kind.USER, "sub-1", 5_000).refuses(STAFF), "another subject");
    }

    @Test
    void aFamilyEntryRefusesThatLoginsTokensOnly() {
        assertTrue(new Revocation(Kind.FAMILY, "family-2", 1).refuses(STAFF));
        assertFalse(new Revocation(Kind.FAMILY, "family-9", 1).refuses(STAFF));
        assertFalse(new Revocation(Kind.FAMILY, "family-2", 1).refuses(GUEST), "a token without a family");
    }

    @Test
    void aTableEntryRefusesOlderGenerationsOfThatTableOnly() {
        assertTrue(new Revocation(Kind.TABLE, "table-1", 3).refuses(GUEST));
        assertFalse(new Revocation(Kind.TABLE, "table-1", 2).refuses(GUEST), "the current generation");
        assertFalse(new Revocation(Kind.TABLE, "table-9", 99).refuses(GUEST), "another table");
        assertFalse(new Revocation(Kind.TABLE, "table-1", 99).refuses(STAFF), "staff tokens name no table");
    }

    @Test
    void announcementsRoundTripAndGarbageIsIgnored() {
        Revocation entry = new Revocation(Kind.TABLE, "table-1", 3);
        assertEquals(entry, Revocation.decode(entry.encode()));
        assertNull(Revocation.decode("nonsense"));
        assertNull(Revocation.decode("user:sub-1:not-a-number"));
        assertNull(Revocation.decode("role:sub-1:5"));
        assertNull(Revocation.decode(null));
    }
}
