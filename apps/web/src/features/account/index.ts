export { AccountPage } from './AccountPage.tsx';
export { EnrolmentPanel } from './EnrolmentPanel.tsx';
