// HTML pages of the stand-in. No scripts: plain forms, so the pages work in a browser, in
// launchWebAuthFlow windows and from tests that post forms by hand. Every echoed value is escaped.
import { escapeHtml as e } from './http-util.ts';

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>
body{font-family:"Segoe UI",Arial,sans-serif;background:#f4f5f7;color:#1d1d1d;margin:0}
main{max-width:420px;margin:64px auto;background:#fff;padding:32px;border-radius:6px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
label{display:block;margin:16px 0 4px;font-weight:600}
input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:8px;font-size:15px}
button{margin-top:20px;margin-right:8px;padding:8px 20px;font-size:15px}
.error{color:#a4262c;background:#fde7e9;padding:8px 12px;border-radius:4px}
.brand{color:#62d84e;font-weight:700;letter-spacing:.5px}
</style>
</head>
<body><main>
<p class="brand">servicenow</p>
${body}
</main></body>
</html>`;
}

export function loginPage(opts: { requestId?: string; userName?: string; error?: string }): string {
  return page(
    'Log in | ServiceNow',
    `<h1>Log in</h1>
${opts.error ? `<p class="error" role="alert">${e(opts.error)}</p>` : ''}
<form method="post" action="/login.do">
<input type="hidden" name="sysparm_request" value="${e(opts.requestId ?? '')}">
<label for="user_name">User name</label>
<input id="user_name" name="user_name" type="text" autocomplete="username" value="${e(opts.userName ?? '')}" required>
<label for="user_password">Password</label>
<input id="user_password" name="user_password" type="password" autocomplete="current-password" required>
<button type="submit" id="sysverb_login">Log in</button>
</form>`,
  );
}

export function consentPage(opts: { requestId: string; clientName: string; userDisplayName: string }): string {
  return page(
    'Authorize | ServiceNow',
    `<h1>${e(opts.clientName)} would like to connect to your account</h1>
<p>Logged in as ${e(opts.userDisplayName)} — <a href="/logout.do?sysparm_request=${encodeURIComponent(opts.requestId)}">Not you?</a></p>
<p>It will be able to read and change records you have access to.</p>
<form method="post" action="/oauth_auth.do">
<input type="hidden" name="sysparm_request" value="${e(opts.requestId)}">
<button type="submit" name="action" value="allow">Allow</button>
<button type="submit" name="action" value="deny">Deny</button>
</form>`,
  );
}

export function errorPage(title: string, message: string): string {
  return page(`${title} | ServiceNow`, `<h1>${e(title)}</h1>\n<p class="error" role="alert">${e(message)}</p>`);
}

/** What a *.service-now.com name without an instance answers: HTML, never JSON. */
export function instanceUnavailablePage(host: string): string {
  return page(
    'Instance not available',
    `<h1>Instance not available</h1>
<p>The instance ${e(host)} is not available. It may have been retired, renamed or never existed.</p>
<p>Check the instance name, or contact the ServiceNow administrator of your organisation.</p>`,
  );
}

/** What a hibernating personal developer instance answers to every request. */
export function hibernatingPage(): string {
  return page(
    'Instance Hibernating page',
    `<h1>Your instance is hibernating</h1>
<p>This developer instance is asleep to save resources. Sign in to the ServiceNow Developer Program to wake it up.</p>
<p><a href="https://developer.servicenow.com/dev.do">Wake up your instance</a></p>`,
  );
}

/** HTML fault: what an SSO redirect or a proxy error page looks like to an API client. */
export function unexpectedHtmlPage(): string {
  return page('ServiceNow', '<h1>Your session has expired</h1>\n<p>Please log in again.</p>\n<p><a href="/login.do">Log in</a></p>');
}

/** HTML fault with a 5xx status: what a load balancer or a node being upgraded answers. */
export function serviceUnavailablePage(): string {
  return page('Service Unavailable', '<h1>Service Unavailable</h1>\n<p>The instance is undergoing maintenance or is temporarily overloaded. Try again later.</p>');
}

export function homePage(host: string): string {
  return page('ServiceNow', `<h1>ServiceNow</h1>\n<p>${e(host)} (local stand-in)</p>`);
}
