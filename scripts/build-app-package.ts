// `npm run package`: builds build/appPackage.zip, the Teams app package, from manifest/ and the
// environment (MicrosoftAppId, optional BOT_DOMAIN). Exits 1 with every problem listed when invalid.
import path from 'node:path';
import { AppPackageError } from './app-package/app-package-error.js';
import { buildAppPackage } from './app-package/build-app-package.js';

try {
  const built = await buildAppPackage({ env: process.env });
  for (const warning of built.warnings) console.warn(`Warning: ${warning}`);
  const bot = built.manifest.bots as { botId: string }[];
  console.log(
    `Wrote ${path.relative(process.cwd(), built.file)}: Teams app ${built.manifest.version}, ` +
      `manifest ${built.manifest.manifestVersion}, bot id ${bot[0]?.botId}`,
  );
} catch (error) {
  if (error instanceof AppPackageError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
