import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/** Validates a document against a schema; returns one line per error (empty when valid). */
export type SchemaCheck = (document: unknown) => string[];

/** The Teams manifest schemas of one `manifestVersion`: the manifest's and the localization file's. */
export type ManifestSchemas = { manifest: SchemaCheck; localization: SchemaCheck };

const SCHEMAS_DIR = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')),
  'build/json-schemas/teams',
);

const loaded = new Map<string, ManifestSchemas>();

function compile(file: string): SchemaCheck {
  // The Teams schemas declare draft-04 and are not written for Ajv's strict mode; the localization
  // schema has a pattern (`\b]`) that is only a valid RegExp without the `u` flag.
  const ajv = new AjvDraft04.default({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(file, 'utf8')));
  return (document) => {
    if (validate(document)) return [];
    return (validate.errors ?? []).map((error) => {
      const detail =
        error.keyword === 'additionalProperties'
          ? `: ${error.params.additionalProperty}`
          : error.keyword === 'enum'
            ? `: ${error.params.allowedValues.join(', ')}`
            : error.keyword === 'const'
              ? `: ${JSON.stringify(error.params.allowedValue)}`
              : '';
      return `${error.instancePath || '/'} ${error.message}${detail}`;
    });
  };
}

/**
 * The offline schemas for a manifest version, from `@microsoft/app-manifest` (v1.0 to v1.30 in 1.1.2).
 * Undefined when that package has no schema for the version.
 */
export function loadManifestSchemas(manifestVersion: string): ManifestSchemas | undefined {
  const cached = loaded.get(manifestVersion);
  if (cached) return cached;
  const dir = path.join(SCHEMAS_DIR, `v${manifestVersion}`);
  if (!/^\d+\.\d+$/.test(manifestVersion) || !existsSync(dir)) return undefined;
  const schemas = {
    manifest: compile(path.join(dir, 'MicrosoftTeams.schema.json')),
    localization: compile(path.join(dir, 'MicrosoftTeams.Localization.schema.json')),
  };
  loaded.set(manifestVersion, schemas);
  return schemas;
}
