import { inject } from 'vitest';

// Test workers learn the run id from the global setup (see template.ts).
globalThis.__lachanTestRun = inject('lachanTestRun');
