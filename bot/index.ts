import { ConfigError, loadConfig } from './config/load-config.js';
import { createApp } from './create-app.js';

try {
  const config = loadConfig();
  const app = await createApp(config);
  const url = await app.listen(config.port, config.host);
  app.logger.info(
    {
      url: `${url}/api/messages`,
      dataDir: config.dataDir,
      authentication: config.localOnly ? 'off (no MicrosoftAppId: local development only)' : 'on',
      approval:
        config.approverIds.length > 0
          ? `on (${config.approverIds.length} approvers)`
          : 'off (no APPROVER_IDS: Submit creates the customer at once)',
    },
    'add-customer-bot is listening',
  );
  const stop = () => {
    app.logger.info('stopping');
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
