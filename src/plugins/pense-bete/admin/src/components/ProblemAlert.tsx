export { ProblemAlert } from '@csc/plugin-core/admin-toolkit';
