import { ApiError, apiUrl, getCsrfToken } from '../../api/client.ts';

/**
 * POST a file as JSON with XMLHttpRequest, which (unlike fetch) reports upload progress; answers the
 * parsed body or throws the API's error like the client does.
 */
export function uploadWithProgress<T>(path: string, file: Blob, onProgress: (sent: number, total: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path));
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.setRequestHeader('Accept', 'application/json');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'network error'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const err = (body as { error?: { code: string; message: string; details?: unknown } } | undefined)?.error;
      reject(err ? new ApiError(xhr.status, err.code, err.message, err.details) : new ApiError(xhr.status, 'http_error', `HTTP ${xhr.status}`));
    };
    xhr.send(file);
  });
}
