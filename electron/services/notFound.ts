import { ApiError } from '../../shared/api';

/** The error for a document id that is not in the library. */
export function notFound(id: string): ApiError {
  return new ApiError(
    'not-found',
    `No document with id ${id} is in this library; list the library to see what it holds.`,
  );
}
