import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * Structure and least privilege of the KB refresh workflow (a stand-in for actionlint, which is not an
 * npm package): parsed with `yaml`, checked against what each job actually does.
 */
const file = path.join(import.meta.dirname, '..', '..', '.github', 'workflows', 'kb-refresh.yml');
const text = fs.readFileSync(file, 'utf8');

interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}
interface Job {
  readonly 'runs-on': string;
  readonly needs?: string | string[];
  readonly if?: string;
  readonly permissions: Record<string, string>;
  readonly outputs?: Record<string, string>;
  readonly steps: Step[];
}
const workflow = parse(text, { strict: true, uniqueKeys: true }) as {
  name: string;
  on: Record<string, unknown>;
  permissions: unknown;
  jobs: Record<string, Job>;
};
const jobs = Object.entries(workflow.jobs);
const scripts = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');

test('runs weekly and on manual dispatch, never on pull request events', () => {
  expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
  const [schedule] = workflow.on.schedule as { cron: string }[];
  expect(schedule!.cron.split(' ')).toHaveLength(5);
  expect(schedule!.cron.split(' ')[4]).toMatch(/^[0-6]$/); // one day of the week
  expect(text).not.toMatch(/pull_request_target/);
});

test('starts from no permissions and grants per job exactly what the job uses', () => {
  expect(workflow.permissions).toEqual({});
  expect(Object.keys(workflow.jobs).sort()).toEqual(['pull-request', 'refresh']);
  expect(workflow.jobs.refresh!.permissions).toEqual({ contents: 'read', models: 'read' });
  expect(workflow.jobs['pull-request']!.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });

  for (const [name, job] of jobs) {
    const run = scripts(job);
    const env = JSON.stringify(job.steps.map((s) => s.env ?? {}));
    // Each grant is used: write access by a push or a pull request command, models by the summarizer.
    if (job.permissions.contents === 'write') expect(run).toMatch(/git push/);
    else expect(run).not.toMatch(/git push/);
    if (job.permissions['pull-requests'] === 'write') expect(run).toMatch(/gh pr (create|edit)/);
    else expect(run).not.toMatch(/gh pr/);
    if (job.permissions.models === 'read') expect(env).toContain('https://models.github.ai/inference');
    // Read access to contents is used by the checkout every job starts with.
    expect(job.steps[0]!.uses).toMatch(/^actions\/checkout@/);
    // The job that installs npm packages holds no write grant and keeps no git credentials.
    if (/npm (ci|install)/.test(run)) {
      expect(Object.values(job.permissions).every((p) => p === 'read')).toBe(true);
      expect(job.steps[0]!.with?.['persist-credentials']).toBe(false);
    }
    expect(name).toBeTruthy();
  }
});

test('third-party actions are pinned by commit', () => {
  const uses = jobs.flatMap(([, job]) => job.steps.map((s) => s.uses).filter((u): u is string => !!u));
  expect(uses.length).toBeGreaterThan(0);
  for (const u of uses) expect(u).toMatch(/^(\.\/|[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$)/);
});

test('the refresh job runs kb refresh and hands a patch and report to the pull-request job', () => {
  const refresh = workflow.jobs.refresh!;
  expect(scripts(refresh)).toMatch(/node dist\/cli\.js "\$\{args\[@\]\}"/);
  expect(scripts(refresh)).toMatch(/args=\(kb refresh --report/);
  expect(refresh.outputs).toEqual({ changed: '${{ steps.diff.outputs.changed }}' });
  expect(refresh.steps.some((s) => s.id === 'diff' && /git diff --cached --binary -- kb\//.test(s.run ?? ''))).toBe(true);
  const pr = workflow.jobs['pull-request']!;
  expect(pr.needs).toBe('refresh');
  expect(pr.if).toBe("needs.refresh.outputs.changed == 'true'");
  expect(scripts(pr)).not.toMatch(/npm|node /);
  expect(scripts(pr)).toMatch(/gh pr list --head "\$BRANCH"/);
});

test('no expression is expanded inside a shell script (inputs reach scripts through env)', () => {
  for (const [, job] of jobs) for (const s of job.steps) if (s.run) expect(s.run).not.toContain('${{');
  for (const [, job] of jobs) for (const s of job.steps) for (const v of Object.values(s.env ?? {})) expect(String(v)).not.toMatch(/github\.event\.(issue|pull_request|comment|head_commit)/);
});

test('every job has a runner, steps and a timeout; step ids referenced exist', () => {
  for (const [, job] of jobs) {
    expect(job['runs-on']).toBe('ubuntu-latest');
    expect(job.steps.length).toBeGreaterThan(0);
    expect((job as unknown as { 'timeout-minutes': number })['timeout-minutes']).toBeGreaterThan(0);
    const ids = new Set(job.steps.map((s) => s.id).filter(Boolean));
    const referenced = [...JSON.stringify(job).matchAll(/steps\.([\w-]+)\.outputs/g)].map((m) => m[1]);
    for (const id of referenced) expect(ids).toContain(id);
  }
});
