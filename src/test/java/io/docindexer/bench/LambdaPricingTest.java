package io.docindexer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.docindexer.deploy.CloudFormationYaml;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaPricingTest {

    @Test
    @SuppressWarnings("unchecked")
    void costsAreReckonedAtTheTemplatesDefaultMemory() throws Exception {
        Map<String, Object> parameters = (Map<String, Object>)
                CloudFormationYaml.load(Path.of("template.yaml")).get("Parameters");

        assertThat(((Map<String, Object>) parameters.get("MemorySize")).get("Default"))
                .isEqualTo(LambdaPricing.MEMORY_MB);
        assertThat(((Map<String, Object>) parameters.get("Architecture")).get("Default"))
                .as("the prices are x86_64's")
                .isEqualTo("x86_64");
    }

    @Test
    void aThousandDocumentsCostTheirGigabyteSecondsAndRequests() {
        // 100 documents billed 20 s in 20 invocations: 20 s x 4 GB = 80 GB-s; per 1,000 documents x10.
        double usd = LambdaPricing.usdPer1000Docs(20, 20, 100);

        assertThat(usd).isCloseTo((80 * 0.0000166667 + 20 * 0.0000002) * 10, within(1e-12));
    }

    @Test
    void theManagedServiceChargesEveryPage() {
        assertThat(LambdaPricing.managedOcrUsdPer1000Docs(700, 100)).isCloseTo(10.5, within(1e-9));
    }
}
