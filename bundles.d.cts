/** Types of bundles.cjs (the list of bundles and lazily loaded files, shared by build.mjs, the tests and the lint). */
export interface LazyBundle {
  file: string;
  define: string;
  entry: string;
  loader: string;
  external?: readonly string[];
  alias?: Readonly<Record<string, string>>;
  ownDebug?: boolean;
  version?: boolean;
}
export declare const LAZY_BUNDLES: readonly LazyBundle[];
export declare const GB18030_TABLE: { file: string; define: string; loader: string };
export declare const LOCALE_FILES: { dir: string; source: string; loader: string };
export declare const MAIN_BUNDLES: ReadonlyArray<{ file: string; entry: string }>;
export declare const LAZY_LOADERS: readonly string[];
export declare function lazyDefines(): Record<string, string>;
