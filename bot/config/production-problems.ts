/** How to make a `CREDENTIALS_KEY`, quoted in the configuration problems about it. */
export const MAKE_CREDENTIALS_KEY = `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`;

/**
 * What `NODE_ENV=production` refuses on top of every other check, because a local run gets away with
 * it and a deployed bot does not: no authentication, a data folder inside the app (which a deployment
 * replaces; not used with `STORE=azure`), and undelivered credentials sealed with a key that a restart forgets. (Partner Center left
 * out by omission is refused beside the other Partner Center problems.)
 */
export function productionProblems(value: (name: string) => string | undefined): string[] {
  const problems: string[] = [];
  if (value('MicrosoftAppId') === undefined) {
    problems.push(
      '- MicrosoftAppId: must be set when NODE_ENV=production; without it requests are not authenticated',
    );
  }
  if (value('DATA_DIR') === undefined && (value('STORE') ?? 'json') === 'json') {
    problems.push(
      '- DATA_DIR: must be set when NODE_ENV=production with the JSON store, to a folder that outlives the app (such as /home/data on Azure App Service); the default ./data is inside the app, which a deployment replaces',
    );
  }
  if (value('CREDENTIALS_KEY') === undefined) {
    problems.push(
      `- CREDENTIALS_KEY: must be set when NODE_ENV=production, so that admin credentials not yet delivered survive a restart; make one with ${MAKE_CREDENTIALS_KEY}`,
    );
  }
  return problems;
}
