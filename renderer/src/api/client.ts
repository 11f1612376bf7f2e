import { type Api, ApiError, type Envelope, listMethods, type ShellCommand } from '../../../shared/api';

/** What the desktop preload exposes as `window.margin`: one function per method, plus menu commands. */
interface Bridge {
  [service: string]: unknown;
  onCommand?: (listener: (command: ShellCommand) => void) => () => void;
}

declare global {
  interface Window {
    margin?: Bridge;
  }
}

/** The workbench API and the desktop menu's commands, whatever the transport. */
export interface Client {
  api: Api;
  /** Listens to menu commands (desktop only; a no-op in a browser). Returns a function that stops listening. */
  onCommand(listener: (command: ShellCommand) => void): () => void;
}

const TOKEN_KEY = 'margin.token';

/**
 * Connects to the workbench: through the preload bridge in the desktop app, or over HTTP to
 * `margin serve` in a browser. This is the only module that knows either transport exists.
 */
export function connect(): Client {
  const bridge = window.margin;
  if (bridge) {
    return {
      api: buildApi((entry, input) => {
        const service = bridge[entry.service] as Record<
          string,
          (input: unknown) => Promise<Envelope<unknown>>
        >;
        return service[entry.method]!(input);
      }),
      onCommand: (listener) => bridge.onCommand?.(listener) ?? (() => {}),
    };
  }
  const token = takeToken();
  return {
    api: buildApi(async (entry, input) => {
      let response: Response;
      try {
        response = await fetch(entry.path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        throw new ApiError(
          'internal',
          'Margin’s local server did not answer; check that `margin serve` is still running, then try again.',
        );
      }
      return (await response.json()) as Envelope<unknown>;
    }),
    onCommand: () => () => {},
  };
}

type Send = (entry: ReturnType<typeof listMethods>[number], input: unknown) => Promise<Envelope<unknown>>;

/** Builds the typed API from the contract's method list and a way to send one call. */
function buildApi(send: Send): Api {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const entry of listMethods()) {
    api[entry.service] ??= {};
    api[entry.service]![entry.method] = async (input: unknown) => {
      const envelope = await send(entry, input);
      if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
      return envelope.value;
    };
  }
  return api as unknown as Api;
}

/**
 * The token `margin serve` put in the address's fragment. It is kept for this tab (so a reload
 * works) and removed from the address bar, where it could be copied or shown by accident.
 */
function takeToken(): string {
  const fromAddress = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromAddress) {
    sessionStorage.setItem(TOKEN_KEY, fromAddress);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromAddress;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}
