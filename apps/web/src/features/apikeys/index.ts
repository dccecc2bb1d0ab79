/** Front door of the API keys module. */
export { ApiKeysPage } from './ApiKeysPage.tsx';
