import { loadManifestSchemas } from './manifest-schemas.js';
import { readPngHeader } from './read-png-header.js';

/** The files of an app package by name, as they are (or will be) at the root of the zip. */
export type AppPackageFiles = Record<string, Uint8Array>;

type Json = Record<string, unknown>;

const ICONS = [
  { key: 'color', size: 192, needsAlpha: false },
  { key: 'outline', size: 32, needsAlpha: true },
] as const;

function parseJson(files: AppPackageFiles, name: string, problems: string[]): Json | undefined {
  const bytes = files[name];
  if (!bytes) {
    problems.push(`${name} is not in the package`);
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Json;
    problems.push(`${name} is not a JSON object`);
  } catch (error) {
    problems.push(`${name} is not valid JSON: ${(error as Error).message}`);
  }
  return undefined;
}

function checkIcons(manifest: Json, files: AppPackageFiles, problems: string[]): void {
  const icons = (manifest.icons ?? {}) as Record<string, unknown>;
  for (const icon of ICONS) {
    const name = icons[icon.key];
    if (typeof name !== 'string') continue;
    const bytes = files[name];
    const header = bytes && readPngHeader(bytes);
    if (!header) {
      problems.push(`icons.${icon.key}: ${name} ${bytes ? 'is not a PNG' : 'is not in the package'}`);
      continue;
    }
    if (header.width !== icon.size || header.height !== icon.size) {
      problems.push(
        `icons.${icon.key}: ${name} is ${header.width}x${header.height}, must be ${icon.size}x${icon.size}`,
      );
    }
    if (icon.needsAlpha && !header.hasAlpha) {
      problems.push(`icons.${icon.key}: ${name} has no alpha channel; it must be white on transparent`);
    }
  }
}

/** The localizable texts of the manifest's bot commands, keyed as a localization file keys them. */
function commandTextKeys(manifest: Json): string[] {
  const bots = Array.isArray(manifest.bots) ? (manifest.bots as Json[]) : [];
  return bots.flatMap((bot, b) =>
    ((bot.commandLists ?? []) as Json[]).flatMap((list, l) =>
      ((list.commands ?? []) as Json[]).flatMap((command, c) =>
        ['title', 'description']
          .filter((field) => typeof command[field] === 'string')
          .map((field) => `bots[${b}].commandLists[${l}].commands[${c}].${field}`),
      ),
    ),
  );
}

function checkTranslations(manifest: Json, file: string, texts: Json, problems: string[]): void {
  const commandKeys = commandTextKeys(manifest);
  for (const key of commandKeys) {
    if (typeof texts[key] !== 'string') problems.push(`${file}: no translation of ${key}`);
  }
  for (const key of Object.keys(texts).filter((name) => name.startsWith('bots['))) {
    if (!commandKeys.includes(key)) problems.push(`${file}: ${key} translates nothing in manifest.json`);
  }
}

/**
 * Checks an app package before it is zipped (or after it is unzipped): manifest.json against the Teams
 * schema of its `manifestVersion`, each localization file against the localization schema and for a
 * translation of every command, and the icons' sizes and transparency. Returns every problem found.
 */
export function checkAppPackage(files: AppPackageFiles): string[] {
  const problems: string[] = [];
  const manifest = parseJson(files, 'manifest.json', problems);
  if (!manifest) return problems;
  const version = String(manifest.manifestVersion);
  const schemas = loadManifestSchemas(version);
  if (!schemas) {
    return [`manifest.json: manifestVersion ${version} has no schema in @microsoft/app-manifest`];
  }
  problems.push(...schemas.manifest(manifest).map((error) => `manifest.json ${error}`));
  checkIcons(manifest, files, problems);
  const localization = (manifest.localizationInfo ?? {}) as Json;
  const languages = (localization.additionalLanguages ?? []) as Json[];
  for (const file of languages.map((language) => String(language.file))) {
    const texts = parseJson(files, file, problems);
    if (!texts) continue;
    problems.push(...schemas.localization(texts).map((error) => `${file} ${error}`));
    checkTranslations(manifest, file, texts, problems);
  }
  return problems;
}
