/** One logger per module; lines go to stderr as JSON so IT can collect them. */
export type Logger = {
  info(message: string, detail?: Record<string, unknown>): void;
  warn(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
};

export type LogSink = (line: string) => void;

const defaultSink: LogSink = (line) => {
  process.stderr.write(`${line}\n`);
};

export function createLogger(module: string, sink: LogSink = defaultSink, now: () => Date = () => new Date()): Logger {
  const write = (level: string, message: string, detail?: Record<string, unknown>): void => {
    sink(JSON.stringify({ at: now().toISOString(), level, module, message, ...detail }));
  };
  return {
    info: (message, detail) => write('info', message, detail),
    warn: (message, detail) => write('warn', message, detail),
    error: (message, detail) => write('error', message, detail),
  };
}
