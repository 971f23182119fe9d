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
  // and load.ts words the messages itself (messages off): both keep the bundled code small. A `required`
  // list of two or more names is checked in a loop over the list rather than one statement per name.
  const ajv = new Ajv({ allErrors: true, strict: false, inlineRefs: false, messages: false, loopRequired: 2, code: { source: true, esm: true, lines: true } });
  const schema = configSchema('generated');
  // Compiled without its descriptions: the validator never reads them (ajv embeds the schema it compiles,
  // for the enum lists and property names it looks up), and load.ts gets them from `descriptions` below.
  const code = pruneSchemas(compactErrors(standaloneCode(ajv, ajv.compile(withoutDescriptions(schema)))));
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

function withoutDescriptions<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withoutDescriptions) as T;
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== 'description')
      .map(([key, child]) => [key, withoutDescriptions(child)]),
  ) as T;
}

/**
 * ajv writes every failed keyword as the same six statements: build the error object, start the list or
 * push onto it. One helper call does the same (the same error objects, in the same order, in the same
 * array), at half the bytes per keyword; the validator reports about sixty keywords.
 */
const ERROR_HELPER = `
/** One failed keyword (the last step of its schema path), appended to the errors so far (the list is created by the first). */
function addError(list, instancePath, schemaPath, params){
const error = {instancePath, schemaPath, keyword: schemaPath.slice(schemaPath.lastIndexOf("/") + 1), params};
if(list === null){
return [error];
}
list.push(error);
return list;
}
`;

function compactErrors(code: string): string {
  const str = String.raw`"(?:[^"\\]|\\.)*"`; // a JSON string literal, as ajv writes them
  const report = new RegExp(
    String.raw`const (err\d+) = \{instancePath(?::(instancePath\+${str}))?,schemaPath:(${str}),keyword:(${str}),params:(\{(?:[^{}"]|${str})*\})\};\n` +
      String.raw`if\(vErrors === null\)\{\nvErrors = \[\1\];\n\}\nelse \{\nvErrors\.push\(\1\);\n\}\n`,
    'g',
  );
  const compact = code.replace(report, (_all, _err, path: string | undefined, schemaPath: string, keyword: string, params: string) => {
    // The keyword is the schema path's last step for every error ajv writes here; checked, not assumed.
    if (!(JSON.parse(schemaPath) as string).endsWith(`/${JSON.parse(keyword) as string}`)) throw new Error(`ajv reported ${keyword} at ${schemaPath}`);
    return `vErrors = addError(vErrors, ${path ?? 'instancePath'}, ${schemaPath}, ${params});\n`;
  });
  // An error ajv wrote in another shape would be left as it was, still correct; the build says so, so the
  // pattern is updated with ajv rather than quietly saving less. The helper's name must be free, too.
  if (/\baddError\b/.test(code)) throw new Error('the generated validator already uses the name addError');
  if (compact.includes('vErrors.push')) throw new Error('ajv reported an error in a shape compactErrors does not know');
  // A function declaration: the validators above may call it wherever it stands.
  return `${compact.trimEnd()}\n${ERROR_HELPER}`;
}

/**
 * ajv embeds each schema it compiles whole (`const schema6 = {…}`), but the code reads only a few parts
 * of it: enum and required lists, and `properties` objects whose names it checks with hasOwnProperty.
 * Only those parts are kept, a `properties` object's values as 0 (only its names are read): about 2 KB
 * less in dist/cli.js. A schema the code also uses whole is left whole.
 */
function pruneSchemas(code: string): string {
  return code.replace(/^const (schema\d+) = (\{.*\});$/gm, (line, name: string, json: string) => {
    const uses = code.match(new RegExp(`\\b${name}\\b(\\.[A-Za-z_$][\\w$]*)*`, 'g')) ?? [];
    const paths = uses.map((use) => use.split('.').slice(1));
    if (paths.filter((p) => p.length === 0).length > 1) return line; // the declaration, and a use of the whole
    const whole = JSON.parse(json) as Record<string, unknown>;
    const kept: Record<string, unknown> = {};
    // Deepest first, so a `properties` object's names join the objects its deeper paths made.
    for (const path of paths.filter((p) => p.length > 0).sort((a, b) => b.length - a.length)) {
      let value = path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], whole);
      if (value === undefined) throw new Error(`the generated validator reads ${name}.${path.join('.')}, which the schema lacks`);
      const names = path[path.length - 1] === 'properties';
      let at = kept;
      for (const key of path.slice(0, -1)) at = (at[key] = typeof at[key] === 'object' && at[key] !== null ? at[key] : {}) as Record<string, unknown>;
      const last = path[path.length - 1]!;
      if (names) {
        const target = (at[last] = typeof at[last] === 'object' && at[last] !== null ? at[last] : {}) as Record<string, unknown>;
        for (const key of Object.keys(value as object)) target[key] ??= 0;
      } else at[last] = value;
      value = undefined;
    }
    return `const ${name} = ${JSON.stringify(kept)};`;
  });
}
