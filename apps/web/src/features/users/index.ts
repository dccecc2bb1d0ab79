/** Front door of the users module. */
export { UsersPage } from './UsersPage.tsx';
