import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `tsx bench/support/profile-top.ts <file.cpuprofile> [rows]`: where a V8 CPU profile (node --cpu-prof) spent its
 * samples, by self time: the top functions, and the same samples grouped by package (or by our source folder), so
 * a profile taken under load can be quoted in docs/performance.md.
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

export function summarise(profile: Profile, rows = 25): string {
  const byNode = new Map<number, Node & { children?: number[] }>(profile.nodes.map((n) => [n.id, n]));
  // The profiler's own stop call (cpu-profile-preload.mjs) lands in the last samples: not the service's work.
  const ownWork = new Set<number>();
  const mark = (id: number) => {
    ownWork.add(id);
    for (const c of byNode.get(id)?.children ?? []) mark(c);
  };
  for (const n of profile.nodes) if (n.callFrame.url.includes('cpu-profile-preload')) mark(n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  let total = 0;
  let idle = 0;
  const fns = new Map<string, number>();
  const groups = new Map<string, number>();
  for (const [id, us] of self) {
    if (ownWork.has(id)) continue;
    const frame = byNode.get(id)!.callFrame;
    total += us;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)')
      idle += frame.functionName === '(idle)' ? us : 0;
    const where = frame.url.replace(/^file:\/\//, '').replace(/^.*\/work\/main\//, '');
    const fn = `${frame.functionName || '(anonymous)'} ${where ? `${where.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}` : ''}`;
    fns.set(fn, (fns.get(fn) ?? 0) + us);
    groups.set(groupOf(frame), (groups.get(groupOf(frame)) ?? 0) + us);
  }
  const busy = total - idle;
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)}%`;
  const top = (m: Map<string, number>) =>
    [...m]
      .filter(([k]) => !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, rows)
      .map(([k, us]) => `  ${pct(us)}  ${k}`)
      .join('\n');
  return `busy ${(busy / 1e6).toFixed(2)} s of ${(total / 1e6).toFixed(2)} s sampled\nby package:\n${top(groups)}\nby function (self):\n${top(fns)}`;
}

function groupOf(frame: Node['callFrame']): string {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native/builtin)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (pkg) return pkg[1]!;
  if (frame.url.startsWith('node:')) return frame.url;
  const ours = /\/work\/main\/(?:dist\/)?([^/]+(?:\/[^/]+)?)/.exec(frame.url);
  return ours ? ours[1]! : frame.url;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, rows] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-top.ts <file.cpuprofile> [rows]');
  console.log(summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(rows) || 25));
}
