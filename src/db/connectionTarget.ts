import { parseConnectionString } from './connectionConfig.js';

// user:password@ in any URL, and password=… as a key/value or query parameter.
const URL_CREDENTIALS = /(\b[a-z][\w+.-]*:\/\/[^\s/@:]*:)\S*@/gi;
const PASSWORD_PARAMETER = /(\bpassword=)[^\s&'"]+/gi;

/**
 * Removes passwords from `text` before it is printed: every form each connection string
 * in `connectionStrings` carries (raw, URL-encoded, as a parameter), and the password part
 * of any other URL or `password=` in the text (a connection string typed in the wrong
 * place, e.g. after a mistyped flag, comes back in commander's message).
 */
export function redactSecrets(text: string, connectionStrings: ReadonlyArray<string | undefined>): string {
  let redacted = text;
  for (const connectionString of connectionStrings) {
    if (!connectionString) continue;
    try {
      const url = new URL(connectionString);
      const secrets = [url.password, safeDecode(url.password), url.searchParams.get('password') ?? ''];
      for (const secret of secrets.sort((a, b) => b.length - a.length)) {
        if (secret.length > 0) redacted = redacted.split(secret).join('***');
      }
    } catch {
      // An unparsable URL: hide it whole.
      redacted = redacted.split(connectionString).join('***');
    }
    const password = passwordOf(connectionString);
    if (password) redacted = redacted.split(password).join('***');
  }
  return redacted.replace(URL_CREDENTIALS, '$1***@').replace(PASSWORD_PARAMETER, '$1***');
}

/** The password a connection string carries (keyword/value or URL), as libpq reads it. */
function passwordOf(connectionString: string): string | undefined {
  try {
    return parseConnectionString(connectionString).password;
  } catch {
    return undefined;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
