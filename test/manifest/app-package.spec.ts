import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { matchCommand } from '../../bot/commands/match-command.js';
import { AppPackageError } from '../../scripts/app-package/app-package-error.js';
import { buildAppPackage } from '../../scripts/app-package/build-app-package.js';
import { loadManifestSchemas } from '../../scripts/app-package/manifest-schemas.js';
import { PLACEHOLDER_BOT_ID } from '../../scripts/app-package/read-app-package-options.js';
import { readPngHeader } from '../../scripts/app-package/read-png-header.js';

const APP_ID = '3f2a8c1e-5b7d-4e9f-a1c2-0d4e6f8a9b1c';
const MANIFEST_DIR = path.resolve('manifest');

type Json = Record<string, unknown>;
type Command = { title: string; description: string };

function json(files: Record<string, Uint8Array>, name: string): Json {
  const bytes = files[name];
  assert.ok(bytes, `${name} is in the zip`);
  return JSON.parse(new TextDecoder().decode(bytes)) as Json;
}

function commandsOf(manifest: Json): Command[] {
  const [bot] = manifest.bots as { commandLists: { commands: Command[] }[] }[];
  return bot?.commandLists.flatMap((list) => list.commands) ?? [];
}

describe('buildAppPackage', () => {
  let tempDir: string;

  beforeEach(async () => {
    tempDir = await mkdtemp(path.join(tmpdir(), 'app-package-'));
  });

  afterEach(async () => {
    await rm(tempDir, { recursive: true, force: true });
  });

  async function copyOfManifestDir(): Promise<string> {
    const dir = path.join(tempDir, 'manifest');
    await cp(MANIFEST_DIR, dir, { recursive: true });
    return dir;
  }

  describe('with a valid configuration', () => {
    let files: Record<string, Uint8Array>;
    let manifest: Json;
    let warnings: string[];

    beforeEach(async () => {
      const built = await buildAppPackage({
        env: { MicrosoftAppId: APP_ID, BOT_DOMAIN: 'bot.contoso.cn' },
        outDir: path.join(tempDir, 'build'),
      });
      files = unzipSync(await readFile(built.file));
      manifest = json(files, 'manifest.json');
      warnings = built.warnings;
    });

    it('should write appPackage.zip with the manifest, the icons and the zh-cn file at its root', () => {
      assert.deepEqual(Object.keys(files).sort(), [
        'color.png',
        'manifest.json',
        'outline.png',
        'zh-cn.json',
      ]);
    });

    it('should write a manifest that passes the Teams schema of its manifestVersion', () => {
      const schemas = loadManifestSchemas(String(manifest.manifestVersion));

      assert.ok(schemas, `a schema for manifestVersion ${manifest.manifestVersion}`);
      assert.deepEqual(schemas.manifest(manifest), []);
      assert.equal(
        manifest.$schema,
        `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
      );
    });

    it('should write a zh-cn file that passes the localization schema', () => {
      const schemas = loadManifestSchemas(String(manifest.manifestVersion));

      assert.deepEqual(schemas?.localization(json(files, 'zh-cn.json')), []);
      assert.deepEqual(manifest.localizationInfo, {
        defaultLanguageTag: 'en-us',
        additionalLanguages: [{ languageTag: 'zh-cn', file: 'zh-cn.json' }],
      });
    });

    it('should translate the name, the description and every command into Chinese', () => {
      const zh = json(files, 'zh-cn.json');
      const keys = commandsOf(manifest).flatMap((_command, index) =>
        ['title', 'description'].map((field) => `bots[0].commandLists[0].commands[${index}].${field}`),
      );

      for (const key of ['name.short', 'name.full', 'description.short', 'description.full', ...keys]) {
        assert.match(String(zh[key]), /\p{Script=Han}/u, `${key} is translated`);
      }
      assert.deepEqual(
        commandsOf(manifest).map((command) => command.title),
        ['add customer', 'add subscription', 'customers', 'help'],
      );
    });

    it('should only offer command titles the bot understands, in both languages', () => {
      const zh = json(files, 'zh-cn.json');
      const titles = commandsOf(manifest).flatMap((command, index) => [
        command.title,
        String(zh[`bots[0].commandLists[0].commands[${index}].title`]),
      ]);

      assert.deepEqual(
        titles.filter((title) => matchCommand(title) === undefined),
        [],
      );
    });

    it('should have a 192x192 colour icon and a transparent 32x32 outline icon', () => {
      const color = readPngHeader(files['color.png'] ?? new Uint8Array());
      const outline = readPngHeader(files['outline.png'] ?? new Uint8Array());

      assert.deepEqual([color?.width, color?.height], [192, 192]);
      assert.deepEqual([outline?.width, outline?.height, outline?.hasAlpha], [32, 32, true]);
    });

    it('should use the configured bot id, BOT_DOMAIN and the version of package.json', () => {
      const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
      const [bot] = manifest.bots as { botId: string; scopes: string[] }[];

      assert.equal(bot?.botId, APP_ID);
      assert.equal(manifest.id, APP_ID);
      assert.deepEqual(bot?.scopes, ['personal', 'team', 'groupChat']);
      assert.deepEqual(manifest.validDomains, ['bot.contoso.cn']);
      assert.equal(manifest.version, version);
      assert.deepEqual(warnings, []);
    });
  });

  it('should use a placeholder bot id, no valid domain and warn when MicrosoftAppId is not set', async () => {
    const built = await buildAppPackage({ env: { MicrosoftAppId: ' ' }, outDir: tempDir });

    const manifest = json(unzipSync(await readFile(built.file)), 'manifest.json');

    assert.equal((manifest.bots as { botId: string }[])[0]?.botId, PLACEHOLDER_BOT_ID);
    assert.deepEqual(manifest.validDomains, []);
    assert.equal(built.usesPlaceholderBotId, true);
    assert.match(built.warnings.join('\n'), /MicrosoftAppId is not set.*only for a local try-out/);
  });

  it('should fail naming MicrosoftAppId when it is not a GUID, and write nothing', async () => {
    await assert.rejects(
      buildAppPackage({ env: { MicrosoftAppId: 'not-a-guid' }, outDir: tempDir }),
      (error: unknown) =>
        error instanceof AppPackageError &&
        /^- MicrosoftAppId: must be your Azure Bot's app id, a GUID/m.test(error.message),
    );
    assert.equal(existsSync(path.join(tempDir, 'appPackage.zip')), false);
  });

  it('should fail listing every schema error when the manifest template is invalid', async () => {
    const manifestDir = await copyOfManifestDir();
    const template = JSON.parse(await readFile(path.join(manifestDir, 'manifest.json'), 'utf8')) as Json;
    const [bot] = template.bots as Json[];
    await writeFile(
      path.join(manifestDir, 'manifest.json'),
      JSON.stringify({
        ...template,
        accentColor: 'blue',
        bots: [{ ...bot, scopes: ['everywhere'] }],
        extra: 1,
      }),
    );

    const failure = buildAppPackage({ env: {}, outDir: tempDir, manifestDir });

    await assert.rejects(failure, (error: unknown) => {
      assert.ok(error instanceof AppPackageError);
      assert.match(error.message, /^The Teams app package is invalid:$/m);
      assert.match(error.message, /^- manifest\.json \/accentColor must match pattern/m);
      assert.match(error.message, /^- manifest\.json \/ must NOT have additional properties: extra$/m);
      assert.match(
        error.message,
        /^- manifest\.json \/bots\/0\/scopes\/0 must be equal to one of the allowed/m,
      );
      return true;
    });
  });

  it('should fail when an icon has the wrong size or a command has no Chinese translation', async () => {
    const manifestDir = await copyOfManifestDir();
    await cp(path.join(manifestDir, 'color.png'), path.join(manifestDir, 'outline.png'));
    const zh = JSON.parse(await readFile(path.join(manifestDir, 'zh-cn.json'), 'utf8')) as Json;
    delete zh['bots[0].commandLists[0].commands[3].description'];
    await writeFile(path.join(manifestDir, 'zh-cn.json'), JSON.stringify(zh));

    const failure = buildAppPackage({ env: {}, outDir: tempDir, manifestDir });

    await assert.rejects(failure, (error: unknown) => {
      assert.ok(error instanceof AppPackageError);
      assert.deepEqual(error.problems, [
        'icons.outline: outline.png is 192x192, must be 32x32',
        'icons.outline: outline.png has no alpha channel; it must be white on transparent',
        'zh-cn.json: no translation of bots[0].commandLists[0].commands[3].description',
      ]);
      return true;
    });
  });
});
