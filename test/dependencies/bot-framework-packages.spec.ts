import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { botFrameworkPackageProblems } from './bot-framework-package-problems.js';
import { findInstalledCopies } from './find-installed-copies.js';

const ROOT = process.cwd();
const SOURCE_FOLDERS = ['bot', 'cards', 'store', 'test', 'scripts', 'bench'];
const isBotFramework = (name: string) => /^(botbuilder|botframework-)/.test(name);

type Manifest = { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };

async function botFrameworkPins(): Promise<Record<string, string>> {
  const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const all = { ...manifest.dependencies, ...manifest.devDependencies };
  return Object.fromEntries(Object.entries(all).filter(([name]) => isBotFramework(name)));
}

/** The Bot Framework packages the project's own TypeScript imports, by package name. */
async function importedBotFrameworkPackages(): Promise<Set<string>> {
  const imported = new Set<string>();
  for (const folder of SOURCE_FOLDERS) {
    const entries = await readdir(path.join(ROOT, folder), { recursive: true, withFileTypes: true });
    for (const entry of entries.filter((file) => file.isFile() && file.name.endsWith('.ts'))) {
      const source = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
      for (const [, name = ''] of source.matchAll(
        /(?:from|import)\s*\(?\s*'((?:botbuilder|botframework-)[^/']*)/g,
      )) {
        imported.add(name);
      }
    }
  }
  return imported;
}

describe('the Bot Framework packages', () => {
  it('should each be installed once, at the one exact version package.json pins', async () => {
    // Arrange
    const pins = await botFrameworkPins();

    // Act
    const installed = await findInstalledCopies(ROOT, isBotFramework);

    // Assert
    assert.ok(installed.length >= 3, `only ${installed.length} Bot Framework packages found in node_modules`);
    const problems = botFrameworkPackageProblems(pins, installed);
    assert.deepEqual(problems, [], problems.join('\n'));
  });

  it('should all be pinned in package.json when the code imports them', async () => {
    // Arrange
    const pins = await botFrameworkPins();

    // Act
    const imported = await importedBotFrameworkPackages();

    // Assert
    assert.ok(
      imported.has('botbuilder'),
      'the import scan found no botbuilder import: is it reading the sources?',
    );
    assert.deepEqual(
      [...imported].filter((name) => !(name in pins)),
      [],
      'imported but not pinned in package.json',
    );
  });
});

describe('botFrameworkPackageProblems', () => {
  const pins = { botbuilder: '4.23.3', 'botframework-connector': '4.23.3' };
  const copy = (name: string, version: string, folder = `node_modules/${name}`) => ({
    name,
    version,
    folder,
  });

  it('should name a package installed twice, and each of its copies', () => {
    // Act
    const problems = botFrameworkPackageProblems(pins, [
      copy('botbuilder', '4.23.3'),
      copy('botframework-connector', '4.23.3'),
      copy('botframework-schema', '4.23.3'),
      copy('botframework-schema', '4.22.1', 'node_modules/botbuilder/node_modules/botframework-schema'),
    ]);

    // Assert
    assert.deepEqual(problems, [
      'botframework-schema is installed 2 times: 4.23.3 in node_modules/botframework-schema, 4.22.1 in node_modules/botbuilder/node_modules/botframework-schema',
      'botframework-schema 4.22.1 in node_modules/botbuilder/node_modules/botframework-schema is not from the pinned release 4.23.3',
    ]);
  });

  it('should refuse a range, a second release, a missing package and a version other than the pin', () => {
    // Act
    const problems = botFrameworkPackageProblems(
      { botbuilder: '^4.23.3', 'botbuilder-dialogs': '4.22.0', 'botframework-connector': '4.23.3' },
      [
        copy('botbuilder', '4.23.4'),
        copy('botbuilder-dialogs', '4.22.0'),
        copy('botbuilder-stdlib', '4.23.3-internal'),
      ],
    );

    // Assert
    assert.deepEqual(problems, [
      'botbuilder is pinned as "^4.23.3", not one exact version',
      'the pins name several releases: ^4.23.3, 4.22.0, 4.23.3',
      'botframework-connector is pinned but not installed',
      'botbuilder 4.23.4 in node_modules/botbuilder is not its pinned version ^4.23.3',
      'botbuilder-stdlib 4.23.3-internal in node_modules/botbuilder-stdlib is not from the pinned release ^4.23.3',
    ]);
  });

  it('should accept one copy of each, at the pin or a tagged build of the same release', () => {
    // Act
    const problems = botFrameworkPackageProblems(pins, [
      copy('botbuilder', '4.23.3'),
      copy('botframework-connector', '4.23.3'),
      copy('botbuilder-stdlib', '4.23.3-internal'),
      copy('botbuilder-dialogs-adaptive-runtime-core', '4.23.3-preview'),
    ]);

    // Assert
    assert.deepEqual(problems, []);
  });
});
