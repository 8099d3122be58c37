import { AppError } from '../errors';
import { t } from '../i18n';

// Turns what an admin types as "ServiceNow instance" into one HTTPS origin, or says exactly what
// is wrong with it. Accepted: `contoso`, `contoso.service-now.com`, `https://contoso.service-now.com/`
// and custom HTTPS domains such as `servicenow.contoso.com`.

export interface Instance {
  /** https://host, no trailing slash */
  origin: string;
  host: string;
  /** True for <name>.service-now.com, which the extension may reach without asking. */
  isServiceNowCloud: boolean;
}

const CLOUD_SUFFIX = '.service-now.com';
// RFC 1123 label: letters, digits, inner hyphens, 1-63 characters.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function invalid(message: string): AppError {
  return new AppError('invalid_instance', message);
}

export function parseInstance(input: string): Instance {
  const text = input.trim();
  if (!text) throw invalid(t('errInstanceEmpty'));
  if (text.length > 253) throw invalid(t('errInstanceTooLong'));
  if (/\s/.test(text)) throw invalid(t('errInstanceSpaces'));

  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (scheme && scheme[1]!.toLowerCase() !== 'https') {
    throw invalid(t('errInstanceHttps', scheme[1]!));
  }
  if (!scheme && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text)) {
    throw invalid(t('errInstanceNotHost'));
  }
  const rest = scheme ? text.slice(scheme[0].length) : text;
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const tail = authorityEnd === -1 ? '' : rest.slice(authorityEnd);

  if (authority.includes('@')) {
    throw invalid(t('errInstanceCredentials'));
  }
  if (tail !== '' && tail !== '/') {
    throw invalid(t('errInstancePath'));
  }
  if (/:\d*$/.test(authority)) {
    throw invalid(t('errInstancePort'));
  }
  const host = authority.toLowerCase().replace(/\.$/, '');
  if (/[^\x21-\x7e]/.test(host)) {
    throw invalid(t('errInstanceAscii'));
  }
  if (host.startsWith('[') || looksLikeIPv4(host)) {
    throw invalid(t('errInstanceIp'));
  }
  const labels = host.split('.');
  if (!labels.every((label) => LABEL.test(label))) {
    throw invalid(t('errInstanceBadHost', host.slice(0, 80)));
  }
  if (labels.length === 1 && host.startsWith('xn--')) throw invalid(t('errInstancePunycodeCloud', host));
  if (labels.length === 1) {
    return { origin: `https://${host}${CLOUD_SUFFIX}`, host: `${host}${CLOUD_SUFFIX}`, isServiceNowCloud: true };
  }
  if (host === CLOUD_SUFFIX.slice(1)) throw invalid(t('errInstanceNameMissing'));
  const isServiceNowCloud = host.endsWith(CLOUD_SUFFIX);
  if (isServiceNowCloud && labels.length !== 3) {
    throw invalid(t('errInstanceCloudForm'));
  }
  // A ServiceNow cloud instance name is never internationalized: an xn-- label there is a
  // look-alike typed (or pasted) in its encoded form, which the ASCII check above lets through.
  if (isServiceNowCloud && labels[0]!.startsWith('xn--')) {
    throw invalid(t('errInstancePunycodeCloud', host));
  }
  return { origin: `https://${host}`, host, isServiceNowCloud };
}

// WHATWG URL parsing turns `127.1`, `0x7f.1`, `2130706433`, `0177.0.0.1` and the like into an
// IPv4 address; a host whose last label is all digits (or hex) is one of those or invalid anyway.
function looksLikeIPv4(host: string): boolean {
  const last = host.split('.').pop() ?? '';
  if (/^(?:\d+|0x[0-9a-f]*)$/.test(last)) return true;
  try {
    return /^\d+(\.\d+){3}$/.test(new URL(`https://${host}`).hostname);
  } catch {
    return true;
  }
}

/** The host-permission pattern that covers this instance. */
export function originPattern(instance: Instance): string {
  return `${instance.origin}/*`;
}
