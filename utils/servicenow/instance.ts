import { AppError } from '../errors';

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
  if (!text) throw invalid('Enter your ServiceNow instance, for example "contoso" or "contoso.service-now.com".');
  if (text.length > 253) throw invalid('The instance name is too long to be a host name.');
  if (/\s/.test(text)) throw invalid('The instance name cannot contain spaces.');

  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (scheme && scheme[1]!.toLowerCase() !== 'https') {
    throw invalid(`ServiceNow is only reached over HTTPS: use https:// instead of ${scheme[1]}://.`);
  }
  if (!scheme && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text)) {
    throw invalid('Enter a host name such as contoso.service-now.com, not a different kind of address.');
  }
  const rest = scheme ? text.slice(scheme[0].length) : text;
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const tail = authorityEnd === -1 ? '' : rest.slice(authorityEnd);

  if (authority.includes('@')) {
    throw invalid('Remove the user name or password from the address: the extension signs in with OAuth.');
  }
  if (tail !== '' && tail !== '/') {
    throw invalid('Enter only the instance host name, without a path, query or "#" part (for example contoso.service-now.com).');
  }
  if (/:\d*$/.test(authority)) {
    throw invalid('Leave out the port: ServiceNow instances are reached on the standard HTTPS port.');
  }
  const host = authority.toLowerCase().replace(/\.$/, '');
  if (/[^\x21-\x7e]/.test(host)) {
    throw invalid('Enter the host name in plain ASCII letters (use its xn-- form for international names).');
  }
  if (/^\d+(\.\d+){3}$/.test(host) || host.startsWith('[')) {
    throw invalid('Enter a host name, not an IP address.');
  }
  const labels = host.split('.');
  if (!labels.every((label) => LABEL.test(label))) {
    throw invalid(`"${host.slice(0, 80)}" is not a valid host name: use letters, digits, dots and hyphens only.`);
  }
  if (labels.length === 1) {
    return { origin: `https://${host}${CLOUD_SUFFIX}`, host: `${host}${CLOUD_SUFFIX}`, isServiceNowCloud: true };
  }
  if (host === CLOUD_SUFFIX.slice(1)) throw invalid('Add your instance name in front of service-now.com.');
  const isServiceNowCloud = host.endsWith(CLOUD_SUFFIX);
  if (isServiceNowCloud && labels.length !== 3) {
    throw invalid('A ServiceNow cloud address has the form <instance>.service-now.com.');
  }
  return { origin: `https://${host}`, host, isServiceNowCloud };
}

/** The host-permission pattern that covers this instance. */
export function originPattern(instance: Instance): string {
  return `${instance.origin}/*`;
}
