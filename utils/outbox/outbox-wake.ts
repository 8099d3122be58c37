import browser from 'webextension-polyfill';

// Wakes the outbox at a retry time. browser.alarms survive worker restarts but fire no sooner
// than 30 s; a timer covers shorter delays while the worker is alive.

export const OUTBOX_ALARM = 'outbox-retry';
const ALARM_MIN_DELAY_MS = 30_000;

export function createOutboxWaker(resume: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Infinity;
  return {
    wakeAt(time: number): void {
      const delay = Math.max(0, time - Date.now());
      if (time < timerAt) {
        clearTimeout(timer);
        timerAt = time;
        timer = setTimeout(() => {
          timerAt = Infinity;
          resume();
        }, delay);
      }
      // The alarm only ever moves earlier: a later retry must not postpone an earlier one.
      const when = Date.now() + Math.max(delay, ALARM_MIN_DELAY_MS);
      void browser.alarms.get(OUTBOX_ALARM).then((existing) => {
        if (!existing || existing.scheduledTime > when || existing.scheduledTime < Date.now()) {
          return browser.alarms.create(OUTBOX_ALARM, { when });
        }
      });
    },
  };
}
