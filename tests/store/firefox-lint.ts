import webExt from 'web-ext';
import { openPackage, type PackageFiles } from './package-files';

// `web-ext lint` (Mozilla's addons-linter, as AMO runs it on upload) over a Firefox build folder
// or the Firefox store zip. web-ext cannot silence one warning in one place (only whole files,
// and our content script bundles Preact together with our code), so the one library warning is
// recognised here by the exact code it points at, and anything else counts as ours.

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface FirefoxLintReport {
  errors: LintMessage[];
  /** Warnings about our code or manifest: must be none. */
  warnings: LintMessage[];
  /** Preact's own dangerouslySetInnerHTML support, bundled in; see isPreactInnerHtml. */
  libraryWarnings: LintMessage[];
  notices: LintMessage[];
}

export async function lintFirefox(source: string): Promise<FirefoxLintReport> {
  const result = (await webExt.cmd.lint(
    { sourceDir: source, output: 'none', boring: true, selfHosted: false, warningsAsErrors: false, metadata: false, pretty: false, privileged: false, enterprise: false, verbose: false, ignoreFiles: [] },
    { shouldExitProgram: false },
  )) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
  const files = await openPackage(source);
  const warnings: LintMessage[] = [];
  const libraryWarnings: LintMessage[] = [];
  for (const warning of result.warnings) {
    ((await isPreactInnerHtml(files, warning)) ? libraryWarnings : warnings).push(pick(warning));
  }
  return { errors: result.errors.map(pick), warnings, libraryWarnings, notices: result.notices.map(pick) };
}

/**
 * True for the innerHTML assignment inside Preact's diff, `dom.innerHTML = newHtml.__html`, which
 * runs only for an element rendered with the `dangerouslySetInnerHTML` prop. Our code never sets
 * that prop (tests/store/no-html-injection.test.ts), so the assignment never runs.
 */
export async function isPreactInnerHtml(files: PackageFiles, warning: LintMessage): Promise<boolean> {
  if (warning.code !== 'UNSAFE_VAR_ASSIGNMENT' || !warning.file || !warning.line || !warning.column) return false;
  const text = (await files.read(warning.file))?.toString('utf8');
  const line = text?.split('\n')[warning.line - 1];
  if (!line) return false;
  const at = warning.column - 1;
  return /^[\w$]+\.innerHTML=[\w$]+\.__html\b/.test(line.slice(at)) && line.slice(Math.max(0, at - 600), at).includes('"dangerouslySetInnerHTML"');
}

function pick({ code, message, file, line, column }: LintMessage): LintMessage {
  return { code, message, file, line, column };
}

export function formatLintReport(source: string, report: FirefoxLintReport): string {
  const rows = (kind: string, list: LintMessage[]) =>
    list.map((m) => `  ${kind} ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}:${m.column}` : ''} ${m.message}`);
  return [
    `web-ext lint ${source}: ${report.errors.length} errors, ${report.warnings.length} warnings of ours, ${report.libraryWarnings.length} in bundled Preact (README, "Firefox"), ${report.notices.length} notices`,
    ...rows('error', report.errors),
    ...rows('warning', report.warnings),
    ...rows('library', report.libraryWarnings),
    ...rows('notice', report.notices),
  ].join('\n');
}
