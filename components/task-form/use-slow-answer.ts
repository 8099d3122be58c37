import { useEffect, useState } from 'preact/hooks';

/** After this long without the worker's answer, the form says the ticket is safe in the outbox. */
export const SLOW_ANSWER_MS = 4000;

/** True once `waiting` has lasted SLOW_ANSWER_MS; false again as soon as it ends. */
export function useSlowAnswer(waiting: boolean): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (!waiting) return;
    const timer = setTimeout(() => setSlow(true), SLOW_ANSWER_MS);
    return () => clearTimeout(timer);
  }, [waiting]);
  return slow;
}
