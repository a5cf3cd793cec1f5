package io.docindexer.cache;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Cache entries as gzipped JSON: text compresses well, and JSON stays readable with zcat when debugging. */
final class CachedExtractionCodec {

    // Derived accessors such as ExtractedDocument.isMetadataOnly() are written but not read back.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CachedExtractionCodec() {}

    static byte[] encode(Object extraction) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            JSON.writeValue(out, extraction);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode an extraction for the cache", e);
        }
        return bytes.toByteArray();
    }

    static <T> T decode(InputStream gzipped, Class<T> type) throws IOException {
        try (InputStream in = new GZIPInputStream(gzipped)) {
            return JSON.readValue(in, type);
        }
    }
}
