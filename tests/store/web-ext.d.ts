// web-ext ships no type declarations; only the lint command is used here.
declare module 'web-ext' {
  interface LintOptions {
    sourceDir: string;
    output: 'text' | 'json' | 'none';
    [option: string]: unknown;
  }
  const webExt: { cmd: { lint(options: LintOptions, extra: { shouldExitProgram: boolean }): Promise<unknown> } };
  export default webExt;
}
