package dev.ficus.lint.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The IAM actions each SAM policy template grants, so a monolith's finding can say how much wider
 * than its need a template is. Derived from the SAM translator's policy_templates.json
 * (aws/serverless-application-model, Apache-2.0); regenerate when SAM adds templates.
 */
final class SamPolicyTemplates {

  private static final Map<String, List<String>> ACTIONS = load();

  private SamPolicyTemplates() {}

  /** The actions a template grants (wildcards as written), or empty for an unknown name. */
  static Optional<List<String>> actions(String template) {
    return Optional.ofNullable(ACTIONS.get(template));
  }

  private static Map<String, List<String>> load() {
    Map<String, List<String>> m = new TreeMap<>();
    m.put("AMIDescribePolicy", List.of("ec2:DescribeImages"));
    m.put("AWSSecretsManagerGetSecretValuePolicy", List.of("secretsmanager:GetSecretValue"));
    m.put("AWSSecretsManagerRotationPolicy", List.of("secretsmanager:DescribeSecret", "secretsmanager:GetRandomPassword", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"));
    m.put("AcmGetCertificatePolicy", List.of("acm:GetCertificate"));
    m.put("AthenaQueryPolicy", List.of("athena:BatchGetNamedQuery", "athena:BatchGetQueryExecution", "athena:CreateNamedQuery", "athena:DeleteNamedQuery", "athena:GetCatalogs", "athena:GetExecutionEngine", "athena:GetExecutionEngines", "athena:GetNamedQuery", "athena:GetNamespace", "athena:GetNamespaces", "athena:GetQueryExecution", "athena:GetQueryResults", "athena:GetQueryResultsStream", "athena:GetTable", "athena:GetTables", "athena:GetWorkGroup", "athena:ListNamedQueries", "athena:ListQueryExecutions", "athena:ListWorkGroups", "athena:StartQueryExecution", "athena:StopQueryExecution"));
    m.put("CloudFormationDescribeStacksPolicy", List.of("cloudformation:DescribeStacks"));
    m.put("CloudWatchDashboardPolicy", List.of("cloudwatch:GetDashboard", "cloudwatch:ListDashboards", "cloudwatch:ListMetrics", "cloudwatch:PutDashboard"));
    m.put("CloudWatchDescribeAlarmHistoryPolicy", List.of("cloudwatch:DescribeAlarmHistory"));
    m.put("CloudWatchPutMetricPolicy", List.of("cloudwatch:PutMetricData"));
    m.put("CodeCommitCrudPolicy", List.of("codecommit:BatchDescribeMergeConflicts", "codecommit:BatchGetCommits", "codecommit:BatchGetPullRequests", "codecommit:CancelUploadArchive", "codecommit:CreateBranch", "codecommit:CreateCommit", "codecommit:CreatePullRequest", "codecommit:CreateUnreferencedMergeCommit", "codecommit:DeleteBranch", "codecommit:DeleteCommentContent", "codecommit:DeleteFile", "codecommit:DescribeMergeConflicts", "codecommit:DescribePullRequestEvents", "codecommit:GetBlob", "codecommit:GetBranch", "codecommit:GetComment", "codecommit:GetCommentsForComparedCommit", "codecommit:GetCommentsForPullRequest", "codecommit:GetCommit", "codecommit:GetCommitHistory", "codecommit:GetCommitsFromMergeBase", "codecommit:GetDifferences", "codecommit:GetFile", "codecommit:GetFolder", "codecommit:GetMergeCommit", "codecommit:GetMergeConflicts", "codecommit:GetMergeOptions", "codecommit:GetObjectIdentifier", "codecommit:GetPullRequest", "codecommit:GetReferences", "codecommit:GetRepository", "codecommit:GetRepositoryTriggers", "codecommit:GetTree", "codecommit:GetUploadArchiveStatus", "codecommit:GitPull", "codecommit:GitPush", "codecommit:ListBranches", "codecommit:ListPullRequests", "codecommit:ListTagsForResource", "codecommit:MergeBranchesByFastForward", "codecommit:MergeBranchesBySquash", "codecommit:MergeBranchesByThreeWay", "codecommit:MergePullRequestByFastForward", "codecommit:MergePullRequestBySquash", "codecommit:MergePullRequestByThreeWay", "codecommit:PostCommentForComparedCommit", "codecommit:PostCommentForPullRequest", "codecommit:PostCommentReply", "codecommit:PutFile", "codecommit:PutRepositoryTriggers", "codecommit:TagResource", "codecommit:TestRepositoryTriggers", "codecommit:UntagResource", "codecommit:UpdateComment", "codecommit:UpdateDefaultBranch", "codecommit:UpdatePullRequestDescription", "codecommit:UpdatePullRequestStatus", "codecommit:UpdatePullRequestTitle", "codecommit:UpdateRepositoryDescription", "codecommit:UploadArchive"));
    m.put("CodeCommitReadPolicy", List.of("codecommit:BatchDescribeMergeConflicts", "codecommit:BatchGetCommits", "codecommit:BatchGetPullRequests", "codecommit:DescribeMergeConflicts", "codecommit:DescribePullRequestEvents", "codecommit:GetBlob", "codecommit:GetBranch", "codecommit:GetComment", "codecommit:GetCommentsForComparedCommit", "codecommit:GetCommentsForPullRequest", "codecommit:GetCommit", "codecommit:GetCommitHistory", "codecommit:GetCommitsFromMergeBase", "codecommit:GetDifferences", "codecommit:GetFile", "codecommit:GetFolder", "codecommit:GetMergeCommit", "codecommit:GetMergeConflicts", "codecommit:GetMergeOptions", "codecommit:GetObjectIdentifier", "codecommit:GetPullRequest", "codecommit:GetReferences", "codecommit:GetRepository", "codecommit:GetRepositoryTriggers", "codecommit:GetTree", "codecommit:GetUploadArchiveStatus", "codecommit:GitPull", "codecommit:ListBranches", "codecommit:ListPullRequests", "codecommit:ListTagsForResource", "codecommit:TestRepositoryTriggers"));
    m.put("CodePipelineLambdaExecutionPolicy", List.of("codepipeline:PutJobFailureResult", "codepipeline:PutJobSuccessResult"));
    m.put("CodePipelineReadOnlyPolicy", List.of("codepipeline:ListPipelineExecutions"));
    m.put("ComprehendBasicAccessPolicy", List.of("comprehend:BatchDetectDominantLanguage", "comprehend:BatchDetectEntities", "comprehend:BatchDetectKeyPhrases", "comprehend:BatchDetectSentiment", "comprehend:DetectDominantLanguage", "comprehend:DetectEntities", "comprehend:DetectKeyPhrases", "comprehend:DetectSentiment"));
    m.put("CostExplorerReadOnlyPolicy", List.of("ce:GetCostAndUsage", "ce:GetDimensionValues", "ce:GetReservationCoverage", "ce:GetReservationPurchaseRecommendation", "ce:GetReservationUtilization", "ce:GetTags"));
    m.put("DynamoDBBackupFullAccessPolicy", List.of("dynamodb:CreateBackup", "dynamodb:DeleteBackup", "dynamodb:DescribeBackup", "dynamodb:DescribeContinuousBackups", "dynamodb:ListBackups"));
    m.put("DynamoDBCrudPolicy", List.of("dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem", "dynamodb:DeleteItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:UpdateItem"));
    m.put("DynamoDBReadPolicy", List.of("dynamodb:BatchGetItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"));
    m.put("DynamoDBReconfigurePolicy", List.of("dynamodb:UpdateTable"));
    m.put("DynamoDBRestoreFromBackupPolicy", List.of("dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:RestoreTableFromBackup", "dynamodb:Scan", "dynamodb:UpdateItem"));
    m.put("DynamoDBStreamReadPolicy", List.of("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"));
    m.put("DynamoDBWritePolicy", List.of("dynamodb:BatchWriteItem", "dynamodb:PutItem", "dynamodb:UpdateItem"));
    m.put("EC2CopyImagePolicy", List.of("ec2:CopyImage"));
    m.put("EC2DescribePolicy", List.of("ec2:DescribeInstances", "ec2:DescribeRegions"));
    m.put("EFSWriteAccessPolicy", List.of("elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"));
    m.put("EKSDescribePolicy", List.of("eks:DescribeCluster", "eks:ListClusters"));
    m.put("EcsRunTaskPolicy", List.of("ecs:RunTask"));
    m.put("ElasticMapReduceAddJobFlowStepsPolicy", List.of("elasticmapreduce:AddJobFlowSteps"));
    m.put("ElasticMapReduceCancelStepsPolicy", List.of("elasticmapreduce:CancelSteps"));
    m.put("ElasticMapReduceModifyInstanceFleetPolicy", List.of("elasticmapreduce:ListInstanceFleets", "elasticmapreduce:ModifyInstanceFleet"));
    m.put("ElasticMapReduceModifyInstanceGroupsPolicy", List.of("elasticmapreduce:ListInstanceGroups", "elasticmapreduce:ModifyInstanceGroups"));
    m.put("ElasticMapReduceSetTerminationProtectionPolicy", List.of("elasticmapreduce:SetTerminationProtection"));
    m.put("ElasticMapReduceTerminateJobFlowsPolicy", List.of("elasticmapreduce:TerminateJobFlows"));
    m.put("ElasticsearchHttpPostPolicy", List.of("es:ESHttpPost", "es:ESHttpPut"));
    m.put("EventBridgePutEventsPolicy", List.of("events:PutEvents"));
    m.put("FilterLogEventsPolicy", List.of("logs:FilterLogEvents"));
    m.put("FirehoseCrudPolicy", List.of("firehose:CreateDeliveryStream", "firehose:DeleteDeliveryStream", "firehose:DescribeDeliveryStream", "firehose:PutRecord", "firehose:PutRecordBatch", "firehose:UpdateDestination"));
    m.put("FirehoseWritePolicy", List.of("firehose:PutRecord", "firehose:PutRecordBatch"));
    m.put("KMSDecryptPolicy", List.of("kms:Decrypt"));
    m.put("KMSEncryptPolicy", List.of("kms:Encrypt"));
    m.put("KMSEncryptPolicy_v2", List.of("kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyPair", "kms:GenerateDataKeyPairWithoutPlaintext", "kms:GenerateDataKeyWithoutPlaintext"));
    m.put("KinesisCrudPolicy", List.of("kinesis:AddTagsToStream", "kinesis:CreateStream", "kinesis:DecreaseStreamRetentionPeriod", "kinesis:DeleteStream", "kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetShardIterator", "kinesis:IncreaseStreamRetentionPeriod", "kinesis:ListTagsForStream", "kinesis:MergeShards", "kinesis:PutRecord", "kinesis:PutRecords", "kinesis:RemoveTagsFromStream", "kinesis:SplitShard"));
    m.put("KinesisStreamReadPolicy", List.of("kinesis:DescribeLimits", "kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListStreams"));
    m.put("LambdaInvokePolicy", List.of("lambda:InvokeFunction"));
    m.put("MobileAnalyticsWriteOnlyAccessPolicy", List.of("mobileanalytics:PutEvents"));
    m.put("OrganizationsListAccountsPolicy", List.of("organizations:ListAccounts"));
    m.put("PinpointEndpointAccessPolicy", List.of("mobiletargeting:GetEndpoint", "mobiletargeting:UpdateEndpoint", "mobiletargeting:UpdateEndpointsBatch"));
    m.put("PollyFullAccessPolicy", List.of("polly:DeleteLexicon", "polly:DescribeVoices", "polly:GetLexicon", "polly:ListLexicons", "polly:PutLexicon", "polly:SynthesizeSpeech"));
    m.put("RekognitionDetectOnlyPolicy", List.of("rekognition:DetectFaces", "rekognition:DetectLabels", "rekognition:DetectModerationLabels", "rekognition:DetectText"));
    m.put("RekognitionFacesManagementPolicy", List.of("rekognition:DeleteFaces", "rekognition:IndexFaces", "rekognition:ListFaces", "rekognition:SearchFaces", "rekognition:SearchFacesByImage"));
    m.put("RekognitionFacesPolicy", List.of("rekognition:CompareFaces", "rekognition:DetectFaces"));
    m.put("RekognitionLabelsPolicy", List.of("rekognition:DetectLabels", "rekognition:DetectModerationLabels"));
    m.put("RekognitionNoDataAccessPolicy", List.of("rekognition:CompareFaces", "rekognition:DetectFaces", "rekognition:DetectLabels", "rekognition:DetectModerationLabels"));
    m.put("RekognitionReadPolicy", List.of("rekognition:ListCollections", "rekognition:ListFaces", "rekognition:SearchFaces", "rekognition:SearchFacesByImage"));
    m.put("RekognitionWriteOnlyAccessPolicy", List.of("rekognition:CreateCollection", "rekognition:IndexFaces"));
    m.put("Route53ChangeResourceRecordSetsPolicy", List.of("route53:ChangeResourceRecordSets"));
    m.put("S3CrudPolicy", List.of("s3:DeleteObject", "s3:GetBucketLocation", "s3:GetLifecycleConfiguration", "s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket", "s3:PutLifecycleConfiguration", "s3:PutObject", "s3:PutObjectAcl"));
    m.put("S3FullAccessPolicy", List.of("s3:DeleteObject", "s3:DeleteObjectTagging", "s3:DeleteObjectVersionTagging", "s3:GetBucketLocation", "s3:GetLifecycleConfiguration", "s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectTagging", "s3:GetObjectVersion", "s3:GetObjectVersionTagging", "s3:ListBucket", "s3:PutLifecycleConfiguration", "s3:PutObject", "s3:PutObjectAcl", "s3:PutObjectTagging", "s3:PutObjectVersionTagging"));
    m.put("S3ReadPolicy", List.of("s3:GetBucketLocation", "s3:GetLifecycleConfiguration", "s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket"));
    m.put("S3WritePolicy", List.of("s3:PutLifecycleConfiguration", "s3:PutObject", "s3:PutObjectAcl"));
    m.put("SESBulkTemplatedCrudPolicy", List.of("ses:GetIdentityVerificationAttributes", "ses:SendBulkTemplatedEmail", "ses:SendEmail", "ses:SendRawEmail", "ses:SendTemplatedEmail", "ses:VerifyEmailIdentity"));
    m.put("SESBulkTemplatedCrudPolicy_v2", List.of("ses:GetIdentityVerificationAttributes", "ses:SendBulkTemplatedEmail", "ses:SendEmail", "ses:SendRawEmail", "ses:SendTemplatedEmail", "ses:VerifyEmailIdentity"));
    m.put("SESCrudPolicy", List.of("ses:GetIdentityVerificationAttributes", "ses:SendEmail", "ses:SendRawEmail", "ses:VerifyEmailIdentity"));
    m.put("SESEmailTemplateCrudPolicy", List.of("ses:CreateTemplate", "ses:DeleteTemplate", "ses:GetTemplate", "ses:ListTemplates", "ses:TestRenderTemplate", "ses:UpdateTemplate"));
    m.put("SESSendBouncePolicy", List.of("ses:SendBounce"));
    m.put("SNSCrudPolicy", List.of("sns:CreateTopic", "sns:ListSubscriptionsByTopic", "sns:Publish", "sns:SetTopicAttributes", "sns:Subscribe"));
    m.put("SNSPublishMessagePolicy", List.of("sns:Publish"));
    m.put("SQSPollerPolicy", List.of("sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch", "sqs:DeleteMessage", "sqs:DeleteMessageBatch", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"));
    m.put("SQSSendMessagePolicy", List.of("sqs:SendMessage*"));
    m.put("SSMParameterReadPolicy", List.of("ssm:DescribeParameters", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"));
    m.put("SSMParameterWithSlashPrefixReadPolicy", List.of("ssm:DescribeParameters", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"));
    m.put("SageMakerCreateEndpointConfigPolicy", List.of("sagemaker:CreateEndpointConfig"));
    m.put("SageMakerCreateEndpointPolicy", List.of("sagemaker:CreateEndpoint"));
    m.put("ServerlessRepoReadWriteAccessPolicy", List.of("serverlessrepo:CreateApplication", "serverlessrepo:CreateApplicationVersion", "serverlessrepo:GetApplication", "serverlessrepo:ListApplicationDependencies", "serverlessrepo:ListApplicationVersions", "serverlessrepo:ListApplications", "serverlessrepo:UpdateApplication"));
    m.put("StepFunctionsCallbackPolicy", List.of("states:SendTaskFailure", "states:SendTaskHeartbeat", "states:SendTaskSuccess"));
    m.put("StepFunctionsExecutionPolicy", List.of("states:StartExecution"));
    m.put("StepFunctionsExecutionPolicy_v2", List.of("states:StartExecution", "states:StartSyncExecution"));
    m.put("TextractDetectAnalyzePolicy", List.of("textract:AnalyzeDocument", "textract:DetectDocumentText", "textract:StartDocumentAnalysis", "textract:StartDocumentTextDetection"));
    m.put("TextractGetResultPolicy", List.of("textract:GetDocumentAnalysis", "textract:GetDocumentTextDetection"));
    m.put("TextractPolicy", List.of("textract:*"));
    m.put("VPCAccessPolicy", List.of("ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DetachNetworkInterface"));
    return m;
  }
}
