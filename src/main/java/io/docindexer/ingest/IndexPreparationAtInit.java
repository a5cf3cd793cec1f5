package io.docindexer.ingest;

import io.docindexer.index.DocumentIndex;
import io.docindexer.index.IndexAccessDeniedException;
import io.docindexer.index.IndexUnavailableException;
import java.util.function.Consumer;

/**
 * Prepares the index while the function initialises, where two failures are tolerated. OpenSearch
 * refusing the function's role: on the first deploy against an existing domain with fine-grained
 * access control, or a serverless collection, the role the stack has just created cannot have been
 * mapped or granted yet, and SnapStart initialises the new version during the deploy: failing init
 * would roll the stack back before anyone could grant access. And OpenSearch unreachable: an
 * environment started during an outage (without SnapStart, every cold start runs init) would
 * otherwise fail its whole batch before the handler could back the records off, spending a receive
 * of each. In both cases init goes on with one warning line, and the batch processor prepares the
 * index before the first write of each invocation until that succeeds. Any other failure (a
 * template OpenSearch rejects) still fails init, where it is loudest.
 */
final class IndexPreparationAtInit {

    private IndexPreparationAtInit() {}

    /** @param warning takes the one line that says what failed and what to do */
    static void prepareOrDefer(DocumentIndex index, Consumer<String> warning) {
        try {
            index.prepare();
        } catch (IndexAccessDeniedException refused) {
            warning.accept(waitingForAccess(refused));
        } catch (IndexUnavailableException unreachable) {
            warning.accept(oneLine(unreachable.getMessage())
                    + ". Init continues; preparing the index will be retried before the first write of each"
                    + " invocation, and until it succeeds the records to write are backed off (README.md,"
                    + " \"During an OpenSearch outage\"). If this lasts, check that OPENSEARCH_ENDPOINT names the"
                    + " domain or collection and that the function can reach it.");
        }
    }

    private static String oneLine(String message) {
        // A server's error text can span several lines.
        return message.replaceAll("\\s+", " ").strip();
    }

    private static String waitingForAccess(IndexAccessDeniedException refused) {
        return oneLine(refused.getMessage())
                + ". Map this function's IAM role (stack output IngestFunctionRoleArn) to an OpenSearch role,"
                + " or add it to the serverless collection's data access policy: README.md, \"Using an existing"
                + " OpenSearch domain or collection\"."
                + " Init continues; preparing the index will be retried before the first write of each invocation,"
                + " and until it succeeds the records to write are returned to SQS for redelivery.";
    }
}
