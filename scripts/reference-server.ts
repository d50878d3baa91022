/**
 * Starts the reference central service as a child process (`node server/cli.ts`) and waits until
 * it answers its health check. Used by `npm start`, browser mode, end-to-end tests and benchmarks.
 * `pause()` stops it like an outage and `resume()` brings it back on the same port with the same
 * data, as a central service comes back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

export type RunningServer = {
  url: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
};

type Options = { port: number; dataDir: string; args?: string[]; quiet?: boolean };

async function launch(options: Options): Promise<{ child: ChildProcess; exited: Promise<number | null> }> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(
    process.execPath,
    [
      'server/cli.ts',
      '--port',
      String(options.port),
      '--host',
      '127.0.0.1',
      '--data',
      options.dataDir,
      ...(options.args ?? []),
    ],
    { cwd: projectRoot, stdio: options.quiet ? ['ignore', 'ignore', 'pipe'] : ['ignore', 'inherit', 'inherit'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  // A first start generates the demo district before it answers: give that time.
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const code = await Promise.race([exited, new Promise<'wait'>((r) => setTimeout(() => r('wait'), 250))]);
    if (code !== 'wait') throw new Error(`Der Referenzdienst hat sich beendet (Code ${String(code)}).\n${stderr}`);
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`Der Referenzdienst antwortet nicht unter ${url}.\n${stderr}`);
    }
  }
  return { child, exited };
}

export async function startReferenceServer(options: Options): Promise<RunningServer> {
  let running: { child: ChildProcess; exited: Promise<number | null> } | null = await launch(options);
  const stop = async (): Promise<void> => {
    const current = running;
    running = null;
    if (!current || current.child.exitCode !== null) return;
    current.child.kill('SIGTERM');
    await current.exited;
  };
  return {
    url: `http://127.0.0.1:${options.port}`,
    get process() {
      if (!running) throw new Error('Der Referenzdienst läuft gerade nicht.');
      return running.child;
    },
    stop,
    pause: stop,
    resume: async () => {
      running ??= await launch(options);
    },
  };
}
