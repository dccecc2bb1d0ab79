// Types of the BSI CSAF validator library (@secvisogram/csaf-validator-lib ships JavaScript only), as far as the tests use it.
declare module '@secvisogram/csaf-validator-lib/validateStrict.js' {
  type Message = { message: string; instancePath: string };
  type DocumentTest = (doc: unknown) => unknown;
  /** Runs the given tests (only the library's own) on a document. */
  export default function validateStrict(tests: DocumentTest[], doc: unknown): Promise<{
    isValid: boolean;
    tests: Array<{ name: string; isValid: boolean; errors: Message[]; warnings: Message[]; infos: Message[] }>;
  }>;
}
declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  // Every mandatory test (6.1.1 … 6.1.33) is exported by name; the tests name only the ones they single out.
  export const mandatoryTest_6_1_9: (doc: unknown) => unknown;
  export const mandatoryTest_6_1_27_2: (doc: unknown) => unknown;
}
declare module '@secvisogram/csaf-validator-lib/schemaTests.js' {
  export const csaf_2_0_strict: (doc: unknown) => unknown;
}
