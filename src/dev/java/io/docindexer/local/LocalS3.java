package io.docindexer.local;

import java.net.URI;
import java.util.Properties;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/** S3Proxy embedded on loopback over an in-memory blob store: a real S3 REST API. */
public final class LocalS3 implements AutoCloseable {

    private final S3Proxy proxy;
    private final BlobStoreContext blobStore;

    private final String host;

    private LocalS3(String host, S3Proxy proxy, BlobStoreContext blobStore) {
        this.host = host;
        this.proxy = proxy;
        this.blobStore = blobStore;
    }

    /** @param port on {@code host}; 0 for any free one */
    public static LocalS3 start(String host, int port) throws Exception {
        BlobStoreContext blobStore = ContextBuilder.newBuilder("transient")
                .credentials("local", "local")
                .overrides(new Properties())
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore.getBlobStore())
                .endpoint(URI.create("http://" + host + ":" + port))
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start within 30 s (state " + proxy.getState() + ")");
            }
            Thread.sleep(10);
        }
        return new LocalS3(host, proxy, blobStore);
    }

    public URI endpoint() {
        return URI.create("http://" + host + ":" + proxy.getPort());
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        blobStore.close();
    }
}
