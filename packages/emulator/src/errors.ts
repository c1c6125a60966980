/** An error that becomes a `{"detail": ...}` response with its status code. */
export class ApiError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(status: number, detail: string, headers: Record<string, string> = {}) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.headers = headers;
  }
}

export const notFound = (what: string): ApiError => new ApiError(404, `${what} not found`);
export const unprocessable = (detail: string): ApiError => new ApiError(422, detail);
export const conflict = (detail: string): ApiError => new ApiError(409, detail);
