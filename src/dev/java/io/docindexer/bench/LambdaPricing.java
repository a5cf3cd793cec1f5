package io.docindexer.bench;

/**
 * What the deployed function costs, from what a benchmark measured: Lambda's published on-demand
 * prices for x86_64 (the template's default architecture) in us-east-1, the first pricing tier, as
 * of the date below (AWS's Lambda pricing page; nothing here asks AWS), at the template's default
 * memory. A managed OCR service's per-page price is the reference the JSON line gives beside it:
 * Amazon Textract's DetectDocumentText, first million pages a month, same region and date.
 */
final class LambdaPricing {

    static final String PRICES_AS_OF = "2026-12-04";
    /** template.yaml's MemorySize default (LambdaPricingTest keeps the two equal). */
    static final int MEMORY_MB = 4096;

    static final double USD_PER_GB_SECOND = 0.0000166667;
    static final double USD_PER_REQUEST = 0.20 / 1_000_000;
    static final double MANAGED_OCR_USD_PER_PAGE = 1.50 / 1_000;

    private LambdaPricing() {}

    /** Duration at the template's memory plus requests, per 1,000 documents. */
    static double usdPer1000Docs(double functionSeconds, long invocations, int docs) {
        double gbSeconds = functionSeconds * MEMORY_MB / 1024.0;
        return (gbSeconds * USD_PER_GB_SECOND + invocations * USD_PER_REQUEST) * 1000 / docs;
    }

    /** What the managed service would charge for these pages, per 1,000 documents. */
    static double managedOcrUsdPer1000Docs(long pages, int docs) {
        return pages * MANAGED_OCR_USD_PER_PAGE * 1000 / docs;
    }
}
