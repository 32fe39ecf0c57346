/**
 * Shows a piece of what someone typed inside an error message: quoted, cut to `max`
 * characters (whole code points), with control, format and lone surrogate characters
 * written as escapes, so the message stays one printable line and cannot restyle or
 * reorder the terminal (`\u001b[…`, `\u202e`).
 */
export function quoteInput(text: string, max = 40): string {
  const chars = [...text];
  const shown = chars
    .slice(0, max)
    .map((char) =>
      /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u.test(char) ? `\\u{${char.codePointAt(0)!.toString(16)}}` : char,
    )
    .join('');
  return `"${shown}${chars.length > max ? '…' : ''}"`;
}
