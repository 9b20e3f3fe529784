/// <reference types="vite/client" />
import type { BackstepBridge } from '../../main/contract/bridge';

declare global {
  interface Window {
    /** Present only in the desktop app (main/preload.ts). Read it only in platform.ts. */
    backstep?: BackstepBridge;
  }
}
