// Loaded into every process of a benchmark stack with NODE_OPTIONS="--import <this file>" when BENCH_PROFILE is set
// (node refuses --cpu-prof in NODE_OPTIONS, and a whole-life profile would mix seeding into the figures). The first
// SIGUSR2 starts V8's sampling profiler, the next writes what it sampled to
// $BENCH_PROFILE/<process>-<pid>-<n>.cpuprofile, so a benchmark profiles exactly the window it measures.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { basename, join } from 'node:path';

const dir = process.env.BENCH_PROFILE;
if (dir) {
  const session = new Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) =>
      session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))),
    );
  const args = process.argv.slice(1).map((a) => basename(a).replace(/\.[cm]?[jt]s$/, ''));
  const name = args.filter((a) => a !== 'host' && !a.startsWith('-')).join('+') || 'node';
  let running = false;
  let n = 0;
  process.on('SIGUSR2', () => {
    void (async () => {
      if (!running) {
        running = true;
        await post('Profiler.enable');
        await post('Profiler.setSamplingInterval', { interval: 500 });
        await post('Profiler.start');
        return;
      }
      running = false;
      const { profile } = await post('Profiler.stop');
      writeFileSync(join(dir, `${name}-${process.pid}-${n++}.cpuprofile`), JSON.stringify(profile));
    })();
  });
}
