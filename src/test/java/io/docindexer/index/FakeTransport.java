package io.docindexer.index;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.core.UpdateByQueryRequest;
import org.opensearch.client.opensearch.core.UpdateByQueryResponse;
import org.opensearch.client.transport.Endpoint;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.TransportOptions;

/**
 * Answers requests from a script instead of a server, and remembers what was sent (from any
 * thread). The entry sweep that follows every applied bulk ({@link EntrySweep}) is answered with
 * nothing swept and kept apart, in {@link #sweeps}, so a test scripts the requests it is about.
 */
final class FakeTransport implements OpenSearchTransport {

    interface Responder {
        Object respond(Object request) throws IOException;
    }

    final List<Object> requests = new CopyOnWriteArrayList<>();
    final List<UpdateByQueryRequest> sweeps = new CopyOnWriteArrayList<>();
    private final Responder responder;

    FakeTransport(Responder responder) {
        this.responder = responder;
    }

    @Override
    @SuppressWarnings("unchecked") // the responder knows which response type each request expects
    public <RequestT, ResponseT, ErrorT> ResponseT performRequest(
            RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options)
            throws IOException {
        if (request instanceof UpdateByQueryRequest sweep) {
            sweeps.add(sweep);
            return (ResponseT) UpdateByQueryResponse.of(r -> r.failures(List.of()));
        }
        requests.add(request);
        return (ResponseT) responder.respond(request);
    }

    @Override
    public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(
            RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
        try {
            return CompletableFuture.completedFuture(performRequest(request, endpoint, options));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public JsonpMapper jsonpMapper() {
        return new JacksonJsonpMapper();
    }

    @Override
    public TransportOptions options() {
        return null;
    }

    @Override
    public void close() {}
}
