import { type ConnectorClient, ConnectorFactory } from 'botframework-connector';
import { CONNECTOR_RETRY_POLICY_NAME, type PipelinePolicy } from './connector-retry-policy.js';

/** The pipeline botframework-connector 4.23 keeps, privately, under each `ConnectorClient`. */
type Pipeline = {
  removePolicy(options: { name: string }): unknown;
  addPolicy(policy: PipelinePolicy, options: { phase: 'Retry' }): void;
};

/** The name of the retry policy `@azure/core-rest-pipeline` puts in every pipeline. */
const SDK_RETRY_POLICY_NAME = 'defaultRetryPolicy';

/**
 * Creates the SDK's connector clients and swaps their HTTP retry policy for ours. Without this the SDK
 * retries 5xx up to three times from one second on, waits for any `Retry-After` however long, and never
 * retries 412 or a 429 without `Retry-After`. `ConnectorFactoryImpl` replaces `requestPolicyFactories`
 * given in options, so the policy is put into the client's pipeline after it is built.
 */
export class RetryingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly policy: PipelinePolicy,
  ) {
    super();
  }

  override async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const client = await this.inner.create(serviceUrl, audience);
    const pipeline = (client as unknown as { client?: { pipeline?: Pipeline } }).client?.pipeline;
    if (!pipeline) {
      throw new Error(
        'botframework-connector no longer exposes ConnectorClient.client.pipeline: update bot/server/retrying-connector-factory.ts',
      );
    }
    pipeline.removePolicy({ name: SDK_RETRY_POLICY_NAME });
    pipeline.removePolicy({ name: CONNECTOR_RETRY_POLICY_NAME });
    pipeline.addPolicy(this.policy, { phase: 'Retry' });
    return client;
  }
}
