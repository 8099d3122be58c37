import { expect, test } from 'vitest';
import { diagnosticReport, portalCompatibility } from './portal-compatibility';
import { isPortalDiagnostics, type PortalDiagnostics } from './portal-diagnostics';

const fine: PortalDiagnostics = {
  flyout: { at: 0, outline: 'div.ms-Panel', anchors: { shareButton: true, shareMenu: 'recognised', missing: [] } },
  actionsList: { at: 0, outline: 'div.ms-DetailsList', anchors: { rows: 12, rowsWithId: 12, shareMenu: 'notOpened' } },
  home: { at: 0, outline: 'main', anchors: { cards: 'grid' } },
};

test('nothing visited yet is unknown; everything found is fine', () => {
  expect(portalCompatibility({})).toEqual({ unknown: true, problems: [] });
  expect(portalCompatibility(fine)).toEqual({ unknown: false, problems: [] });
});

test('each anchor not found is said in plain words with what still works', () => {
  const { problems } = portalCompatibility({
    flyout: {
      ...fine.flyout!,
      anchors: { shareButton: false, shareMenu: 'notOpened', missing: ['implementation', 'scoreImpact'] },
    },
    actionsList: { ...fine.actionsList!, anchors: { rows: 12, rowsWithId: 4, shareMenu: 'notRecognised' } },
    home: { ...fine.home!, anchors: { cards: 'fallback' } },
  });
  expect(problems).toEqual([
    expect.stringMatching(/Share button was not found.*Alt\+Shift\+S/),
    'Some details of the improvement action could not be read: implementation steps, score impact (sets the priority). The task form leaves them for you to fill in; sending works as usual.',
    expect.stringMatching(/^8 of 12 rows .*Open such an action once/),
    expect.stringMatching(/row's Share menu was not recognised/),
    expect.stringMatching(/card grid on the home page was not found.*below the page heading/),
  ]);
});

test('stored values of the wrong shape are refused', () => {
  expect(isPortalDiagnostics(fine)).toBe(true);
  expect(isPortalDiagnostics({})).toBe(true);
  expect(isPortalDiagnostics(null)).toBe(false);
  expect(isPortalDiagnostics({ home: { at: 0, outline: '', anchors: { cards: 'above' } } })).toBe(false);
  expect(
    isPortalDiagnostics({ flyout: { ...fine.flyout, anchors: { ...fine.flyout!.anchors, missing: ['x'] } } }),
  ).toBe(false);
  expect(isPortalDiagnostics({ actionsList: { ...fine.actionsList, outline: 3 } })).toBe(false);
});

test('the report names version and browser and carries each outline', () => {
  const report = diagnosticReport(fine, { version: '1.2.3', browser: 'Chrome/140' });
  expect(report).toContain('Extension version: 1.2.3');
  expect(report).toContain('Browser: Chrome/140');
  for (const outline of ['div.ms-Panel', 'div.ms-DetailsList', 'main']) expect(report).toContain(outline);
});
