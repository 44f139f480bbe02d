export { coreService } from '@csc/plugin-core/toolkit';
