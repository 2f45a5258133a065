import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { AppPackageError } from './app-package-error.js';
import { type AppPackageFiles, checkAppPackage } from './check-app-package.js';
import { fillManifestTemplate } from './fill-manifest-template.js';
import { readAppPackageOptions } from './read-app-package-options.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A fixed time for every zip entry, so that the same inputs give the same bytes. */
const ZIP_ENTRY_TIME = new Date(2000, 0, 1);

/** Where the package comes from and where it goes; tests pass their own `env` and `outDir`. */
export type BuildAppPackageOptions = {
  env?: Record<string, string | undefined>;
  outDir?: string;
  /** The folder with manifest.json (the template), the localization files and the icons. */
  manifestDir?: string;
};

/** The package written, the manifest in it, and warnings for the operator. */
export type BuiltAppPackage = {
  file: string;
  manifest: Record<string, unknown>;
  usesPlaceholderBotId: boolean;
  warnings: string[];
};

function referencedFiles(manifest: Record<string, unknown>): string[] {
  const icons = (manifest.icons ?? {}) as Record<string, unknown>;
  const localization = (manifest.localizationInfo ?? {}) as { additionalLanguages?: { file?: unknown }[] };
  return [icons.color, icons.outline, ...(localization.additionalLanguages ?? []).map((entry) => entry.file)]
    .filter((name): name is string => typeof name === 'string')
    .filter((name, index, names) => names.indexOf(name) === index);
}

/**
 * Builds the Teams app package `appPackage.zip`: fills `manifest/manifest.json` from the configuration
 * and package.json's version, adds the icons and localization files it names, checks everything
 * offline, and zips the files flat. Throws an AppPackageError listing every problem when the package
 * would be invalid; nothing is written then.
 */
export async function buildAppPackage(options: BuildAppPackageOptions = {}): Promise<BuiltAppPackage> {
  const manifestDir = options.manifestDir ?? path.join(ROOT, 'manifest');
  const outDir = options.outDir ?? path.join(ROOT, 'build');
  const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const { values, usesPlaceholderBotId, warnings } = readAppPackageOptions(options.env ?? {}, version);
  const template: unknown = JSON.parse(await readFile(path.join(manifestDir, 'manifest.json'), 'utf8'));
  let manifest: Record<string, unknown>;
  try {
    manifest = fillManifestTemplate(template, values) as Record<string, unknown>;
  } catch (error) {
    throw new AppPackageError('Cannot fill manifest/manifest.json:', [(error as Error).message]);
  }
  const files: AppPackageFiles = {
    'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
  };
  for (const name of referencedFiles(manifest)) {
    const source = path.join(manifestDir, name);
    if (existsSync(source)) files[name] = new Uint8Array(await readFile(source));
  }
  const problems = checkAppPackage(files);
  if (problems.length > 0) {
    throw new AppPackageError('The Teams app package is invalid:', problems);
  }
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, 'appPackage.zip');
  await writeFile(file, zipSync(files, { level: 9, mtime: ZIP_ENTRY_TIME }));
  return { file, manifest, usesPlaceholderBotId, warnings };
}
