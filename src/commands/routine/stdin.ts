import { ROUTINE_LIMITS } from '../../domain/routine/parse.js';
import { UsageError } from '../../errors.js';

/** A routine piped in: read whole, but never more than a routine may hold (a BOM and CRLF line ends leave room). */
export async function readStdin(): Promise<string> {
  const limit = ROUTINE_LIMITS.characters * 4;
  let text = '';
  for await (const chunk of process.stdin.setEncoding('utf8')) {
    text += chunk as string;
    if (text.length > limit)
      throw new UsageError(`<stdin> is longer than a routine may be (${ROUTINE_LIMITS.characters} characters)`);
  }
  if (text.trim() === '')
    throw new UsageError(
      '<stdin> is empty: pipe in a routine, e.g. "Bench Press: 3x5 @ 100kg" (see workout routine --help)',
    );
  return text;
}
