package io.docindexer.chaos;

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
 * times. Each operation is done on S3 and its notification body built at once, so sequencers grow
 * in the order the operations really happened, whatever order the bodies are sent in later.
 */
final class ChaosWorkload {

    /** About five operations land on every key, so keys are overwritten and deleted several times. */
    private static final int OPERATIONS_PER_KEY = 5;

    private static final double PDF_SHARE = 0.1;
    private static final double DELETE_SHARE = 0.25;

    private final S3Client s3;
    private final BucketNotifications notifications;
    private final String bucket;
    private final Random random;
    private final List<String> keys = new ArrayList<>();
    private final Set<String> existing = new HashSet<>();
    private int operations;

    ChaosWorkload(S3Client s3, BucketNotifications notifications, String bucket, String prefix, long seed, int docs) {
        this.s3 = s3;
        this.notifications = notifications;
        this.bucket = bucket;
        this.random = new Random(seed);
        int keyCount = Math.max(1, docs / OPERATIONS_PER_KEY);
        for (int i = 0; i < keyCount; i++) {
            keys.add(prefix + "doc-" + i + (random.nextDouble() < PDF_SHARE ? ".pdf" : ".txt"));
        }
    }

    /** One operation done on S3: the key it changed and the notification S3 would send for it. */
    record Operation(String key, String body) {}

    /** Does the next operation on S3 and builds its notification. */
    Operation next() {
        int number = ++operations;
        String key = keys.get(random.nextInt(keys.size()));
        if (existing.contains(key) && random.nextDouble() < DELETE_SHARE) {
            s3.deleteObject(request -> request.bucket(bucket).key(key));
            existing.remove(key);
            return new Operation(key, notifications.body("ObjectRemoved:Delete", bucket, key, null, null));
        }
        byte[] content = key.endsWith(".pdf") ? pdf(number) : text(key, number);
        String eTag = s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(content))
                .eTag();
        existing.add(key);
        return new Operation(key, notifications.body("ObjectCreated:Put", bucket, key, (long) content.length, eTag));
    }

    private static byte[] text(String key, int version) {
        return ("chaos document " + key + " version " + version + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] pdf(int version) {
        return TextPdfs.onePage("chaos document version " + version);
    }
}
