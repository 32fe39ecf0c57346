import { describe, expect, test } from 'vitest';
import { describeSettings, resolveConnection } from '../../src/db/connectionConfig.js';
import { redactSecrets } from '../../src/db/connectionTarget.js';

const describeTarget = (url: string) => describeSettings(resolveConnection(url, {}));

describe('redactSecrets', () => {
  test.each([
    // [text, connection strings, expected]
    ['auth failed for s3cret', ['postgres://u:s3cret@db/gym'], 'auth failed for ***'],
    ['p@ss/1 and p%40ss%2F1', ['postgres://u:p%40ss%2F1@db/gym'], '*** and ***'],
    ['bad pw=x9y8', ['postgres://u@db/gym?password=x9y8'], 'bad pw=***'],
    ['saw postgres://u:zz@db/gym here', [undefined], 'saw postgres://u:***@db/gym here'],
    [
      "unknown option '--databse-url=postgresql://me:a@b@host:5432/x'",
      [],
      "unknown option '--databse-url=postgresql://me:***@host:5432/x'",
    ],
    ['host=db password=topsecret user=me', [], 'host=db password=*** user=me'],
    [
      'no secrets in postgres://me@db/gym or postgres://db:5432/gym',
      [],
      'no secrets in postgres://me@db/gym or postgres://db:5432/gym',
    ],
    ['one: aa, two: bb', ['postgres://u:aa@h/d', 'postgres://u:bb@h/d'], 'one: ***, two: ***'],
    ['odd ::postgres://u:%zz@h', ['postgres://u:%zz@h'], 'odd ::postgres://u:***@h'],
    ['unparsable: postgres://u:pw@h:port/d', ['postgres://u:pw@h:port/d'], 'unparsable: ***'],
  ] as const)('%j', (text, urls, expected) => {
    expect(redactSecrets(text, urls)).toBe(expected);
  });

  test('describeTarget never includes the password', () => {
    expect(describeTarget('postgres://me:s3cret@db.example:6543/gym')).toBe('db.example:6543/gym');
    expect(describeTarget('postgres://me:s3cret@[::1]/gym?password=x')).toBe('[::1]:5432/gym');
  });
});
