package io.docindexer.index;

/**
 * Where documents live. Writes go to a versioned concrete index ({@code documents-v1}) created from
 * an index template; readers use the alias ({@code documents}), which hides tombstones. A mapping
 * change becomes a new version plus a reindex, without readers noticing.
 *
 * @param name the configured INDEX_NAME, used as the search alias
 */
record IndexLayout(String name) {

    static final int VERSION = 1;

    String alias() {
        return name;
    }

    String concreteIndex() {
        return name + "-v" + VERSION;
    }

    String templateName() {
        return name;
    }

    /** The stored search template's id: one per alias, beside the index template of the same name. */
    String searchTemplateId() {
        return name + "-search";
    }

    String indexPattern() {
        return name + "-v*";
    }

    /**
     * The body of {@code PUT _index_template/<name>}. {@code content} is analysed three ways: CJK
     * bigrams (Japanese without a dictionary, shipped with every OpenSearch), English stemming, and
     * Kuromoji morphology when the cluster has the analysis-kuromoji plugin.
     */
    String templateJson(boolean kuromoji) {
        String japaneseSubfield = kuromoji ? ", \"ja\": {\"type\": \"text\", \"analyzer\": \"kuromoji\"}" : "";
        return """
                {
                  "index_patterns": ["%s"],
                  "priority": 100,
                  "template": {
                    "settings": {
                      "index": {"number_of_shards": 1, "auto_expand_replicas": "0-1"},
                      "analysis": {
                        "char_filter": {
                          "file_name_separators": {"type": "pattern_replace", "pattern": "[_./-]", "replacement": " "}
                        },
                        "analyzer": {
                          "file_name": {
                            "type": "custom",
                            "char_filter": ["file_name_separators"],
                            "tokenizer": "standard",
                            "filter": ["cjk_width", "lowercase", "cjk_bigram"]
                          }
                        }
                      }
                    },
                    "mappings": {
                      "dynamic": "strict",
                      "properties": {
                        "bucket": {"type": "keyword"},
                        "key": {"type": "keyword", "fields": {"text": {"type": "text", "analyzer": "file_name"}}},
                        "fileName": {"type": "keyword"},
                        "extension": {"type": "keyword"},
                        "contentType": {"type": "keyword"},
                        "status": {"type": "keyword"},
                        "reason": {"type": "keyword"},
                        "versionId": {"type": "keyword"},
                        "eTag": {"type": "keyword"},
                        "sequencer": {"type": "keyword"},
                        "size": {"type": "long"},
                        "pages": {"type": "integer"},
                        "ocrPages": {"type": "integer"},
                        "ocr": {"type": "boolean"},
                        "deleted": {"type": "boolean"},
                        "lastModified": {"type": "date"},
                        "indexedAt": {"type": "date"},
                        "content": {
                          "type": "text",
                          "analyzer": "cjk",
                          "fields": {"en": {"type": "text", "analyzer": "english"}%s}
                        }
                      }
                    },
                    "aliases": {
                      "%s": {"filter": {"bool": {"must_not": {"term": {"deleted": true}}}}}
                    }
                  }
                }
                """.formatted(indexPattern(), japaneseSubfield, alias());
    }
}
