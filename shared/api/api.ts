import type { z } from 'zod';
import { checkRequestDepth } from './checkRequestDepth';
import { type Contract, contract, type MethodSpec, type ReportFormat, type ServiceName } from './contract';

type InputOf<M> = M extends MethodSpec<infer I, z.ZodType> ? z.input<I> : never;
type ParsedInputOf<M> = M extends MethodSpec<infer I, z.ZodType> ? z.output<I> : never;
type OutputOf<M> = M extends MethodSpec<z.ZodType, infer O> ? z.output<O> : never;

/** The API as the renderer sees it: one async function per contract method. */
export type Api = {
  [S in ServiceName]: {
    [M in keyof Contract[S]]: (input: InputOf<Contract[S][M]>) => Promise<OutputOf<Contract[S][M]>>;
  };
};

/** What a service implements: each method takes checked input and may answer synchronously. */
export type Services = {
  [S in ServiceName]: {
    [M in keyof Contract[S]]: (
      input: ParsedInputOf<Contract[S][M]>,
    ) => OutputOf<Contract[S][M]> | Promise<OutputOf<Contract[S][M]>>;
  };
};

/** What one service implements, e.g. `ServiceImplementation<'library'>`. */
export type ServiceImplementation<S extends ServiceName> = Services[S];

/** One entry per contract method, for transports that register or generate per method. */
export interface MethodEntry {
  service: ServiceName;
  method: string;
  spec: MethodSpec;
  /** The Electron IPC channel, e.g. "margin:library.open". */
  channel: string;
  /** The HTTP path under `margin serve`, e.g. "/api/library/open". */
  path: string;
}

/** Every method of the contract with its derived channel name and HTTP path. */
export function listMethods(): MethodEntry[] {
  const entries: MethodEntry[] = [];
  for (const service of Object.keys(contract) as ServiceName[]) {
    const methods = contract[service] as Record<string, MethodSpec>;
    for (const [method, spec] of Object.entries(methods)) {
      entries.push({
        service,
        method,
        spec,
        channel: `margin:${service}.${method}`,
        path: `/api/${service}/${method}`,
      });
    }
  }
  return entries;
}

/**
 * Calls one contract method on the services: the payload is checked for its nesting depth and
 * then with the method's input schema (throwing zod's error when it fails), so a malformed call
 * never reaches a service. Both transports dispatch through here.
 */
export async function invokeMethod(
  services: Services,
  entry: MethodEntry,
  payload: unknown,
): Promise<unknown> {
  checkRequestDepth(payload);
  const input = entry.spec.input.parse(payload);
  const service = services[entry.service] as unknown as Record<string, (input: unknown) => unknown>;
  return service[entry.method]!.call(service, input);
}

/** The IPC channel on which the desktop shell sends menu commands to the renderer. */
export const COMMAND_CHANNEL = 'margin:command';

/** Commands the desktop menu sends to the renderer; the renderer runs them like its own buttons. */
export type ShellCommand =
  | 'open-article'
  | 'import-report'
  | `export-${ReportFormat}`
  | 'undo'
  | 'redo'
  | 'restore-backup';
