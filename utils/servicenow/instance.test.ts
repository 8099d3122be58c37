import { describe, expect, test } from 'vitest';
import { parseInstance } from './instance';

describe('parseInstance', () => {
  test.each([
    ['contoso', 'https://contoso.service-now.com'],
    ['  Contoso  ', 'https://contoso.service-now.com'],
    ['contoso.service-now.com', 'https://contoso.service-now.com'],
    ['https://contoso.service-now.com/', 'https://contoso.service-now.com'],
    ['HTTPS://CONTOSO.SERVICE-NOW.COM', 'https://contoso.service-now.com'],
    ['contoso-dev2', 'https://contoso-dev2.service-now.com'],
    ['servicenow.contoso.com', 'https://servicenow.contoso.com'],
    ['https://itsm.contoso.co.uk/', 'https://itsm.contoso.co.uk'],
    ['contoso.service-now.com.', 'https://contoso.service-now.com'],
    // A custom domain may be internationalized (in its xn-- form): connecting asks for that host.
    ['servicenow.xn--mller-kva.de', 'https://servicenow.xn--mller-kva.de'],
  ])('accepts %j', (input, origin) => {
    expect(parseInstance(input).origin).toBe(origin);
  });

  test('tells cloud and custom domains apart', () => {
    expect(parseInstance('contoso').isServiceNowCloud).toBe(true);
    expect(parseInstance('servicenow.contoso.com').isServiceNowCloud).toBe(false);
  });

  test.each([
    ['', /Enter your ServiceNow instance/],
    ['http://contoso.service-now.com', /only reached over HTTPS/],
    ['ftp://contoso.service-now.com', /only reached over HTTPS/],
    ['javascript:alert(1)', /not a different kind of address/],
    ['https://contoso.service-now.com/now/nav/ui', /without a path/],
    ['contoso.service-now.com?x=1', /without a path/],
    ['contoso.service-now.com#frag', /without a path/],
    ['https://admin:pw@contoso.service-now.com', /user name or password/],
    ['https://contoso.service-now.com:8443', /Leave out the port/],
    // contoso with a Cyrillic о, in its encoded form: a look-alike of a cloud instance.
    ['xn--cntoso-wqf.service-now.com', /internationalized \(xn--\) name/],
    ['xn--cntoso-wqf', /internationalized \(xn--\) name/],
    ['10.0.0.1', /not an IP address/],
    ['https://[::1]/', /not an IP address/],
    ['127.1', /not an IP address/],
    ['0x7f.1', /not an IP address/],
    ['192.168.1', /not an IP address/],
    ['0x7f000001', /not an IP address/],
    ['2130706433', /not an IP address/],
    ['0177.0.0.1', /not an IP address/],
    ['https://0300.0250.0.1/', /not an IP address/],
    ['intranet.10', /not an IP address/],
    ['conto so', /spaces/],
    ['contoso_dev', /not a valid host name/],
    ['-contoso', /not a valid host name/],
    ['contoso..com', /not a valid host name/],
    ['<script>alert(1)</script>', /without a path|not a valid host name/],
    ['cöntoso.com', /plain ASCII/],
    ['service-now.com', /instance name in front/],
    ['a.b.service-now.com', /<instance>\.service-now\.com/],
    ['x'.repeat(300), /too long/],
  ])('rejects %j with a message that names the problem', (input, message) => {
    expect(() => parseInstance(input)).toThrowError(message);
  });
});
