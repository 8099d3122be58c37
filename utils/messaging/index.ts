import browser from 'webextension-polyfill';
import { AppError, toAppError } from '../errors';
import { t } from '../i18n';
import { CHANNEL, type Envelope, type Reply } from './envelope';
import type { MessageName, RequestOf, ResponseOf } from './protocol';

// The views' side of the protocol (popup, options, portal overlay).

/** Sends a typed request to the background; rejects with an AppError the UI can show. */
export async function send<N extends MessageName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
  const envelope: Envelope = { channel: CHANNEL, name, payload };
  let reply: Reply<ResponseOf<N>> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(envelope)) as Reply<ResponseOf<N>> | undefined;
  } catch (error) {
    throw toAppError(error);
  }
  if (!reply) throw new AppError('internal', t('errNoAnswer'));
  if (!reply.ok) throw AppError.from(reply.error);
  return reply.value;
}
