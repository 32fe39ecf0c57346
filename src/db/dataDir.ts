import envPaths from 'env-paths';
import type { Config } from '../config.js';

/** `$WORKOUT_HOME`, else the XDG data dir (`~/.local/share/workout` on Linux). */
export function dataDir(config: Config): string {
  return config.home ?? envPaths('workout', { suffix: '' }).data;
}
