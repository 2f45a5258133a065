import { ConfigError, loadConfig } from './config/load-config.js';
import { createApp } from './create-app.js';
import { describeError } from './logging/describe-error.js';

/** Why the bot could not start, in words an operator can act on; no stack trace. */
function startupProblem(error: unknown, config: { host: string; port: number } | undefined): string {
  if (error instanceof ConfigError) return error.message;
  const { code } = error as { code?: string };
  if (config && code === 'EADDRINUSE') {
    return `Cannot listen on ${config.host}:${config.port}: another process is using that port. Stop it, or set PORT to a free port.`;
  }
  if (config && code === 'EACCES') {
    return `Cannot listen on ${config.host}:${config.port}: not allowed (ports below 1024 need privileges). Set PORT to 1024 or above.`;
  }
  return `add-customer-bot could not start: ${String(describeError(error).message)}`;
}

let config: ReturnType<typeof loadConfig> | undefined;
try {
  config = loadConfig();
  const app = await createApp(config, { onDataFolderLockLost: () => process.exit(1) });
  const url = await app.listen(config.port, config.host);
  app.logger.info(
    {
      url: `${url}/api/messages`,
      dataDir: config.dataDir,
      authentication: config.localOnly ? 'off (no MicrosoftAppId: local development only)' : 'on',
      customers: config.partnerCenter
        ? `created in Partner Center operated by 21Vianet at ${config.partnerCenter.endpoint}`
        : 'created in the local store only (no PARTNER_CENTER_CLIENT_ID): no customer reaches Partner Center',
      credentials: config.credentialsKey
        ? 'undelivered ones sealed with CREDENTIALS_KEY in DATA_DIR/outbox'
        : 'undelivered ones sealed with a key in memory only (no CREDENTIALS_KEY): a restart before delivery loses them',
      approval:
        config.approverIds.length > 0
          ? `on (${config.approverIds.length} approvers)`
          : 'off (no APPROVER_IDS: Submit creates the customer at once)',
    },
    'add-customer-bot is listening',
  );
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      app.logger.info({ signal }, 'already stopping: turns in flight are finishing');
      return;
    }
    stopping = true;
    app.logger.info({ signal }, 'stopping: no new connections; turns in flight are finishing');
    app.close().then(
      () => {
        app.logger.info('stopped: the data folder is released');
        process.exit(0);
      },
      (error: unknown) => {
        app.logger.error({ error: describeError(error) }, 'the server did not close cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(startupProblem(error, config));
  process.exit(1);
}
