import { readFileSync } from 'node:fs';
import { type ChainableCommander, Redis } from 'ioredis';

/**
 * The text of `<name>.lua` files in `dir` (a `new URL('./lua/', import.meta.url)`), joined in order. Lua has no
 * imports, so shared functions (a prelude) are files read before the script that uses them.
 */
export function readLua(dir: URL, ...names: string[]): string {
  return names.map((n) => readFileSync(new URL(`${n}.lua`, dir), 'utf8')).join('\n');
}

type Caller = (numKeys: number, ...keysAndArgs: (string | number)[]) => Promise<unknown>;

/**
 * A domain's Lua scripts, each its full source (preludes included), under typed names. Installed on a client with
 * ioredis's `defineCommand`: calls go out as EVALSHA, and a NOSCRIPT answer (Redis restarted or failed over and
 * forgot its scripts) is followed by a reload, in pipelines too, so it costs a round trip, never an error.
 */
export class LuaScripts<Name extends string> {
  private readonly commands: Record<Name, string>;

  /** `domain` namespaces the command names ioredis defines, so two domains never collide on one client. */
  constructor(
    domain: string,
    private readonly sources: Record<Name, string>,
  ) {
    this.commands = Object.fromEntries(
      Object.keys(sources).map((name) => [name, `${domain}_${name}`]),
    ) as Record<Name, string>;
  }

  /**
   * Defines every script on `client`. Stores call it in their constructor: a pipeline only knows the scripts its
   * client had when the pipeline was created. Calling it again is harmless.
   */
  install(client: Redis): void {
    for (const name of Object.keys(this.sources) as Name[]) {
      const command = this.commands[name];
      if (typeof (client as unknown as Record<string, unknown>)[command] !== 'function') {
        client.defineCommand(command, { lua: this.sources[name] });
      }
    }
  }

  /** Runs a script on a client (installing the scripts first if needed), or queues it on a pipeline. */
  run(
    target: Redis | ChainableCommander,
    name: Name,
    keys: readonly string[],
    args: readonly (string | number)[],
  ): Promise<unknown> {
    const command = this.commands[name];
    let fn = (target as unknown as Record<string, Caller | undefined>)[command];
    if (typeof fn !== 'function' && target instanceof Redis) {
      this.install(target);
      fn = (target as unknown as Record<string, Caller | undefined>)[command];
    }
    if (typeof fn !== 'function') {
      throw new Error(`script ${name} is not installed on this pipeline's client; call install() first`);
    }
    return fn.call(target, keys.length, ...keys, ...args);
  }
}
