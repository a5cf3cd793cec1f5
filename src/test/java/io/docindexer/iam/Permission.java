package io.docindexer.iam;

/** One IAM action on one resource ARN: what a call needs a policy to allow. */
record Permission(String action, String resource) {

    @Override
    public String toString() {
        return action + " on " + resource;
    }
}
