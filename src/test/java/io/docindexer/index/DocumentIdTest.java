package io.docindexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentIdTest {

    @Test
    void isTheHexSha256OfBucketSlashKey() {
        assertThat(DocumentId.of("my-bucket", "docs/contracts/東京.pdf"))
                .isEqualTo("df50271e38872d1db10217112de89f1ed33dd0607c3fc0cfe5defada2ba5d72f");
    }

    @Test
    void isTheSameForEveryEventOfAKeyAndDiffersBetweenBuckets() {
        assertThat(DocumentId.of("a", "k")).isEqualTo(DocumentId.of("a", "k"));
        assertThat(DocumentId.of("a", "k")).isNotEqualTo(DocumentId.of("b", "k"));
    }

    @Test
    void upsertAndDeleteOfTheSameKeyAddressTheSameDocument() {
        IndexOperation delete = new IndexOperation.Delete("b", "dir/file.pdf", "01");
        IndexOperation upsert = new IndexOperation.Upsert(Documents.indexed("b", "dir/file.pdf", "01", "text"));

        assertThat(delete.documentId()).isEqualTo(upsert.documentId()).isEqualTo(DocumentId.of("b", "dir/file.pdf"));
    }
}
