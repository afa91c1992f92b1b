// data/*.yaml is parsed at build time by esbuild.js and at test time by test/setup/yaml-require.cjs.
declare module '*.yaml' {
  const value: unknown;
  export default value;
}
