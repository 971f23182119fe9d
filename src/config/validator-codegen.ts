/**
 * Writes the configuration validator as plain JavaScript (ajv's standalone code), so the terminal's bundle
 * checks a configuration without carrying ajv's compiler. build.mjs runs this and rewrites
 * validate-config.generated.ts when the schema changed; test/unit/config/validator-fresh.test.ts fails when
 * the committed file is stale. Build-time only: nothing the CLI runs imports this file.
 */
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { configSchema } from './schema';

export const GENERATED_VALIDATOR_PATH = 'src/config/validate-config.generated.ts';

const HEADER = `// @ts-nocheck
/* eslint-disable */
// Generated from src/config/schema.ts by build.mjs (src/config/validator-codegen.ts, ajv standalone code).
// Do not edit: change the schema and run \`node build.mjs\`.
`;

export function configValidatorSource(): string {
  // Every error, not just the first. The shared serial-port definition is compiled once (inlineRefs off),
  // and load.ts words the messages itself (messages off): both keep the bundled code small.
  const ajv = new Ajv({ allErrors: true, strict: false, inlineRefs: false, messages: false, code: { source: true, esm: true, lines: true } });
  const schema = configSchema('generated');
  const code = standaloneCode(ajv, ajv.compile(schema));
  // The one runtime helper the code needs (string length in code points) is imported, not required,
  // so esbuild and tsc see an ordinary module.
  const ucs2 = 'const func2 = require("ajv/dist/runtime/ucs2length").default;';
  const body = code.includes(ucs2) ? `import ucs2length from 'ajv/dist/runtime/ucs2length';\n${code.replace(ucs2, 'const func2 = ucs2length;')}` : code;
  if (/\brequire\(/.test(body)) throw new Error('the generated validator needs a runtime helper it does not import yet');
  // The schema's descriptions travel with the validator, so load.ts can quote them without bundling the schema.
  const descriptions = `/** Each description in the schema, by the schema path of the object that carries it. */\nexport const descriptions = ${JSON.stringify(descriptionsOf(schema))};`;
  return `${HEADER}${body.replace(/^"use strict";\n/m, '').trimEnd()}\n${descriptions}\n`;
}

function descriptionsOf(node: unknown, path = '#', out: Record<string, string> = {}): Record<string, string> {
  if (typeof node !== 'object' || node === null) return out;
  const { description } = node as { description?: unknown };
  if (typeof description === 'string') out[path] = description;
  for (const [key, child] of Object.entries(node)) descriptionsOf(child, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
  return out;
}
