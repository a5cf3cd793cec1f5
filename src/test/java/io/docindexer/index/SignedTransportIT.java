package io.docindexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch.OpenSearchClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS path without AWS: every request the adapter makes through {@code AwsSdk2Transport} and
 * the SDK's URL-connection client reaches a local HTTPS server, which re-signs what actually
 * arrived (method, path, query, signed headers, body bytes) and compares it with the signature
 * sent. A client that changed the method or body after signing would fail here as it would on AWS.
 */
class SignedTransportIT {

    private static final AwsBasicCredentials CREDENTIALS = AwsBasicCredentials.create("AKIDEXAMPLE", "secret");
    private static final Region REGION = Region.EU_WEST_1;
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern SIGNED_HEADERS = Pattern.compile("SignedHeaders=([^,]+)");

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> badSignatures = new CopyOnWriteArrayList<>();
    private HttpsServer server;
    private Tls tls;

    @BeforeEach
    void startHttpsServer(@TempDir Path dir) throws Exception {
        tls = selfSignedTls(dir);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.context()));
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopHttpsServer() {
        server.stop(0);
    }

    @Test
    void everyRequestArrivesExactlyAsItWasSigned() throws Exception {
        URI endpoint = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
        UrlConnectionHttpClient http = (UrlConnectionHttpClient) UrlConnectionHttpClient.builder()
                .tlsTrustManagersProvider(tls::trustManagers)
                .build();
        OpenSearchClient client = new OpenSearchClient(
                OpenSearchClients.signed(endpoint, "es", http, StaticCredentialsProvider.create(CREDENTIALS), REGION));
        OpenSearchDocumentIndex index =
                new OpenSearchDocumentIndex(client, new IndexLayout("documents"), Clock.systemUTC());
        // Over the transport's 8 KiB threshold, so the bulk body is also sent gzip-compressed.
        String largeContent = "契約書 contract ".repeat(2_000);

        index.prepare();
        List<IndexItemResult> results = index.apply(
                List.of(new IndexOperation.Upsert(Documents.indexed("docs", "big.txt", "0A", largeContent))));
        index.search("契約書", 5);

        assertThat(results).extracting(IndexItemResult::status).containsExactly(IndexItemResult.Status.APPLIED);
        assertThat(received)
                .containsExactly(
                        "GET /_cat/plugins",
                        "PUT /_index_template/documents",
                        "PUT /_scripts/documents-search",
                        "PUT /documents-v2",
                        "PUT /documents-v2/_mapping",
                        "GET /_alias/documents",
                        "POST /_aliases",
                        "POST /_bulk",
                        "POST /documents/_search/template");
        assertThat(badSignatures).isEmpty();
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        received.add(method + " " + path);
        verifySignature(exchange, body);
        String json = switch (path) {
            case "/_cat/plugins" -> "";
            case "/_bulk" ->
                "{\"took\":1,\"errors\":false,\"items\":[{\"update\":{\"_index\":\"documents-v2\","
                        + "\"_id\":\"x\",\"status\":201,\"result\":\"created\"}}]}";
            case "/documents/_search/template" ->
                "{\"took\":1,\"timed_out\":false,\"_shards\":{\"total\":1,\"successful\":1,"
                        + "\"skipped\":0,\"failed\":0},\"hits\":{\"total\":{\"value\":0,\"relation\":\"eq\"},\"hits\":[]}}";
            case "/documents-v2" -> "{\"acknowledged\":true,\"shards_acknowledged\":true,\"index\":\"documents-v2\"}";
            case "/_alias/documents" -> "{}"; // on no index yet
            default -> "{\"acknowledged\":true}";
        };
        byte[] response = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", path.startsWith("/_cat") ? "text/plain" : "application/json");
        exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
        exchange.getResponseBody().write(response);
        exchange.close();
    }

    /** Signs the request as received, at the time it claims, and compares with the signature it carries. */
    private void verifySignature(HttpExchange exchange, byte[] body) {
        Headers headers = exchange.getRequestHeaders();
        String authorization = headers.getFirst("Authorization");
        Matcher signedHeaders = SIGNED_HEADERS.matcher(authorization == null ? "" : authorization);
        if (!signedHeaders.find()) {
            badSignatures.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": no SigV4 Authorization");
            return;
        }
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(exchange.getRequestMethod()))
                .uri(URI.create("https://" + headers.getFirst("Host")
                        + exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null
                                ? ""
                                : "?" + exchange.getRequestURI().getRawQuery())));
        for (String name : signedHeaders.group(1).split(";")) {
            if (!name.equals("host")) {
                request.putHeader(name, headers.get(name));
            }
        }
        Instant signedAt = Instant.from(AMZ_DATE.parse(headers.getFirst("X-Amz-Date")));
        String expected = AwsV4HttpSigner.create()
                .sign(r -> r.identity(CREDENTIALS)
                        .request(request.build())
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "es")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, REGION.id())
                        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)))
                .request()
                .firstMatchingHeader("Authorization")
                .orElse("");
        if (!expected.equals(authorization)) {
            badSignatures.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": sent " + authorization
                    + " but what arrived signs as " + expected);
        }
    }

    private static Tls selfSignedTls(Path dir) throws Exception {
        Path keyStore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "EC",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "san=ip:127.0.0.1",
                        "-validity",
                        "1",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keyStore.toString(),
                        "-storepass",
                        new String(PASSWORD),
                        "-keypass",
                        new String(PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(output).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return new Tls(context, trust.getTrustManagers());
    }

    /** The server's TLS setup, and the trust a client needs to accept its self-signed certificate. */
    private record Tls(SSLContext context, TrustManager[] trustManagers) {}
}
