package io.docindexer.local;

import java.nio.file.Path;

/** The JDK to run the function on locally: 21 or newer like Lambda's java21 runtime (the one OpenSearch uses too). */
public final class LambdaJdk {

    private LambdaJdk() {}

    public static Path javaExecutable() {
        return JdkLocator.forThisMachine().locate().resolve("bin/java");
    }
}
