// The README's pictures: one file per view, written by `npm run screenshots`
// (tests/screenshots/take-screenshots.ts) into tests/screenshots/out/ and committed.
// tests/unit/readme-screenshots.test.ts checks that the README shows each and that each exists.

export const SCREENSHOT_DIR = 'tests/screenshots/out';

export const SHOTS = {
  shareMenu: 'share-menu.png',
  taskForm: 'task-form.png',
  homeCards: 'home-cards.png',
  popupChecklist: 'popup-checklist.png',
  options: 'options.png',
  failingStep: 'checklist-failing-step.png',
} as const;

export type ShotName = keyof typeof SHOTS;
