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

    private LocalS3(S3Proxy proxy, BlobStoreContext blobStore) {
        this.proxy = proxy;
        this.blobStore = blobStore;
    }

    /** @param port on loopback; 0 for any free one */
    public static LocalS3 start(int port) throws Exception {
        BlobStoreContext blobStore = ContextBuilder.newBuilder("transient")
                .credentials("local", "local")
                .overrides(new Properties())
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
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
        return new LocalS3(proxy, blobStore);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        blobStore.close();
    }
}
