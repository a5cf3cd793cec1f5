package io.docindexer.ingest;

import io.docindexer.index.DocumentIndex;
import io.docindexer.index.IndexAccessDeniedException;
import java.util.function.Consumer;

/**
 * Prepares the index while the function initialises, where one failure is tolerated: OpenSearch
 * refusing the function's role. On the first deploy against an existing domain with fine-grained
 * access control, or a serverless collection, the role the stack has just created cannot have been
 * mapped or granted yet, and SnapStart initialises the new version during the deploy: failing init
 * would roll the stack back before anyone could grant access. So init goes on, and the batch
 * processor prepares the index before the first write of each invocation until that succeeds. Any
 * other failure still fails init, where it is loudest.
 */
final class IndexPreparationAtInit {

    private IndexPreparationAtInit() {}

    /** @param warning takes the one line that says what was refused and who must act */
    static void prepareUnlessRefused(DocumentIndex index, Consumer<String> warning) {
        try {
            index.prepare();
        } catch (IndexAccessDeniedException refused) {
            warning.accept(waitingForAccess(refused));
        }
    }

    private static String waitingForAccess(IndexAccessDeniedException refused) {
        // One line: a server's error text can span several.
        String what = refused.getMessage().replaceAll("\\s+", " ").strip();
        return what + ". Map this function's IAM role (stack output IngestFunctionRoleArn) to an OpenSearch role,"
                + " or add it to the serverless collection's data access policy: README.md, \"Using an existing"
                + " OpenSearch domain or collection\"."
                + " Init continues; preparing the index will be retried before the first write of each invocation,"
                + " and until it succeeds the records to write are returned to SQS for redelivery.";
    }
}
