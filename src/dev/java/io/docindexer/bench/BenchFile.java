package io.docindexer.bench;

/** One object a pipeline benchmark puts into the bucket: its key and its bytes. */
record BenchFile(String key, byte[] bytes) {

    /** The name the extract-only reference writes it under: the key's last part. */
    String fileName() {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
