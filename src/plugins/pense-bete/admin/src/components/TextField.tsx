export { TextField } from '@csc/plugin-core/admin-toolkit';
