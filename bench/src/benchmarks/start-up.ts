import { access, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { type BenchResult, mb, ms, type Row, ratio } from '../harness/report.ts';
import { type StartUp, timeStartUp } from '../harness/start-up.ts';
import { percentile } from '../harness/stats.ts';
import { BUILT_PACKAGES, CLI_BUILT_BIN, CLI_PACKAGE_JSON } from './paths.ts';

const WALL_GOAL = 2.0;
const RSS_GOAL = 1.6;

/** Paired runs of one command against `node -e 0`, alternating which goes first. */
async function paired(args: readonly string[], rounds: number, cwd: string) {
  const ours: StartUp[] = [];
  const node: StartUp[] = [];
  for (let round = 0; round < rounds; round++) {
    const pair = [() => timeStartUp(args, cwd), () => timeStartUp(['-e', '0'], cwd)];
    if (round % 2 === 1) pair.reverse();
    const [first, second] = [
      await (pair[0] as () => Promise<StartUp>)(),
      await (pair[1] as () => Promise<StartUp>)(),
    ];
    ours.push(round % 2 === 1 ? second : first);
    node.push(round % 2 === 1 ? first : second);
  }
  const median = (runs: StartUp[], pick: (run: StartUp) => number) =>
    percentile(runs.map(pick), 50);
  return {
    ours,
    wall: [median(ours, (r) => r.wallMs), median(node, (r) => r.wallMs)] as const,
    rss: [median(ours, (r) => r.maxRssMB), median(node, (r) => r.maxRssMB)] as const,
  };
}

function rows(label: string, run: Awaited<ReturnType<typeof paired>>, goals: boolean): Row[] {
  const wallRatio = run.wall[0] / run.wall[1];
  const rssRatio = run.rss[0] / run.rss[1];
  return [
    {
      figure: `${label}: wall time, median`,
      ours: ms(run.wall[0]),
      alternative: ms(run.wall[1]),
      ratio: ratio(run.wall[0], run.wall[1]),
      goal: goals ? `<= ${WALL_GOAL.toFixed(1)}` : '',
      met: goals ? wallRatio <= WALL_GOAL : null,
    },
    {
      figure: `${label}: peak RSS, median`,
      ours: mb(run.rss[0]),
      alternative: mb(run.rss[1]),
      ratio: ratio(run.rss[0], run.rss[1]),
      goal: goals ? `<= ${RSS_GOAL.toFixed(1)}` : '',
      met: goals ? rssRatio <= RSS_GOAL : null,
    },
  ];
}

/**
 * 6. Start-up: the built `robowrite` bin against bare `node -e 0`, run in pairs on the same
 * machine. `--version` has the goal (a CI step runs the CLI many times); `status` in an empty
 * project shows what a real command that makes no request costs once it loads its modules.
 */
export async function startUp(smoke: boolean, log: (line: string) => void): Promise<BenchResult> {
  await access(CLI_BUILT_BIN).catch(() => {
    throw new Error(`${CLI_BUILT_BIN} is missing: run \`pnpm build\` first`);
  });
  const rounds = smoke ? 5 : 30;
  const project = await mkdtemp(join(os.tmpdir(), 'rw-bench-startup-'));
  try {
    const { version } = (await import(CLI_PACKAGE_JSON, { with: { type: 'json' } })).default as {
      version: string;
    };
    log(`start-up: ${rounds} pairs of robowrite --version / node -e 0`);
    const versionRun = await paired([BUILT_PACKAGES, CLI_BUILT_BIN, '--version'], rounds, project);
    log(`start-up: ${rounds} pairs of robowrite status / node -e 0`);
    // The bin's imports resolve to the built packages, as in an installed site.
    const statusRun = await paired([BUILT_PACKAGES, CLI_BUILT_BIN, 'status'], rounds, project);
    const printed = versionRun.ours.filter((r) => r.code === 0 && r.stdout.trim() === version);
    return {
      title: '6. Start-up: the built `robowrite` bin against `node -e 0`',
      setup: [
        `${rounds} pairs per command, alternating which runs first; medians; wall time from spawn to exit as seen by the parent, peak RSS reported by each process at exit`,
        '`status` runs in an empty project (no config, no API request): it loads the command, the config reader and the state reader',
      ],
      rows: [
        ...rows('`robowrite --version`', versionRun, true),
        ...rows('`robowrite status`', statusRun, false),
      ],
      checks: [
        {
          what: '--version runs that printed the version',
          expected: rounds,
          actual: printed.length,
        },
      ],
      notes: [],
    };
  } finally {
    await rm(project, { recursive: true, force: true });
  }
}
