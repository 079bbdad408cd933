import { logFormat, prettyPrinter } from './log-format.ts';

/** Where the launcher writes: its own messages and its children's lines, each prefixed with who said it. */
export interface Output {
  info(message: string): void;
  error(message: string): void;
  child(name: string, line: string): void;
}

const COLORS = [36, 33, 35, 32, 34, 91, 96, 93, 95, 92];

/**
 * The launcher's console: its own messages and each child's lines, prefixed by name. Children write pino JSON;
 * with `LOG_FORMAT=pretty` (the default in a terminal) their lines are shown readable, otherwise passed on as-is.
 */
export function consoleOutput(
  nameWidth = 14,
  color = process.stdout.isTTY === true,
  chosen = logFormat(process.env.LOG_FORMAT, process.stdout.isTTY === true),
): Output {
  const colorOf = new Map<string, number>();
  const paint = (name: string) => {
    const label = name.padEnd(nameWidth);
    if (!color) return label;
    if (!colorOf.has(name)) colorOf.set(name, COLORS[colorOf.size % COLORS.length]!);
    return `\x1b[${colorOf.get(name)}m${label}\x1b[0m`;
  };
  const show = chosen.format === 'pretty' ? prettyPrinter(color) : (line: string) => line;
  const output: Output = {
    info: (message) => process.stdout.write(`${paint('launcher')} │ ${message}\n`),
    error: (message) => process.stderr.write(`${paint('launcher')} │ ${message}\n`),
    child: (name, line) => {
      const prefix = `${paint(name)} │ `;
      process.stdout.write(
        `${show(line)
          .split('\n')
          .map((part) => prefix + part)
          .join('\n')}\n`,
      );
    },
  };
  if (chosen.problem) output.error(chosen.problem);
  return output;
}
