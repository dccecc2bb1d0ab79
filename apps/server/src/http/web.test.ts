import { describe, expect, it } from 'vitest';
import { isApiPath } from './web.ts';

describe('which paths the console serves', () => {
  it('leaves console pages whose name starts like the API to the console', () => {
    expect(isApiPath('/api-keys')).toBe(false);
    expect(isApiPath('/api-keys?x=1')).toBe(false);
    expect(isApiPath('/apis')).toBe(false);
    expect(isApiPath('/taxii2-help')).toBe(false);
    expect(isApiPath('/statistics')).toBe(false);
  });
  it('answers API paths itself', () => {
    expect(isApiPath('/api')).toBe(true);
    expect(isApiPath('/api/v1/nothing')).toBe(true);
    expect(isApiPath('/api?x')).toBe(true);
    expect(isApiPath('/taxii2/')).toBe(true);
    expect(isApiPath('/metrics')).toBe(true);
  });
});
