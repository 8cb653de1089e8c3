/** Tiny flag parser shared by the planner CLIs: positional args and `--name value` / `--flag`. */
export function parseArgs(argv: string[], booleans: string[] = []): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const name = a.slice(2);
    if (booleans.includes(name)) flags.set(name, 'true');
    else {
      flags.set(name, argv[i + 1] ?? '');
      i++;
    }
  }
  return { positional, flags };
}
