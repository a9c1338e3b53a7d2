// The part of addons-linter's API that scripts/lint-firefox.mjs uses (the package ships no types).
declare module 'addons-linter' {
  interface LinterMessage {
    code: string;
    message: string;
    file?: string;
    line?: number;
    column?: number;
  }
  interface LinterResult {
    summary: { errors: number; warnings: number; notices: number };
    errors: LinterMessage[];
    warnings: LinterMessage[];
    notices: LinterMessage[];
  }
  const linter: {
    createInstance(options: { config: Record<string, unknown>; runAsBinary: boolean }): {
      run(): Promise<LinterResult>;
    };
  };
  export default linter;
}
