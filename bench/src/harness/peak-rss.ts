import { readFileSync } from 'node:fs';

/**
 * This process's own peak resident set, in MB. Linux keeps `getrusage`'s `ru_maxrss` across
 * `execve`, so a child spawned by a large parent (the bench, 90 MB or more after a few
 * benchmarks) reports at least the parent's RSS at the fork: `node -e 0` spawned here reported
 * 90 MB against its own 41 MB. `VmHWM` in /proc/self/status is the high-water mark of this
 * process's own address space, which starts anew at exec. Elsewhere `maxRSS` is the best there is.
 */
export function peakRssMB(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm?.[1]) return Number(hwm[1]) / 1024;
  } catch {
    // Not Linux: fall through.
  }
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * The same, as a module `node --import` preloads into a process we do not control (`node -e 0`,
 * the CLI's bin): at exit it writes `<mark><MB>` to stderr. Inline source, not an import of the
 * function above: preloading a `.ts` file costs both sides of a pair about 30 ms and 20 MB (type
 * stripping), which would swamp the figure measured.
 */
export function peakRssReporter(mark: string): string {
  const source = `process.on('exit', () => {
  let mb = process.resourceUsage().maxRSS / 1024;
  try {
    const m = /^VmHWM:\\s+(\\d+) kB$/m.exec(process.getBuiltinModule('fs').readFileSync('/proc/self/status', 'utf8'));
    if (m) mb = Number(m[1]) / 1024;
  } catch {}
  process.stderr.write('\\n${mark}' + mb);
});`;
  return `data:text/javascript,${encodeURIComponent(source)}`;
}
