package io.docindexer.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docindexer.event.ObjectEvent;
import io.docindexer.event.ParsedMessage;
import io.docindexer.event.S3EventParser;
import io.docindexer.extract.TextPdfs;
import io.docindexer.local.BucketNotifications;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The chaos run's S3 traffic: puts, overwrites and deletes of small text files and a few small
 * PDFs over a key space smaller than the number of operations, so that most keys change several
 * times, plus the poison documents. Each operation is done on S3 and its notification body built
 * at once, so sequencers grow in the order the operations really happened, whatever order the
 * bodies are sent in later; the ledger keeps each key's last operation for the audit.
 *
 * <p>Key names include what URL-encoding in notifications gets wrong most often: spaces, a
 * literal {@code +}, a literal {@code %} and Japanese.
 */
final class ChaosWorkload {

    /** About five operations land on every key, so keys are overwritten and deleted several times. */
    private static final int OPERATIONS_PER_KEY = 5;

    private static final double PDF_SHARE = 0.1;
    private static final double DELETE_SHARE = 0.25;
    private static final List<String> NAME_STYLES =
            List.of("doc-%d", "doc %d with spaces", "a+b %d", "100%% %d", "報告書 %d");

    private final S3Client s3;
    private final BucketNotifications notifications;
    private final String bucket;
    private final String prefix;
    private final Random random;
    private final KeyLedger ledger = new KeyLedger();
    private final S3EventParser parser = new S3EventParser(new ObjectMapper());
    private final List<String> keys = new ArrayList<>();
    private final Set<String> existing = new HashSet<>();
    private int operations;
    private int poisons;

    ChaosWorkload(S3Client s3, BucketNotifications notifications, String bucket, String prefix, long seed, int docs) {
        this.s3 = s3;
        this.notifications = notifications;
        this.bucket = bucket;
        this.prefix = prefix;
        this.random = new Random(seed);
        int keyCount = Math.max(1, docs / OPERATIONS_PER_KEY);
        for (int i = 0; i < keyCount; i++) {
            String name = NAME_STYLES.get(i % NAME_STYLES.size()).formatted(i);
            keys.add(prefix + name + (random.nextDouble() < PDF_SHARE ? ".pdf" : ".txt"));
        }
    }

    /** One operation done on S3: the key it changed and the notification S3 would send for it. */
    record Operation(String key, String sequencer, String body, boolean poison) {}

    KeyLedger ledger() {
        return ledger;
    }

    /** Does the next operation on S3 and builds its notification. */
    Operation next() {
        int number = ++operations;
        String key = keys.get(random.nextInt(keys.size()));
        if (existing.contains(key) && random.nextDouble() < DELETE_SHARE) {
            s3.deleteObject(request -> request.bucket(bucket).key(key));
            existing.remove(key);
            String body = notifications.body("ObjectRemoved:Delete", bucket, key, null, null);
            String sequencer = sequencer(body);
            ledger.record(new KeyLedger.Operation(key, true, sequencer, null, null, false));
            return new Operation(key, sequencer, body, false);
        }
        String marker = "[v" + number + "]";
        byte[] content = key.endsWith(".pdf") ? pdf(marker) : text(key, marker);
        return put(key, content, marker, false);
    }

    /** Puts the next poison document: an image whose decoding needs more heap than the function has. */
    Operation poison() {
        String key = prefix + "poison/huge image " + ++poisons + ".png";
        return put(key, PoisonImage.png(), null, true);
    }

    private Operation put(String key, byte[] content, String marker, boolean poison) {
        String eTag = s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(content))
                .eTag()
                .replace("\"", "");
        existing.add(key);
        String body = notifications.body("ObjectCreated:Put", bucket, key, (long) content.length, eTag);
        String sequencer = sequencer(body);
        ledger.record(new KeyLedger.Operation(key, false, sequencer, eTag, marker, poison));
        return new Operation(key, sequencer, body, poison);
    }

    private String sequencer(String body) {
        ObjectEvent event =
                ((ParsedMessage.ObjectEvents) parser.parse(body)).events().get(0);
        return event.sequencer();
    }

    private static byte[] text(String key, String marker) {
        return ("chaos document " + key + " version " + marker + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] pdf(String marker) {
        return TextPdfs.onePage("chaos document version " + marker);
    }
}
