// electron-vite's `?modulePath` import: bundles the module as its own entry and yields its
// output path (used for the import worker). Declared here rather than referencing
// `electron-vite/node`, whose global ImportMeta declarations would clash with vitest's.
declare module '*?modulePath' {
  const path: string;
  export default path;
}
