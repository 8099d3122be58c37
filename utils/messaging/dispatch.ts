import browser, { type Runtime } from 'webextension-polyfill';
import { AppError, toAppError } from '../errors';
import { t } from '../i18n';
import { isEnvelope, type Envelope, type Reply } from './envelope';
import type { Handlers, MessageName, SenderKind } from './protocol';
import { createRateLimiter, limitedKind, type RateLimiter } from './rate-limit';
import { classifySender } from './sender';
import { MESSAGE_SPECS } from './specs';

// The background's side of the protocol: checks sender and shape before any handler runs.

/** Checks sender and shape, runs the handler, and turns every outcome into a Reply. */
export async function dispatch(
  handlers: Handlers,
  message: Envelope,
  sender: Runtime.MessageSender,
  portalLimits?: RateLimiter,
): Promise<Reply<unknown>> {
  const ownOrigin = browser.runtime.getURL('/');
  const kind = classifySender(sender, browser.runtime.id, ownOrigin);
  const name = message.name as MessageName;
  const spec = Object.hasOwn(MESSAGE_SPECS, name) ? MESSAGE_SPECS[name] : undefined;
  try {
    if (!kind) throw new AppError('refused_sender', t('errSenderRefused'));
    if (!spec) throw new AppError('invalid_message', t('errUnknownRequest', message.name.slice(0, 40)));
    if (!spec.from.includes(kind)) {
      throw new AppError('refused_sender', t('errRequestNotAllowed', name));
    }
    if (!spec.isValid(message.payload)) {
      throw new AppError('invalid_message', t('errRequestMalformed', name));
    }
    const limited = kind === 'portal' ? limitedKind(name, message.payload) : null;
    if (limited) portalLimits?.take(limited);
    const handler = handlers[name] as (p: unknown, s: SenderKind) => Promise<unknown>;
    return { ok: true, value: await handler(message.payload, kind) };
  } catch (error) {
    return { ok: false, error: toAppError(error).toJSON() };
  }
}

/** Registers the background's one message listener. */
export function listen(handlers: Handlers): void {
  const portalLimits = createRateLimiter();
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isEnvelope(message)) return undefined; // not ours: let other listeners answer
    return dispatch(handlers, message, sender, portalLimits);
  });
}
