package io.docindexer.index;

import java.net.URI;
import java.time.Duration;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.aws.AwsSdk2Transport;
import org.opensearch.client.transport.aws.AwsSdk2TransportOptions;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Builds the OpenSearch client for an endpoint: SigV4-signed requests through the AWS SDK for
 * {@code https} (Amazon OpenSearch Service or Serverless), plain HTTP for {@code http} (the local
 * server). Build once per container and reuse: each client owns a connection pool.
 */
final class OpenSearchClients {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    // A bulk of a few large documents can take a while; a hung connection must not eat the whole invocation.
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    private OpenSearchClients() {}

    /**
     * @param service the SigV4 service name, {@code es} or {@code aoss}; ignored for {@code http}
     */
    static OpenSearchClient create(URI endpoint, String service) {
        return new OpenSearchClient(transport(endpoint, service));
    }

    private static OpenSearchTransport transport(URI endpoint, String service) {
        return switch (endpoint.getScheme()) {
            case "http" -> plainHttp(endpoint);
            case "https" ->
                signed(
                        endpoint,
                        service,
                        urlConnectionClient(),
                        DefaultCredentialsProvider.builder().build(),
                        new DefaultAwsRegionProviderChain().getRegion());
            default ->
                throw new IllegalArgumentException("OpenSearch endpoint must be http:// or https://, not " + endpoint);
        };
    }

    private static OpenSearchTransport plainHttp(URI endpoint) {
        HttpHost host = new HttpHost(endpoint.getScheme(), endpoint.getHost(), endpoint.getPort());
        return ApacheHttpClient5TransportBuilder.builder(host)
                .setMapper(new JacksonJsonpMapper())
                .setConnectionConfigCallback(config -> config.setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
                        .setSocketTimeout(Timeout.of(RESPONSE_TIMEOUT)))
                .setRequestConfigCallback(request -> request.setResponseTimeout(Timeout.of(RESPONSE_TIMEOUT)))
                .build();
    }

    /**
     * Signs every request with SigV4 for {@code service} in {@code region}. Package-private so a
     * test can pass its own HTTP client, credentials and region.
     */
    static OpenSearchTransport signed(
            URI endpoint, String service, SdkHttpClient http, AwsCredentialsProvider credentials, Region region) {
        String host = endpoint.getPort() == -1 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
        AwsSdk2TransportOptions options = AwsSdk2TransportOptions.builder()
                .setCredentials(credentials)
                .setMapper(new JacksonJsonpMapper())
                .build();
        return new AwsSdk2Transport(http, host, service, region, options);
    }

    /**
     * The SDK's URL-connection client is the only SDK HTTP client on the classpath. It would turn a
     * GET with a body into a POST after signing, but this adapter sends none (bulk and search are
     * POST); {@code SignedTransportIT} checks that what arrives matches what was signed.
     */
    private static SdkHttpClient urlConnectionClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(RESPONSE_TIMEOUT)
                .build();
    }
}
