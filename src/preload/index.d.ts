import type { SoftphoneApi } from '../shared/api';

declare global {
  interface Window {
    /** The preload bridge (src/preload/index.ts); absent on any page that is not ours. */
    softphone: SoftphoneApi;
  }
}

export {};
