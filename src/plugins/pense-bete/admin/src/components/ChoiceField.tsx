export { ChoiceField } from '@csc/plugin-core/admin-toolkit';
