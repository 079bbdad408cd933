/** Where the launcher writes: its own messages and its children's lines, each prefixed with who said it. */
export interface Output {
  info(message: string): void;
  error(message: string): void;
  child(name: string, line: string): void;
}

const COLORS = [36, 33, 35, 32, 34, 91, 96, 93, 95, 92];

export function consoleOutput(nameWidth = 14, color = process.stdout.isTTY === true): Output {
  const colorOf = new Map<string, number>();
  const paint = (name: string) => {
    const label = name.padEnd(nameWidth);
    if (!color) return label;
    if (!colorOf.has(name)) colorOf.set(name, COLORS[colorOf.size % COLORS.length]!);
    return `\x1b[${colorOf.get(name)}m${label}\x1b[0m`;
  };
  return {
    info: (message) => process.stdout.write(`${paint('launcher')} │ ${message}\n`),
    error: (message) => process.stderr.write(`${paint('launcher')} │ ${message}\n`),
    child: (name, line) => process.stdout.write(`${paint(name)} │ ${line}\n`),
  };
}
