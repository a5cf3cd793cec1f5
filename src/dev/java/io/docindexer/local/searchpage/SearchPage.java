package io.docindexer.local.searchpage;

import com.sun.net.httpserver.HttpServer;
import io.docindexer.index.OpenSearchDocumentIndex;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local stack's search page: what the file-search app's users will see, on loopback. The
 * browser never talks to OpenSearch or S3 itself: {@code /api/search} runs the stored search
 * template as the app does, {@code /files/KEY} and {@code /thumbnails/KEY} pass objects through
 * from the local S3, and everything else is the page's own HTML, CSS and script.
 */
public final class SearchPage implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService requests;

    private SearchPage(HttpServer server, ExecutorService requests) {
        this.server = server;
        this.requests = requests;
    }

    /**
     * Serves the page on {@code address} (port 0 for any free one).
     *
     * @param bucket where the indexed files are
     * @param thumbnailBucket where their thumbnails are
     */
    public static SearchPage start(
            InetSocketAddress address,
            OpenSearchDocumentIndex index,
            S3Client s3,
            String bucket,
            String thumbnailBucket)
            throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (BindException taken) {
            throw new BindException("The search page's port " + address.getPort() + " on "
                    + address.getHostString() + " is in use: is another `./docindexer stack` running?"
                    + " Stop it, or whatever holds the port, then try again.");
        }
        server.createContext("/", new PageAssets());
        server.createContext("/api/search", new SearchEndpoint(index));
        server.createContext("/files/", new StoredObjectEndpoint(s3, bucket, "/files/"));
        server.createContext("/thumbnails/", new StoredObjectEndpoint(s3, thumbnailBucket, "/thumbnails/"));
        // A few threads: a result page loads ten thumbnails at once.
        ExecutorService requests = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "search-page");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(requests);
        server.start();
        return new SearchPage(server, requests);
    }

    /** The page's address, such as {@code http://127.0.0.1:9326/}. */
    public URI address() {
        InetSocketAddress bound = server.getAddress();
        return URI.create("http://" + bound.getHostString() + ":" + bound.getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        requests.shutdownNow();
    }
}
