package io.docindexer.ingest;

import io.docindexer.extract.ExtractedPage;
import io.docindexer.extract.ExtractionProgress;
import io.docindexer.invocation.TimeBudget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Extraction progress backed by a checkpoint from an earlier attempt and this invocation's time. */
final class CheckpointProgress implements ExtractionProgress {

    private final Map<Integer, ExtractedPage> earlier;
    private final TimeBudget budget;

    CheckpointProgress(List<ExtractedPage> earlierPages, TimeBudget budget) {
        this.earlier = earlierPages.stream().collect(Collectors.toMap(ExtractedPage::number, Function.identity()));
        this.budget = budget;
    }

    @Override
    public Optional<ExtractedPage> earlierPage(int number) {
        return Optional.ofNullable(earlier.get(number));
    }

    @Override
    public boolean outOfTime() {
        return !budget.allowsStart();
    }
}
