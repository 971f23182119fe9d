/**
 * Loads modules afresh as on a Node whose TextDecoder knows only UTF-8 and UTF-16 (small ICU, or none),
 * and with `table: false` without posdiag's GB18030 table either (dist/cli.js copied alone). The table
 * is read lazily, so the mocks stay until `restore()`.
 */
export function loadWithoutGb18030<T>(load: () => T, opts: { table: boolean }): { module: T; restore(): void } {
  let module: T | undefined;
  jest.isolateModules(() => {
    const util = jest.requireActual('node:util') as typeof import('node:util');
    jest.doMock('node:util', () => ({
      ...util,
      TextDecoder: class extends util.TextDecoder {
        constructor(label?: string, options?: ConstructorParameters<typeof util.TextDecoder>[1]) {
          if (!/^utf-?(8|16)/i.test(String(label))) throw new RangeError(`The "${label}" encoding is not supported`);
          super(label, options);
        }
      },
    }));
    if (!opts.table) {
      jest.doMock('../../hal/printer/gb18030-table-codegen', () => ({
        gb18030TableFile: () => {
          throw new Error('ENOENT: no such file');
        },
      }));
    }
    module = load();
  });
  return {
    module: module!,
    restore() {
      jest.dontMock('node:util');
      jest.dontMock('../../hal/printer/gb18030-table-codegen');
    },
  };
}
