package io.tavola.orders.web;

import io.tavola.common.event.EventEnvelope;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A representation and the restaurant's last {@code orders} event sequence it is current to (null when
 * it is no snapshot), answered with the {@code Event-Sequence} header: a live client drops the events it
 * already holds and sees a gap in the rest.
 */
public record Sequenced<T>(T body, Long sequence) {

    public RestResponse<T> response() {
        RestResponse.ResponseBuilder<T> ok = RestResponse.ResponseBuilder.ok(body);
        if (sequence != null) {
            ok.header(EventEnvelope.SNAPSHOT_SEQUENCE_HEADER, sequence);
        }
        return ok.build();
    }
}
