package io.docindexer.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.docindexer.deploy.CloudFormationYaml;
import io.docindexer.deploy.TemplateResolver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The IAM check on a small template of the same shape as template.yaml: no network. */
class IamPolicyCheckTest {

    private static final String COLLECTION_ARN = "arn:aws:aoss:us-east-1:000000000000:collection/abc";
    private static final TemplateVariant SERVERLESS = new TemplateVariant(
            "serverless",
            Map.of(
                    "OpenSearchEndpoint", "https://abc.us-east-1.aoss.amazonaws.com",
                    "OpenSearchService", "aoss",
                    "OpenSearchResourceArn", COLLECTION_ARN),
            COLLECTION_ARN);

    private static final Map<String, Object> TEMPLATE = CloudFormationYaml.parse("""
            Parameters:
              OpenSearchEndpoint: {Type: String, Default: ""}
              OpenSearchService: {Type: String, Default: es}
              OpenSearchResourceArn: {Type: String, Default: ""}
            Conditions:
              CreateDomain: !Equals [!Ref OpenSearchEndpoint, ""]
              UseServerless: !Equals [!Ref OpenSearchService, aoss]
            Resources:
              IngestFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: io.docindexer.ingest.IngestHandler::handleRequest
                  Role: !GetAtt IngestRole.Arn
                  Environment:
                    Variables:
                      OPENSEARCH_SERVICE: !Ref OpenSearchService
              IngestRole:
                Type: AWS::IAM::Role
                Properties:
                  Policies:
                    - PolicyName: ingest
                      PolicyDocument:
                        Statement:
                          - Sid: ReadDocuments
                            Effect: Allow
                            Action: s3:Get*
                            Resource: !Sub "${DocumentsBucket.Arn}/*"
                          - Sid: WriteOwnLogs
                            Effect: Allow
                            Action: [logs:CreateLogStream, logs:PutLogEvents]
                            Resource: !GetAtt IngestLogGroup.Arn
                          - Sid: NeverTheCacheSecrets
                            Effect: Deny
                            Action: s3:GetObject
                            Resource: !Sub "${ExtractionCacheBucket.Arn}/secrets/*"
                          - Sid: ReadCache
                            Effect: Allow
                            Action: s3:GetObject
                            Resource: !Sub "${ExtractionCacheBucket.Arn}/*"
              SearchAccess:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: opensearch
                  Roles: [!Ref IngestRole]
                  PolicyDocument:
                    Statement:
                      - !If
                        - UseServerless
                        - Sid: CollectionDataAccess
                          Effect: Allow
                          Action: aoss:APIAccessAll
                          Resource: !Ref OpenSearchResourceArn
                        - Sid: DomainHttpAccess
                          Effect: Allow
                          Action: es:ESHttp*
                          Resource: !If [CreateDomain, !Sub "${SearchDomain.Arn}/*", !Sub "${OpenSearchResourceArn}/*"]
              DocumentsBucket: {Type: AWS::S3::Bucket}
              ExtractionCacheBucket: {Type: AWS::S3::Bucket}
              IngestLogGroup: {Type: AWS::Logs::LogGroup}
              SearchDomain: {Type: AWS::OpenSearchService::Domain, Condition: CreateDomain}
            """);

    @Test
    void wildcardsMatchAnyRunOfCharactersOrExactlyOneAndOnlyActionsIgnoreCase() {
        assertThat(IamPattern.matchesAction("s3:Get*", "S3:GETOBJECTVERSION")).isTrue();
        assertThat(IamPattern.matchesAction("es:ESHttp*", "es:ESHttpPut")).isTrue();
        assertThat(IamPattern.matchesAction("s3:Get*", "s3:PutObject")).isFalse();
        assertThat(IamPattern.matchesResource("arn:aws:s3:::docs-?/*", "arn:aws:s3:::docs-1/a/b.pdf"))
                .isTrue();
        assertThat(IamPattern.matchesResource("arn:aws:s3:::docs-?/*", "arn:aws:s3:::docs-12/a.pdf"))
                .isFalse();
        assertThat(IamPattern.matchesResource("arn:aws:s3:::docs/*", "arn:aws:s3:::DOCS/a.pdf"))
                .isFalse();
        assertThat(IamPattern.matchesResource("*", "arn:aws:sqs:us-east-1:000000000000:q"))
                .isTrue();
        assertThat(IamPattern.matchesResource("${DocumentsBucket.Arn}/*", "${DocumentsBucket.Arn}/it/a+b.pdf"))
                .isTrue();
    }

    @Test
    void aWildcardActionAllowsEveryActionItMatchesOnTheResourcesItNames() {
        IamPolicyCheck.Findings findings = check(
                TemplateVariant.defaults(),
                s3("s3:GetObjectVersion", "arn:aws:s3:::docindexer-local/a.pdf"),
                new RecordedCall.OpenSearch(DeployedFunction.INGEST, "PUT", "/_index_template/documents"));

        assertThat(findings.failures()).isEmpty();
    }

    @Test
    void aCallNoStatementAllowsIsReportedWithTheFunctionTheActionAndTheResource() {
        IamPolicyCheck.Findings findings = check(
                TemplateVariant.defaults(),
                new RecordedCall.Aws(
                        DeployedFunction.INGEST,
                        "Sqs.SendMessage",
                        List.of(new Permission("sqs:SendMessage", "arn:aws:sqs:us-east-1:000000000000:q"))));

        assertThat(findings.denied()).singleElement().satisfies(denied -> {
            assertThat(denied.function()).isEqualTo("IngestFunction");
            assertThat(denied.action()).isEqualTo("sqs:SendMessage");
            assertThat(denied.resource()).isEqualTo("${IngestQueue.Arn}");
        });
        assertThat(findings.failures())
                .singleElement()
                .asString()
                .contains("IngestFunction", "sqs:SendMessage", "${IngestQueue.Arn}", "Sqs.SendMessage");
    }

    @Test
    void anUnusedStatementIsReportedWithoutFailingTheCheck() {
        IamPolicyCheck.Findings findings =
                check(TemplateVariant.defaults(), s3("s3:GetObject", "arn:aws:s3:::docindexer-local/a.pdf"));

        assertThat(findings.failures()).isEmpty();
        assertThat(findings.unused())
                .extracting(IamPolicyCheck.Unused::toString)
                .contains(
                        "IngestRole policy ingest, statement WriteOwnLogs: no call used it (logs:CreateLogStream, logs:PutLogEvents)",
                        "SearchAccess, statement DomainHttpAccess: no call used it (es:ESHttp*)");
    }

    @Test
    void anExplicitDenyWinsOverAnAllow() {
        IamPolicyCheck.Findings findings = check(
                TemplateVariant.defaults(),
                s3("s3:GetObject", "arn:aws:s3:::docindexer-local-cache/secrets/key"),
                s3("s3:GetObject", "arn:aws:s3:::docindexer-local-cache/extractions/key"));

        assertThat(findings.denied())
                .extracting(IamPolicyCheck.Denied::resource)
                .containsExactly("${ExtractionCacheBucket.Arn}/secrets/key");
    }

    @Test
    void fnIfKeepsOnlyTheStatementItsConditionChoosesForTheParameters() {
        RecordedCall put = new RecordedCall.OpenSearch(DeployedFunction.INGEST, "PUT", "/documents-v2");

        IamPolicyCheck.Findings serverless = check(SERVERLESS, put);
        IamPolicyCheck.Findings domain = check(TemplateVariant.defaults(), put);

        assertThat(serverless.failures()).isEmpty();
        assertThat(serverless.unused())
                .extracting(IamPolicyCheck.Unused::statement)
                .noneMatch(statement ->
                        statement.contains("DomainHttpAccess") || statement.contains("CollectionDataAccess"));
        assertThat(domain.failures()).isEmpty();
        assertThat(domain.unused())
                .extracting(IamPolicyCheck.Unused::statement)
                .noneMatch(statement ->
                        statement.contains("DomainHttpAccess") || statement.contains("CollectionDataAccess"));
    }

    @Test
    void anOpenSearchRequestNeedsTheHttpMethodsActionOnItsPathOrTheCollectionAsAWhole() {
        Map<String, Object> template = CloudFormationYaml.parse("""
                Parameters:
                  OpenSearchService: {Type: String, Default: es}
                Resources:
                  IngestFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: io.docindexer.ingest.IngestHandler::handleRequest
                      Role: !GetAtt IngestRole.Arn
                      Environment: {Variables: {OPENSEARCH_SERVICE: !Ref OpenSearchService}}
                  IngestRole:
                    Type: AWS::IAM::Role
                    Properties:
                      Policies: []
                """);
        RecordedCall bulk = new RecordedCall.OpenSearch(DeployedFunction.INGEST, "POST", "/_bulk");

        IamPolicyCheck.Findings domain = new IamPolicyCheck(template, TemplateVariant.defaults()).check(List.of(bulk));
        IamPolicyCheck.Findings collection = new IamPolicyCheck(
                        template,
                        new TemplateVariant("serverless", Map.of("OpenSearchService", "aoss"), COLLECTION_ARN))
                .check(List.of(bulk));

        assertThat(domain.denied())
                .extracting(IamPolicyCheck.Denied::action, IamPolicyCheck.Denied::resource)
                .containsExactly(tuple("es:ESHttpPost", "${SearchDomain.Arn}/_bulk"));
        assertThat(collection.denied())
                .extracting(IamPolicyCheck.Denied::action, IamPolicyCheck.Denied::resource)
                .containsExactly(tuple("aoss:APIAccessAll", COLLECTION_ARN));
    }

    @Test
    void aCallTheRecorderCouldNotMapFailsTheCheck() {
        IamPolicyCheck.Findings findings = check(
                TemplateVariant.defaults(),
                new RecordedCall.UnknownAws(
                        DeployedFunction.INGEST, "S3.DeleteObject", "DeleteObjectRequest is not mapped"));

        assertThat(findings.failures()).singleElement().asString().contains("IngestFunction", "S3.DeleteObject");
    }

    @Test
    void subSubstitutesParametersAndKeepsWhatOnlyADeploymentKnowsSymbolic() {
        TemplateResolver resolver = new TemplateResolver(TEMPLATE, Map.of("OpenSearchResourceArn", COLLECTION_ARN));

        assertThat(resolver.text(Map.of("Fn::Sub", "${OpenSearchResourceArn}/*")))
                .isEqualTo(COLLECTION_ARN + "/*");
        assertThat(resolver.text(Map.of("Fn::Sub", "arn:${AWS::Partition}:s3:::${DocumentsBucket}/${!Literal}")))
                .isEqualTo("arn:${AWS::Partition}:s3:::${DocumentsBucket}/${Literal}");
        assertThat(resolver.text(Map.of(
                        "Fn::Sub", List.of("${Name}-x", Map.of("Name", Map.of("Ref", "OpenSearchService"))))))
                .isEqualTo("es-x");
        assertThat(resolver.text(Map.of("Fn::GetAtt", List.of("DocumentsBucket", "Arn"))))
                .isEqualTo("${DocumentsBucket.Arn}");
    }

    @Test
    void anIntrinsicTheCheckCannotResolveFailsLoudly() {
        TemplateResolver resolver = new TemplateResolver(TEMPLATE, Map.of());

        assertThatThrownBy(() -> resolver.resolve(Map.of("Fn::Select", List.of(0, List.of("a")))))
                .hasMessageContaining("Fn::Select");
        assertThatThrownBy(() -> new TemplateResolver(TEMPLATE, Map.of("NoSuchParameter", "x")))
                .hasMessageContaining("NoSuchParameter");
    }

    private static IamPolicyCheck.Findings check(TemplateVariant variant, RecordedCall... calls) {
        return new IamPolicyCheck(TEMPLATE, variant).check(List.of(calls));
    }

    private static RecordedCall s3(String action, String resource) {
        return new RecordedCall.Aws(DeployedFunction.INGEST, "S3.GetObject", List.of(new Permission(action, resource)));
    }
}
