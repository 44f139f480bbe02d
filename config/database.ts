import { databaseConfig, readEnvOrExit } from '../src/env';

export default () => databaseConfig(readEnvOrExit().database);
