import type { IncomingMessage } from 'node:http';
import {
  ApiError,
  type Envelope,
  invokeMethod,
  listMethods,
  type MethodEntry,
  type Services,
  toErrorEnvelope,
} from '../../../shared/api';
import { readBody } from './readBody';

const METHODS_BY_PATH: ReadonlyMap<string, MethodEntry> = new Map(
  listMethods().map((entry) => [entry.path, entry]),
);

/** HTTP status for each error code, so plain HTTP clients can tell failures apart. */
const STATUS: Record<string, number> = {
  'invalid-input': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'too-large': 413,
  'not-an-article': 422,
  unsupported: 422,
  storage: 507,
  internal: 500,
};

/** An API answer: the HTTP status and the envelope to send as JSON. */
export interface ApiAnswer {
  status: number;
  envelope: Envelope<unknown>;
}

/**
 * Runs one API call: finds the contract method for the path, reads the body within the method's
 * limit, validates it with the method's input schema, and calls the service. A request that fails
 * validation never reaches the service.
 */
export async function handleApiRequest(
  request: IncomingMessage,
  path: string,
  services: Services,
): Promise<ApiAnswer> {
  try {
    const entry = METHODS_BY_PATH.get(path);
    if (!entry || request.method !== 'POST') {
      throw new ApiError('not-found', `There is no API method at ${request.method} ${path}.`);
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      throw new ApiError('invalid-input', 'API requests must be sent as application/json.');
    }
    const body = await readBody(request, entry.spec.maxRequestBytes);
    let payload: unknown;
    try {
      payload = JSON.parse(body === '' ? '{}' : body);
    } catch {
      throw new ApiError('invalid-input', 'The request body is not valid JSON.');
    }
    const value = await invokeMethod(services, entry, payload);
    return { status: 200, envelope: { ok: true, value } };
  } catch (error) {
    const envelope = toErrorEnvelope(error);
    if (envelope.error.code === 'internal') console.error(error);
    return { status: STATUS[envelope.error.code] ?? 500, envelope };
  }
}
