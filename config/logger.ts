import { readEnvOrExit } from '../src/env';

export default () => ({ level: readEnvOrExit().logLevel });
