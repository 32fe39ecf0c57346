/** `host:port/database` of a connection string, never its password. */
export function describeTarget(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    const host = url.hostname || url.searchParams.get('host') || 'localhost';
    const port = url.port || '5432';
    const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || url.username || 'postgres';
    return `${host}:${port}/${database}`;
  } catch {
    return 'the database given by DATABASE_URL (unparsable URL)';
  }
}

/** Removes every form a password can take in a connection string from `text`. */
export function redactSecrets(text: string, connectionString: string | undefined): string {
  if (!connectionString) return text;
  let redacted = text;
  try {
    const url = new URL(connectionString);
    for (const secret of [url.password, decodeURIComponent(url.password), url.searchParams.get('password') ?? '']) {
      if (secret.length > 0) redacted = redacted.split(secret).join('***');
    }
  } catch {
    // An unparsable URL: hide it whole.
    redacted = redacted.split(connectionString).join('***');
  }
  return redacted;
}
