import { t } from '../i18n';
import type { MessageKey } from '../i18n/en';
import type { ActionFieldName, PortalDiagnostics } from './portal-diagnostics';

// The popup's and /ticketProvisioning's "Portal compatibility" line, in plain words: what the
// overlay did not find on the portal's last visits, and what still works without it.

const FIELD_NAMES: Record<ActionFieldName, MessageKey> = {
  id: 'compatField_id',
  title: 'compatField_title',
  description: 'compatField_description',
  implementation: 'compatField_implementation',
  category: 'compatField_category',
  scoreImpact: 'compatField_scoreImpact',
};

export interface Compatibility {
  /** Nothing recorded yet: no portal page of interest was visited. */
  unknown: boolean;
  /** One sentence per anchor not found; empty when all is fine. */
  problems: string[];
}

export function portalCompatibility(diagnostics: PortalDiagnostics): Compatibility {
  const { flyout, actionsList, home } = diagnostics;
  const problems: string[] = [];
  if (flyout) {
    const a = flyout.anchors;
    if (!a.shareButton) problems.push(t('compatNoShareButton'));
    else if (a.shareMenu === 'notRecognised') problems.push(t('compatShareMenuNotRecognised'));
    if (a.missing.length > 0) {
      const names = a.missing.map((field) => t(FIELD_NAMES[field]));
      problems.push(t('compatFieldsMissing', names.join(', ')));
    }
  }
  if (actionsList) {
    const a = actionsList.anchors;
    if (a.rows === 0) problems.push(t('compatNoRows'));
    else if (a.rowsWithId < a.rows) problems.push(t('compatRowsWithoutId', a.rows - a.rowsWithId, a.rows));
    if (a.shareMenu === 'notRecognised') problems.push(t('compatRowShareMenuNotRecognised'));
  }
  if (home && home.anchors.cards === 'fallback') problems.push(t('compatCardsFallback'));
  return { unknown: !flyout && !actionsList && !home, problems };
}

export interface ReportContext {
  version: string;
  browser: string;
}

/**
 * The text "Copy diagnostic report" puts on the clipboard, for a bug report: version, browser and
 * per page kind the anchors found and the structural outline. No portal text, no user data.
 */
export function diagnosticReport(diagnostics: PortalDiagnostics, { version, browser }: ReportContext): string {
  const lines = [
    'ServiceNow Tickets for Microsoft 365 Security: portal diagnostic report',
    `Extension version: ${version}`,
  ];
  lines.push(`Browser: ${browser}`);
  for (const [kind, visit] of Object.entries(diagnostics)) {
    if (!visit) continue;
    lines.push('', `## ${kind} (last visit ${new Date(visit.at).toISOString()})`);
    lines.push(`Anchors: ${JSON.stringify(visit.anchors)}`, 'Outline:', visit.outline);
  }
  if (Object.keys(diagnostics).length === 0) lines.push('', 'No portal page visited yet.');
  return lines.join('\n');
}
