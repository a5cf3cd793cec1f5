"""What `sam deploy` does to template.yaml before CloudFormation sees it, without AWS.

`sam package` replaces local code folders with s3:// URIs; then aws-sam-translator (the library
behind SAM CLI and the AWS::Serverless transform) turns the template into plain CloudFormation.
Prints the resource types of the result as JSON, or the translator's errors on stderr (exit 1).
Usage: python3 transform.py TEMPLATE
"""
import json
import sys

from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    """The template names its roles' policies itself; the translator must not need IAM's list."""

    def load(self):
        return {}


def packaged(template):
    for resource in template.get("Resources", {}).values():
        properties = resource.get("Properties", {})
        for uri in ("CodeUri", "ContentUri"):
            if isinstance(properties.get(uri), str) and not properties[uri].startswith("s3://"):
                properties[uri] = "s3://sam-package-bucket/" + properties[uri].strip("./").replace("/", "-") + ".zip"
    return template


def main(path):
    with open(path, encoding="utf-8") as file:
        template = packaged(yaml_parse(file.read()))
    try:
        output = transform(template, {}, NoManagedPolicies())
    except InvalidDocumentException as invalid:
        for cause in invalid.causes:
            print(cause.message, file=sys.stderr)
        return 1
    types = sorted({resource["Type"] for resource in output["Resources"].values()})
    print(json.dumps({"resources": len(output["Resources"]), "types": types}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
