/** Front door of the constituency reports feature. */
export { ConstituencyPage } from './ConstituencyPage.tsx';
