// The SARIF 2.1.0 JSON schema and a validator for it. The schema is Microsoft's copy of the final 2.1.0 schema
// (sarif-2.1.0-rtm.5.json, JSON Schema draft-04) shipped in @microsoft/jest-sarif; ajv-draft-04 validates it, and
// ajv-formats checks the `uri`, `uri-reference` and `date-time` strings GitHub's upload would also refuse.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './cliKit';

export const INSTALL = 'npm i -D @microsoft/jest-sarif@1.0.0-beta.0 ajv@^8.20.0 ajv-draft-04@^1.0.0 ajv-formats@^3.0.1';
/** Resolved from the project's own devDependencies. */
const PLACES = [join(ROOT, 'package.json')];

type Validate = ((x: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
interface AjvInstance { compile(schema: object): Validate }
type AjvClass = new (opts: object) => AjvInstance;
const esm = <T>(m: T | { default: T }): T => ((m as { default?: T }).default ?? m) as T;

export interface SchemaCheck { valid: boolean; errors: string[] }

export function sarifValidator(): (log: unknown) => SchemaCheck {
  for (const place of PLACES) {
    if (!existsSync(place)) continue;
    const req = createRequire(place);
    let schemaPath: string;
    let Ajv: AjvClass;
    let addFormats: (ajv: AjvInstance) => void;
    try {
      schemaPath = req.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
      Ajv = esm(req('ajv-draft-04'));
      addFormats = esm(req('ajv-formats'));
    } catch {
      continue;
    }
    const schema = req(schemaPath) as object;
    // The schema's language-code pattern is not a valid Unicode-mode regular expression; JSON Schema means plain ones.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    return (log) => {
      const valid = validate(log);
      return { valid, errors: (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`) };
    };
  }
  throw new Error(`the SARIF 2.1.0 schema and its validator are not installed: ${INSTALL}`);
}
