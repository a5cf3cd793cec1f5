package io.docindexer.iam;

import io.docindexer.local.LocalServers;

/**
 * Which template resource each resource of the local stack stands for, so that a call recorded
 * locally can be checked against the template's policies, which name resources the way the
 * template writes them ({@code !GetAtt DocumentsBucket.Arn} is {@code ${DocumentsBucket.Arn}}):
 *
 * <ul>
 *   <li>the bucket {@value LocalServers#CACHE_BUCKET} is ExtractionCacheBucket;
 *   <li>the bucket {@value LocalServers#THUMBNAIL_BUCKET} is ThumbnailBucket;
 *   <li>every other bucket is DocumentsBucket: on AWS the ingest function reads only the buckets
 *       whose events reach its queue, and only DocumentsBucket sends any (tests name buckets that
 *       do not exist to make reads fail, standing for a documents bucket in trouble);
 *   <li>a queue whose name ends in {@value #DLQ_SUFFIX} is DeadLetterQueue, every other queue is
 *       IngestQueue ({@code LocalServers.createQueues} names each test's pair so, as the template does);
 *   <li>the local OpenSearch is whatever serves the index on AWS: SearchDomain when the stack
 *       creates it ({@link #CREATED_DOMAIN}), or the existing domain or collection a deployment names.
 * </ul>
 */
final class LocalResources {

    static final String CREATED_DOMAIN = "${SearchDomain.Arn}";

    private static final String DLQ_SUFFIX = "-dlq";

    private LocalResources() {}

    /**
     * The template's ARN for a local one: {@code arn:aws:s3:::docindexer-local/a.pdf} is
     * {@code ${DocumentsBucket.Arn}/a.pdf}.
     */
    static String templateArn(String localArn) {
        String[] parts = localArn.split(":", 6);
        if (parts.length != 6) {
            throw new IllegalArgumentException("not an ARN: " + localArn);
        }
        String resource = parts[5];
        return switch (parts[2]) {
            case "s3" -> {
                int slash = resource.indexOf('/');
                String bucket = slash < 0 ? resource : resource.substring(0, slash);
                String key = slash < 0 ? "" : resource.substring(slash);
                String templateBucket = switch (bucket) {
                    case LocalServers.CACHE_BUCKET -> "ExtractionCacheBucket";
                    case LocalServers.THUMBNAIL_BUCKET -> "ThumbnailBucket";
                    default -> "DocumentsBucket";
                };
                yield "${" + templateBucket + ".Arn}" + key;
            }
            case "sqs" -> resource.endsWith(DLQ_SUFFIX) ? "${DeadLetterQueue.Arn}" : "${IngestQueue.Arn}";
            default -> throw new IllegalArgumentException("no template resource stands for " + localArn);
        };
    }
}
