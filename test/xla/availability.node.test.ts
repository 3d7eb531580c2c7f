// Without the native addon, lt.backends() says why 'xla' is unavailable and setBackend refuses
// it with that reason; with it (npm run build:native), xla is available.
import { describe, it, expect } from 'vitest';
import * as lt from '../../ts/index';
import { xlaStatus } from '../../accelerators/xla/index';
import { relaxedSimdSupported } from '../../accelerators/wasm';

describe('XLA availability', () => {
  it('is reported by lt.backends(), with a reason when missing', () => {
    const status = xlaStatus();
    expect(lt.backends().xla).toEqual(status);
    if (!status.available) {
      expect(status.reason).toMatch(/XLA addon|Node/);
      expect(() => lt.setBackend('xla')).toThrow(/not available/);
    }
    expect(lt.backends().wasm).toEqual({ available: true, build: relaxedSimdSupported() ? 'relaxed-simd' : 'simd' });
  });
});
