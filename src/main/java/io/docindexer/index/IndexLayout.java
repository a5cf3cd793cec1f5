package io.docindexer.index;

/**
 * Where documents live. Writes go to a versioned concrete index ({@code documents-v2}) created from
 * an index template; readers use the alias ({@code documents}), which hides tombstones. A mapping
 * change becomes a new version plus a reindex, without readers noticing: the template declares no
 * alias (it would put it on every version at once, and every file would be found twice), so the
 * alias is put on a new version only where there is none yet ({@link IndexAlias}), and otherwise
 * moved by the operator once the new version holds the old one's documents (README, "A new index
 * version").
 *
 * <p>Version 2 keeps each file's text page by page ({@code pageTexts}, nested) instead of in one
 * {@code content} field, which it maps only for the documents reindexed from version 1 until they
 * are ingested again.
 *
 * @param name the configured INDEX_NAME, used as the search alias
 */
record IndexLayout(String name) {

    static final int VERSION = 2;

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

    /** The alias's filter: tombstones stay in the index, to order late events, but never show. */
    static String aliasFilterJson() {
        return "{\"bool\": {\"must_not\": {\"term\": {\"deleted\": true}}}}";
    }

    /**
     * The body of {@code PUT _index_template/<name>}. Page text (and v1's {@code content}) is
     * analysed three ways: CJK bigrams (Japanese without a dictionary, shipped with every
     * OpenSearch), English stemming, and Kuromoji morphology when the cluster has the
     * analysis-kuromoji plugin.
     *
     * <p>{@code pageTexts} is nested, so that a search can name the pages that match (inner hits),
     * and included in the parent, so that "every word in the file" still matches words on
     * different pages. A file has at most MAX_PAGES (2000) pages, under the 10000 nested objects
     * OpenSearch allows per document.
     */
    String templateJson(boolean kuromoji) {
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
                    "mappings": %s
                  }
                }
                """.formatted(indexPattern(), mappingsJson(kuromoji));
    }

    /**
     * The mappings of the index template, also the body of {@code PUT <index>/_mapping}: an index
     * created by an earlier version of the template gets the fields added since (a container's
     * {@code container} and {@code entryPath}, an e-mail's {@code metadata.to}) in place, without
     * a new index version; the fields it has are the same and stay as they are.
     */
    String mappingsJson(boolean kuromoji) {
        String japaneseSubfield = kuromoji ? ", \"ja\": {\"type\": \"text\", \"analyzer\": \"kuromoji\"}" : "";
        String text = "{\"type\": \"text\", \"analyzer\": \"cjk\", \"fields\": {\"en\": {\"type\": \"text\","
                + " \"analyzer\": \"english\"}" + japaneseSubfield + "}}";
        return """
                {
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
                    "thumbnailKey": {"type": "keyword"},
                    "container": {"type": "keyword"},
                    "entryPath": {"type": "keyword"},
                    "metadata": {
                      "properties": {
                        "title": {"type": "text", "analyzer": "cjk", "fields": {"keyword": {"type": "keyword", "ignore_above": 256}}},
                        "author": {"type": "text", "analyzer": "cjk", "fields": {"keyword": {"type": "keyword", "ignore_above": 256}}},
                        "subject": {"type": "text", "analyzer": "cjk"},
                        "keywords": {"type": "text", "analyzer": "cjk"},
                        "creatorTool": {"type": "keyword"},
                        "producer": {"type": "keyword"},
                        "created": {"type": "date"},
                        "modified": {"type": "date"},
                        "taken": {"type": "date"},
                        "cameraMake": {"type": "keyword"},
                        "cameraModel": {"type": "keyword"},
                        "orientation": {"type": "byte"},
                        "to": {"type": "text", "analyzer": "cjk", "fields": {"keyword": {"type": "keyword", "ignore_above": 256}}}
                      }
                    },
                    "languages": {"type": "keyword"},
                    "sha256": {"type": "keyword"},
                    "userMetadata": {"type": "flat_object"},
                    "content": %s,
                    "pageTexts": {
                      "type": "nested",
                      "include_in_parent": true,
                      "properties": {
                        "number": {"type": "integer"},
                        "ocr": {"type": "boolean"},
                        "text": %s
                      }
                    }
                  }
                }
                """.formatted(text, text);
    }
}
